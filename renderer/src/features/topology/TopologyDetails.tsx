import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Close from '@mui/icons-material/Close';
import type { ReactNode } from 'react';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { downReason, interfaceUsage, networkDhcpState, nicAttachments } from '../../../../shared/warnings';
import { FactList, type Fact } from '../../components/FactList';
import { cidrOf, formatKiB } from '../../format/units';
import { describeUse } from '../../format/usage-text';
import { VmNicList } from '../../components/VmNicList';
import { VmAddresses } from '../../components/guest-addresses';
import type { TopoNode } from './topology-types';
import { useFeatureSlots } from '../../components/feature-slots';
import { useLabStore } from '../../store';
import { isDomainUp } from '../../../../shared/warnings';

const lines = (items: string[]): ReactNode => (items.length === 0 ? '—' : items.map((t) => <Box key={t}>{t}</Box>));

function interfaceFacts(s: HostSnapshot, name: string): Fact[] {
  const i = s.interfaces.find((x) => x.name === name);
  if (!i) return [];
  const uses = interfaceUsage(s).get(name) ?? [];
  return [
    ['Kind', i.infoKind && i.infoKind !== i.kind ? `${i.kind} (${i.infoKind})` : i.kind],
    ['State', downReason(i) ?? i.state],
    ['MAC', i.mac],
    ['MTU', i.mtu],
    ['Addresses', lines(i.addresses.map(cidrOf))],
    ...(i.kind === 'bridge' || i.kind === 'bond' ? [['Ports', i.ports.join(', ') || 'none'] as Fact] : []),
    ...(i.master ? [['Port of', i.master] as Fact] : []),
    ...(i.vlan ? [['VLAN', `${i.vlan.id}${i.vlan.parent ? ` on ${i.vlan.parent}` : ''}`] as Fact] : []),
    ['Used by', lines(uses.map(describeUse))],
  ];
}

function networkFacts(s: HostSnapshot, marks: HostMarks, name: string): Fact[] {
  const n = s.libvirt?.networks.find((x) => x.name === name);
  if (!n) return [];
  const dhcp = networkDhcpState(n, s, marks);
  const vms = nicAttachments(s)
    .filter((a) => a.network?.name === name)
    .map((a) => a.domain.name);
  return [
    ['State', `${n.active ? 'active' : 'stopped'}, autostart ${n.autostart ? 'on' : 'off'}`],
    ['Forward mode', n.forwardMode],
    ['Bridge', n.bridge],
    ...(n.forwardDevs.length ? [['Forward devices', n.forwardDevs.join(', ')] as Fact] : []),
    ['Addresses', lines(n.ips.map(cidrOf))],
    [
      'DHCP',
      lines([
        ...(dhcp.libvirt
          ? [`libvirt: ${dhcp.libvirt.ranges.map((r) => `${r.start} – ${r.end}`).join(', ') || 'static hosts only'}`]
          : []),
        ...(dhcp.external ? [`external: ${dhcp.external}`] : []),
        ...(!dhcp.libvirt && !dhcp.external ? ['none known'] : []),
      ]),
    ],
    ['Leases', n.leases.length],
    ['VMs', lines([...new Set(vms)])],
  ];
}

function vmFacts(s: HostSnapshot, name: string): Fact[] {
  const d = s.libvirt?.domains.find((x) => x.name === name);
  if (!d) return [];
  const nics = nicAttachments(s).filter((a) => a.domain.name === name);
  return [
    ['State', d.state],
    ['Addresses', <VmAddresses key="addresses" domain={d} showMac />],
    ['vCPUs', d.vcpus],
    ['Memory', formatKiB(d.memoryKiB)],
    ['Disks', d.disks.length],
    ['NICs', <VmNicList key="nics" nics={nics} />],
  ];
}

type Props = { node: TopoNode; snapshot: HostSnapshot; marks: HostMarks; onClose: () => void };

/** What one node is and what it is linked to, with its warnings in full. */
export function TopologyDetails({ node, snapshot, marks, onClose }: Props) {
  const facts =
    node.kind === 'network'
      ? networkFacts(snapshot, marks, node.name)
      : node.kind === 'vm'
        ? vmFacts(snapshot, node.name)
        : interfaceFacts(snapshot, node.name);
  return (
    <Paper
      component="aside"
      variant="outlined"
      aria-label={`Details of ${node.label}`}
      sx={{ p: 2, position: 'sticky', top: 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1.5 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
            {node.kind === 'vm' ? 'VM' : node.kind}
          </Typography>
          <Typography variant="h6" component="h3" sx={{ wordBreak: 'break-all' }}>
            {node.name}
          </Typography>
        </Box>
        <IconButton size="small" aria-label="Close details" onClick={onClose}>
          <Close fontSize="small" />
        </IconButton>
      </Box>
      <FactList facts={facts} labelWidth={96} />
      {node.kind === 'vm' && <VmConsoleButtons snapshot={snapshot} name={node.name} />}
      {node.warnings.length > 0 && (
        <Stack spacing={1} sx={{ mt: 2 }}>
          {node.warnings.map((w) => (
            <Alert key={`${w.code}:${w.message}`} severity={w.severity} sx={{ py: 0 }}>
              {w.message}
            </Alert>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** Console buttons for a running VM of the host on screen. */
function VmConsoleButtons({ snapshot, name }: { snapshot: HostSnapshot; name: string }) {
  const hostId = useLabStore((s) => s.detailHostId);
  const hostName = useLabStore((s) => (hostId ? s.hostsById[hostId]?.name : undefined));
  const { ConsoleButtons } = useFeatureSlots();
  const d = snapshot.libvirt?.domains.find((x) => x.name === name);
  if (!hostId || !d || !isDomainUp(d)) return null;
  return (
    <Box sx={{ mt: 1.5 }}>
      <ConsoleButtons hostId={hostId} hostName={hostName ?? ''} domain={name} />
    </Box>
  );
}
