import type { TopoEdgeKind, TopoNodeKind } from './topology-types';

export interface EdgeStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash?: string;
  width: number;
  /** What the line means, for the legend. */
  legend: string;
}

// Mid-tone colours read on both the light and the dark theme, and in the exported picture.
export const edgeStyles: Record<TopoEdgeKind, EdgeStyle> = {
  port: { color: '#78909c', width: 1.75, legend: 'bridge or bond port' },
  vlan: { color: '#78909c', dash: '4 3', width: 1.75, legend: 'VLAN on a NIC' },
  macvlan: { color: '#8e24aa', dash: '6 4', width: 1.75, legend: 'host macvlan' },
  'network-bridge': { color: '#5c6bc0', width: 2, legend: "network's bridge" },
  'forward-dev': { color: '#5c6bc0', dash: '4 3', width: 2, legend: 'network forward device' },
  'network-vm': { color: '#1e88e5', width: 2, legend: 'VM NIC on a libvirt network' },
  'bridge-vm': { color: '#2e7d32', width: 2, legend: 'VM NIC on a host bridge' },
  macvtap: { color: '#e65100', dash: '7 4', width: 2.5, legend: 'VM NIC by macvtap (mode on the line)' },
};

export const nodeAccents: Record<TopoNodeKind, string> = {
  interface: '#607d8b',
  bridge: '#2e7d32',
  network: '#1e88e5',
  vm: '#7e57c2',
};

export const severityColors = { error: '#d32f2f', warning: '#ed6c02', info: '#0288d1' } as const;

export const dhcpText = { libvirt: 'DHCP', external: 'ext. DHCP', both: 'DHCP ×2', none: 'no DHCP' } as const;

export const dhcpTitle = {
  libvirt: "libvirt's own DHCP server answers on this network",
  external: 'You marked this network (its bridge or subnet) as served by an external DHCP server',
  both: "libvirt's DHCP runs here, and you marked it as served by an external DHCP server too: two servers answer",
  none: 'No DHCP that LabDeck knows of: libvirt runs none and nothing is marked as external DHCP',
} as const;

/** Edge labels break after their first word: they must fit the gap between two columns. */
export const labelLines = (label: string): string[] => {
  const at = label.indexOf(' ');
  return at < 0 ? [label] : [label.slice(0, at), label.slice(at + 1)];
};
