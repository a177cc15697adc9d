import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AppErrorShape, HostView, MacvlanMode } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useLastDefined } from '../../components/useLastDefined';
import { selectHostById, useLabStore } from '../../store';
import { MacvlanModePicker } from '../../components/MacvlanModePicker';
import { formatBytes } from '../../format/units';
import { useHostSnapshot } from '../../hooks/useHostSnapshot';
import { installModeInfo, type InstallMode } from '../../format/install-modes';
import { networkChoices } from './network-choices';
import { usePodSettingsStore } from './pod-settings-store';
import { DefaultChoiceSelect } from './DefaultChoiceSelect';
import { PodCpuDefaults } from './PodCpuDefaults';
import type { VirtCpuValue } from '../../components/VirtCpuFields';

const NONE = '';

/** The pod's compose defaults; mounted once in the app shell, opened from a host's row or detail. */
export function PodSettingsDialog() {
  const current = usePodSettingsStore((s) => s.hostId);
  const hostId = useLastDefined(current);
  const host = useLabStore(selectHostById(hostId));
  const close = usePodSettingsStore((s) => s.close);
  return (
    <Dialog open={current !== null} onClose={close} maxWidth="sm" fullWidth aria-labelledby="pod-settings-title">
      {host && <PodSettingsForm key={host.id} host={host} onDone={close} />}
    </Dialog>
  );
}

function PodSettingsForm({ host, onDone }: { host: HostView; onDone: () => void }) {
  const commands = useCommands();
  const snap = useHostSnapshot(host.id);
  const [mode, setMode] = useState<MacvlanMode>(host.pod.defaultMacvlanMode);
  const [installMode, setInstallMode] = useState<InstallMode>(host.pod.installMode);
  const [network, setNetwork] = useState(host.pod.defaultNetwork ?? NONE);
  const [pool, setPool] = useState(host.pod.defaultPool ?? NONE);
  const [cpu, setCpu] = useState<VirtCpuValue>({
    virtType: host.pod.virtType ?? '',
    cpuMode: host.pod.cpuMode ?? '',
    cpuModel: host.pod.cpuModel ?? '',
  });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const networks = networkChoices(snap.data?.snapshot ?? null, snap.data?.marks ?? null);
  const pools = snap.data?.snapshot?.libvirt?.pools ?? [];

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      // '' clears a default: the contract's partial patch cannot carry "unset" otherwise.
      const updated = await commands.hosts.update({
        id: host.id,
        patch: {
          pod: {
            defaultMacvlanMode: mode,
            installMode,
            defaultNetwork: network,
            defaultPool: pool,
            // Automatic is "unset": null clears the stored default (undefined would not survive JSON).
            virtType: cpu.virtType || null,
            cpuMode: cpu.cpuMode || null,
            cpuModel: cpu.cpuMode === 'custom' && cpu.cpuModel.trim() ? cpu.cpuModel.trim() : null,
          },
        },
      });
      const lab = useLabStore.getState();
      lab.upsertHost(updated);
      lab.notify({ severity: 'success', message: `Saved the pod settings of ${host.name}` });
      onDone();
    } catch (err) {
      setFailure(errorShapeOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <DialogTitle id="pod-settings-title">Pod settings — {host.name}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 3, pt: '8px !important' }}>
        <Box>
          <MacvlanModePicker
            label="Default macvtap mode"
            value={mode}
            onChange={(m) => m && setMode(m)}
            size="medium"
          />
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
            Used by every NIC that attaches to a host interface directly (macvtap), unless the wizard overrides it for
            that NIC.
          </Typography>
        </Box>

        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <FormLabel component="legend" id="install-mode-label">
            Install mode
          </FormLabel>
          <RadioGroup
            aria-labelledby="install-mode-label"
            value={installMode}
            onChange={(e) => setInstallMode(e.target.value as InstallMode)}
          >
            {(Object.keys(installModeInfo) as InstallMode[]).map((m) => (
              <FormControlLabel
                key={m}
                value={m}
                control={<Radio />}
                sx={{ alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.25 } }}
                label={
                  <Box>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {installModeInfo[m].title}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {installModeInfo[m].effect}
                    </Typography>
                  </Box>
                }
              />
            ))}
          </RadioGroup>
        </Box>

        <DefaultChoiceSelect
          label="Default network"
          value={network}
          onChange={setNetwork}
          helperText="A NIC composed without constraints goes here; with none set, the install mode above decides."
          noneLabel="none"
          choices={networks.map((n) => ({
            name: n.name,
            content: (
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {n.name}
                </Typography>
                <Typography variant="caption" color={n.dhcp ? 'text.secondary' : 'warning.dark'}>
                  {n.description}
                </Typography>
              </Box>
            ),
          }))}
        />

        <DefaultChoiceSelect
          label="Default storage pool"
          value={pool}
          onChange={setPool}
          helperText="Disks without a pool tag go here. With none, each disk goes to the first pool with room."
          noneLabel="none (first pool with room)"
          choices={pools.map((p) => ({
            name: p.name,
            content: `${p.name} — ${p.active ? `${formatBytes(p.availableBytes, 'decimal')} free of ${formatBytes(p.capacityBytes, 'decimal')}` : 'inactive'}`,
          }))}
        />

        <PodCpuDefaults host={host} value={cpu} onChange={(p) => setCpu((c) => ({ ...c, ...p }))} />

        {snap.error && <ErrorDetails error={snap.error} title={`Could not read ${host.name}'s networks and pools`} />}
        {failure && <ErrorDetails error={failure} title="Could not save" />}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onDone}>Cancel</Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={saving || (cpu.cpuMode === 'custom' && cpu.cpuModel.trim() === '')}
        >
          Save
        </Button>
      </DialogActions>
    </>
  );
}
