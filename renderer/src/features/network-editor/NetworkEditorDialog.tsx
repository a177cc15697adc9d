import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/Delete';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { NetworkChange, NetworkChangePlan, NetworkKind } from '../../../../shared/contract/networks';
import { macvlanModeInfo, macvlanModes, type MacvlanMode } from '../../../../shared/compose/macvlan-modes';
import { MAAS_PRESET_REASON } from '../../../../shared/networks/presets';
import type { HostSnapshot, LibvirtNetwork } from '../../../../shared/snapshot/types';
import { errorShapeOf, useCommands } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import type { NetworkEditorDialogProps } from '../../components/feature-slots';
import { useLabStore } from '../../store';
import { NetworkPlanPreview } from './NetworkPlanPreview';
import {
  createChange,
  editChange,
  initialCreateDraft,
  initialEditDraft,
  suggestRange,
  withMaasPreset,
  type CreateDraft,
  type EditDraft,
} from './network-draft';

const kindLabels: Record<NetworkKind, string> = {
  nat: 'NAT (VMs reach out behind the host)',
  route: 'Routed (VMs keep their addresses)',
  isolated: 'Isolated (VMs and host only)',
  bridge: 'Bridged to a host bridge',
  macvtap: 'macvtap on host interfaces',
};

/** Plans the change on the host a moment after the form stops changing. */
function usePlan(hostId: string, change: NetworkChange | null) {
  const commands = useCommands();
  // The answer for the change it was asked for: while the form differs from that, a plan is on its way.
  const [state, setState] = useState<{ key: string; plan: NetworkChangePlan | null; error: AppErrorShape | null }>({
    key: '',
    plan: null,
    error: null,
  });
  const key = JSON.stringify(change);
  useEffect(() => {
    if (!change) return;
    let live = true;
    const t = setTimeout(() => {
      commands.networks.plan({ hostId, change }).then(
        (plan) => live && setState({ key, plan, error: null }),
        (e: unknown) => live && setState({ key, plan: null, error: errorShapeOf(e) }),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the change is compared by value (key)
  }, [commands, hostId, key]);
  return { plan: state.plan, error: state.error, loading: change !== null && state.key !== key };
}

function CreateForm({
  snapshot,
  draft,
  onChange,
}: {
  snapshot: HostSnapshot;
  draft: CreateDraft;
  onChange: (d: CreateDraft) => void;
}) {
  // Turning DHCP on or choosing another kind leaves the preset; renaming does not (the lab may have its maas already).
  const set = (p: Partial<CreateDraft>) =>
    onChange({
      ...draft,
      ...p,
      ...(p.dhcpOn === true || (p.kind !== undefined && p.kind !== 'nat' && p.kind !== 'bridge')
        ? { preset: 'none' as const }
        : {}),
    });
  const bridges = snapshot.interfaces.filter((i) => i.kind === 'bridge');
  const nics = snapshot.interfaces.filter(
    (i) => !['loopback', 'tap', 'macvtap', 'macvlan', 'bridge'].includes(i.kind) && !i.master,
  );
  const routed = draft.kind === 'nat' || draft.kind === 'route' || draft.kind === 'isolated';
  const modeInfo = macvlanModeInfo.find((m) => m.mode === draft.mode);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box
        sx={{ p: 1.5, borderRadius: 1, border: 1, borderColor: draft.preset === 'maas' ? 'primary.main' : 'divider' }}
      >
        <Typography variant="subtitle2" component="h3">
          MAAS-ready network
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 1 }}>
          Named maas, DHCP off — MAAS serves DHCP there itself.
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button
            size="small"
            variant={draft.preset === 'maas' && draft.kind === 'nat' ? 'contained' : 'outlined'}
            onClick={() => onChange(withMaasPreset(draft, snapshot, 'nat'))}
          >
            MAAS-ready with NAT
          </Button>
          <Button
            size="small"
            variant={draft.preset === 'maas' && draft.kind === 'bridge' ? 'contained' : 'outlined'}
            disabled={bridges.length === 0}
            onClick={() => onChange(withMaasPreset(draft, snapshot, 'bridge'))}
          >
            MAAS-ready bridged{draft.bridge ? ` to ${draft.bridge}` : ''}
          </Button>
        </Box>
        {draft.preset === 'maas' && (
          <Alert severity="info" sx={{ mt: 1 }} aria-label="Why the MAAS preset">
            {MAAS_PRESET_REASON}
          </Alert>
        )}
      </Box>
      <TextField
        size="small"
        label="Name"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        autoFocus
        helperText="letters, digits, '.', '_' and '-'"
      />
      <TextField
        size="small"
        select
        label="Kind"
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as NetworkKind })}
      >
        {(Object.keys(kindLabels) as NetworkKind[]).map((k) => (
          <MenuItem key={k} value={k}>
            {kindLabels[k]}
          </MenuItem>
        ))}
      </TextField>
      {routed && (
        <>
          <TextField
            size="small"
            label="Host address and prefix"
            value={draft.ipv4}
            onChange={(e) => {
              const r = suggestRange(e.target.value);
              set({ ipv4: e.target.value, ...(r.start ? { dhcpStart: r.start, dhcpEnd: r.end } : {}) });
            }}
            helperText="The host's gateway address on the new subnet, e.g. 10.77.0.1/24"
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          <FormControlLabel
            control={<Switch checked={draft.dhcpOn} onChange={(e) => set({ dhcpOn: e.target.checked })} />}
            label="DHCP (libvirt hands out addresses)"
          />
          {draft.dhcpOn && (
            <Box sx={{ display: 'flex', gap: 1 }}>
              <TextField
                size="small"
                label="DHCP range start"
                value={draft.dhcpStart}
                onChange={(e) => set({ dhcpStart: e.target.value })}
                fullWidth
              />
              <TextField
                size="small"
                label="DHCP range end"
                value={draft.dhcpEnd}
                onChange={(e) => set({ dhcpEnd: e.target.value })}
                fullWidth
              />
            </Box>
          )}
        </>
      )}
      {draft.kind === 'bridge' && (
        <TextField
          size="small"
          select
          label="Host bridge"
          value={draft.bridge}
          onChange={(e) => set({ bridge: e.target.value })}
          helperText="libvirt runs no DHCP here: the LAN's DHCP (or MAAS) answers"
        >
          {bridges.map((b) => (
            <MenuItem key={b.name} value={b.name}>
              {b.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      {draft.kind === 'macvtap' && (
        <>
          <TextField
            size="small"
            select
            label="macvtap mode"
            value={draft.mode}
            onChange={(e) => set({ mode: e.target.value as MacvlanMode })}
            helperText={modeInfo ? `${modeInfo.explanation} ${modeInfo.consequence}` : undefined}
          >
            {macvlanModes.map((m) => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
          <FormGroup aria-labelledby="macvtap-devices">
            <FormLabel id="macvtap-devices" sx={{ typography: 'body2' }}>
              Host interfaces
            </FormLabel>
            {nics.map((i) => (
              <FormControlLabel
                key={i.name}
                control={
                  <Checkbox
                    size="small"
                    checked={draft.devices.includes(i.name)}
                    onChange={(e) =>
                      set({
                        devices: e.target.checked
                          ? [...draft.devices, i.name]
                          : draft.devices.filter((x) => x !== i.name),
                      })
                    }
                  />
                }
                label={i.name}
              />
            ))}
          </FormGroup>
        </>
      )}
      <Box sx={{ display: 'flex', gap: 2 }}>
        <FormControlLabel
          control={<Switch checked={draft.start} onChange={(e) => set({ start: e.target.checked })} />}
          label="Start now"
        />
        <FormControlLabel
          control={<Switch checked={draft.autostart} onChange={(e) => set({ autostart: e.target.checked })} />}
          label="Autostart"
        />
      </Box>
    </Box>
  );
}

function EditForm({
  network,
  draft,
  onChange,
}: {
  network: LibvirtNetwork;
  draft: EditDraft;
  onChange: (d: EditDraft) => void;
}) {
  const set = (p: Partial<EditDraft>) => onChange({ ...draft, ...p });
  const ip4 = network.ips.find((i) => i.family === 'ipv4');
  const hosts = (ip4?.dhcp?.hosts ?? []).filter((h) => !draft.removeIps.includes(h.ip));
  const [mac, setMac] = useState('');
  const [ip, setIp] = useState('');
  const [name, setName] = useState('');
  if (!ip4)
    return (
      <Alert severity="info">
        This network has no IPv4 address, so libvirt serves no DHCP on it. Only autostart can change here.
      </Alert>
    );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <FormControlLabel
        control={<Switch checked={draft.dhcpOn} onChange={(e) => set({ dhcpOn: e.target.checked })} />}
        label="DHCP (libvirt hands out addresses)"
      />
      {draft.dhcpOn && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextField
            size="small"
            label="DHCP range start"
            value={draft.dhcpStart}
            onChange={(e) => set({ dhcpStart: e.target.value })}
            fullWidth
          />
          <TextField
            size="small"
            label="DHCP range end"
            value={draft.dhcpEnd}
            onChange={(e) => set({ dhcpEnd: e.target.value })}
            fullWidth
          />
        </Box>
      )}
      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
          Static hosts
        </Typography>
        {hosts.length + draft.addHosts.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            None.
          </Typography>
        )}
        <Box component="ul" aria-label="Static hosts" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {hosts.map((h) => (
            <Box component="li" key={h.ip} sx={{ display: 'flex', alignItems: 'center', gap: 1, typography: 'body2' }}>
              <Box sx={{ flex: 1 }}>
                {h.ip} — {h.mac ?? '?'}
                {h.name ? ` (${h.name})` : ''}
              </Box>
              <IconButton
                size="small"
                aria-label={`Remove static host ${h.ip}`}
                onClick={() => set({ removeIps: [...draft.removeIps, h.ip] })}
              >
                <DeleteOutline fontSize="small" />
              </IconButton>
            </Box>
          ))}
          {draft.addHosts.map((h) => (
            <Box component="li" key={h.ip} sx={{ display: 'flex', alignItems: 'center', gap: 1, typography: 'body2' }}>
              <Box sx={{ flex: 1, color: 'success.main' }}>
                + {h.ip} — {h.mac}
                {h.name ? ` (${h.name})` : ''}
              </Box>
              <IconButton
                size="small"
                aria-label={`Do not add static host ${h.ip}`}
                onClick={() => set({ addHosts: draft.addHosts.filter((x) => x !== h) })}
              >
                <DeleteOutline fontSize="small" />
              </IconButton>
            </Box>
          ))}
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mt: 1 }}>
          <TextField
            size="small"
            label="MAC address"
            value={mac}
            onChange={(e) => setMac(e.target.value)}
            placeholder="52:54:00:…"
          />
          <TextField size="small" label="IP address" value={ip} onChange={(e) => setIp(e.target.value)} />
          <TextField size="small" label="Host name (optional)" value={name} onChange={(e) => setName(e.target.value)} />
          <Button
            size="small"
            variant="outlined"
            sx={{ justifySelf: 'start', whiteSpace: 'nowrap' }}
            disabled={!mac.trim() || !ip.trim()}
            onClick={() => {
              set({ addHosts: [...draft.addHosts, { mac, ip, name }] });
              setMac('');
              setIp('');
              setName('');
            }}
          >
            Add host
          </Button>
        </Box>
      </Box>
      <FormControlLabel
        control={<Switch checked={draft.autostart} onChange={(e) => set({ autostart: e.target.checked })} />}
        label="Autostart"
      />
    </Box>
  );
}

type Props = NetworkEditorDialogProps;

/**
 * New network, Edit network and Delete network: a form on the left, on the right what the change
 * will do (checks, VMs cut off, the effect on composes, the XML diff and the exact commands).
 * Apply runs exactly that; a failure shows the command and its stderr, with what was undone.
 */
export function NetworkEditorDialog({ hostId, hostName, snapshot, mode, onClose }: Props) {
  const commands = useCommands();
  const notify = useLabStore((s) => s.notify);
  const put = useLabStore((s) => s.putHostSnapshot);
  const network = mode.kind === 'create' ? undefined : snapshot.libvirt?.networks.find((n) => n.name === mode.network);
  const [createDraft, setCreateDraft] = useState<CreateDraft>(() => initialCreateDraft(snapshot));
  const [editDraft, setEditDraft] = useState<EditDraft | null>(() => (network ? initialEditDraft(network) : null));
  // Acceptance holds for the exact list of VMs it was given for.
  const [ackFor, setAckFor] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<AppErrorShape | null>(null);
  const change = useMemo<NetworkChange | null>(() => {
    if (mode.kind === 'create') return createChange(createDraft);
    if (!network) return null;
    if (mode.kind === 'delete') return { op: 'delete', network: network.name };
    return editDraft ? editChange(network, editDraft) : null;
  }, [mode.kind, createDraft, editDraft, network]);
  const { plan, error, loading } = usePlan(hostId, change);
  const cutOffKey = plan ? plan.vmsCutOff.join(',') : null;
  const acknowledged = cutOffKey !== null && ackFor === cutOffKey;
  const setAcknowledged = (v: boolean): void => setAckFor(v ? cutOffKey : null);

  const title =
    mode.kind === 'create'
      ? `New network on ${hostName}`
      : mode.kind === 'edit'
        ? `Edit network ${mode.network}`
        : `Delete network ${mode.network}`;
  const applyLabel =
    mode.kind === 'create' ? 'Create network' : mode.kind === 'edit' ? 'Apply changes' : 'Delete network';
  const ready = !!plan && !loading && plan.problems.length === 0 && (plan.vmsCutOff.length === 0 || acknowledged);

  const apply = async (): Promise<void> => {
    if (!change || !plan) return;
    setApplying(true);
    setApplyError(null);
    try {
      const r = await commands.networks.apply({ hostId, change, acknowledgeVms: acknowledged ? plan.vmsCutOff : [] });
      if (r.snapshot) put(hostId, { snapshot: r.snapshot });
      notify({ severity: 'success', message: `${plan.summary} Ran ${r.commands.length} command(s).` });
      onClose();
    } catch (e) {
      setApplyError(errorShapeOf(e));
    } finally {
      setApplying(false);
    }
  };

  return (
    <Dialog
      open
      onClose={applying ? undefined : onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="network-editor-title"
    >
      <DialogTitle id="network-editor-title">{title}</DialogTitle>
      <DialogContent dividers>
        {mode.kind !== 'create' && !network ? (
          <Alert severity="warning">
            {hostName} has no network named {mode.network} any more.
          </Alert>
        ) : (
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: mode.kind === 'delete' ? '1fr' : { xs: '1fr', md: 'minmax(320px, 5fr) 7fr' },
              gap: 3,
            }}
          >
            {mode.kind === 'create' && <CreateForm snapshot={snapshot} draft={createDraft} onChange={setCreateDraft} />}
            {mode.kind === 'edit' && network && editDraft && (
              <EditForm network={network} draft={editDraft} onChange={setEditDraft} />
            )}
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="overline" color="text.secondary" component="h3">
                Preview — nothing changes until you apply
              </Typography>
              {loading && <LinearProgress aria-label="Planning the change" sx={{ my: 1 }} />}
              {error && <ErrorDetails error={error} title="Could not plan the change" />}
              {plan && <NetworkPlanPreview plan={plan} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />}
            </Box>
          </Box>
        )}
        {applyError && <ErrorDetails error={applyError} title={`${applyLabel} failed`} sx={{ mt: 2 }} />}
        {applying && <LinearProgress aria-label="Applying the change" sx={{ mt: 2 }} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={applying}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color={mode.kind === 'delete' ? 'error' : 'primary'}
          disabled={!ready || applying}
          onClick={() => void apply()}
        >
          {applyLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
