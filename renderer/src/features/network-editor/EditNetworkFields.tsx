import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { LibvirtNetwork } from '../../../../shared/snapshot/types';
import { DhcpRangeFields } from './DhcpRangeFields';
import type { EditDraft } from './network-draft';
import { StaticHostsEditor } from './StaticHostsEditor';
import { SwitchField } from './SwitchField';

/** The Edit network form: DHCP and its range, static hosts, autostart. */
export function EditNetworkFields({
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
  if (!ip4)
    return (
      <Alert severity="info">
        This network has no IPv4 address, so libvirt serves no DHCP on it. Only autostart can change here.
      </Alert>
    );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <DhcpRangeFields draft={draft} set={set} />
      <StaticHostsEditor
        kept={(ip4.dhcp?.hosts ?? []).filter((h) => !draft.removeIps.includes(h.ip))}
        added={draft.addHosts}
        onRemove={(ip) => set({ removeIps: [...draft.removeIps, ip] })}
        onAdd={(h) => set({ addHosts: [...draft.addHosts, h] })}
        onUnadd={(h) => set({ addHosts: draft.addHosts.filter((x) => x !== h) })}
      />
      <SwitchField label="Autostart" checked={draft.autostart} onChange={(autostart) => set({ autostart })} />
    </Box>
  );
}
