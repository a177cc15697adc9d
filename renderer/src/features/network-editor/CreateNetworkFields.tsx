import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { NetworkKind } from '../../../../shared/contract/networks';
import { DhcpRangeFields } from './DhcpRangeFields';
import { MaasPresetCard } from './MaasPresetCard';
import { MacvtapFields } from './MacvtapFields';
import { suggestRange, type CreateDraft, type CreateDraftProps } from './network-draft';
import { SwitchField } from './SwitchField';

const kindLabels: Record<NetworkKind, string> = {
  nat: 'NAT (VMs reach out behind the host)',
  route: 'Routed (VMs keep their addresses)',
  isolated: 'Isolated (VMs and host only)',
  bridge: 'Bridged to a host bridge',
  macvtap: 'macvtap on host interfaces',
};

/** The New network form: the MAAS preset, name and kind, then the fields that kind needs. */
export function CreateNetworkFields({ snapshot, draft, onChange }: CreateDraftProps) {
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
  const routed = draft.kind === 'nat' || draft.kind === 'route' || draft.kind === 'isolated';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <MaasPresetCard snapshot={snapshot} draft={draft} onChange={onChange} />
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
          <DhcpRangeFields draft={draft} set={set} />
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
        <MacvtapFields snapshot={snapshot} mode={draft.mode} devices={draft.devices} set={set} />
      )}
      <Box sx={{ display: 'flex', gap: 2 }}>
        <SwitchField label="Start now" checked={draft.start} onChange={(start) => set({ start })} />
        <SwitchField label="Autostart" checked={draft.autostart} onChange={(autostart) => set({ autostart })} />
      </Box>
    </Box>
  );
}
