import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot, LibvirtNetwork, NetInterface } from '../../../../shared/snapshot/types';
import {
  downReason,
  isHostEndDevice,
  networkDhcpState,
  nicAttachments,
  type HostWarning,
  type WarningSubject,
} from '../../../../shared/warnings';
import { cidrOf, formatKiB } from '../../format/units';
import { warningFlagger } from './node-warnings';
import type { TopoDhcp, TopoEdge, TopoEdgeKind, TopoGraph, TopoNode, TopoNodeKind } from './topology-types';

export const nodeId = (kind: TopoNodeKind, name: string): string => `${kind}:${name}`;

/** Column families, left to right: NICs, things built on NICs (bonds, VLANs), bridges, libvirt networks, VMs. */
const GROUP = { nic: 0, derived: 1, bridge: 2, network: 3, vm: 4 } as const;

const forwardLabel: Record<LibvirtNetwork['forwardMode'], string> = {
  nat: 'NAT',
  route: 'routed',
  open: 'open',
  bridge: 'bridge',
  private: 'macvtap private',
  vepa: 'macvtap vepa',
  passthrough: 'macvtap passthrough',
  hostdev: 'hostdev',
  isolated: 'isolated',
  other: 'other',
};

const firstAddress = (i: NetInterface): string | undefined => {
  const global = i.addresses.filter((a) => a.scope !== 'link' && a.scope !== 'host');
  const a = global.find((x) => x.family === 'ipv4') ?? global[0];
  return a ? cidrOf(a) : undefined;
};

type Flag = (subject: WarningSubject) => HostWarning[];

function interfaceNode(i: NetInterface, flag: Flag): TopoNode {
  const down = downReason(i) !== null;
  const kind: TopoNodeKind = i.kind === 'bridge' ? 'bridge' : 'interface';
  const group =
    i.kind === 'bridge'
      ? GROUP.bridge
      : i.kind === 'bond' || i.kind === 'vlan' || i.kind === 'macvlan'
        ? GROUP.derived
        : GROUP.nic;
  const what = i.kind === 'physical' || i.kind === 'bridge' || i.kind === 'other' ? '' : `${i.kind} · `;
  return {
    id: nodeId(kind, i.name),
    kind,
    name: i.name,
    label: `${kind} ${i.name}`,
    detail: [`${what}${down ? 'down' : 'up'}`, firstAddress(i)].filter(Boolean).join(' · '),
    status: down ? 'down' : 'up',
    group,
    warnings: flag({ kind: 'interface', name: i.name }),
  };
}

function dhcpBadge(n: LibvirtNetwork, snapshot: HostSnapshot, marks: HostMarks): TopoDhcp {
  const d = networkDhcpState(n, snapshot, marks);
  if (d.libvirt && d.external) return 'both';
  if (d.libvirt) return 'libvirt';
  if (d.external) return 'external';
  return 'none';
}

/**
 * The host's network plumbing as a graph: NICs → bridges → libvirt networks → VMs, with macvtap
 * links straight from the parent NIC to the VM. Taps, macvtaps and lo are left out: they are the
 * host ends of the VM links the edges already draw.
 */
export function buildTopology(snapshot: HostSnapshot, marks: HostMarks, warnings: HostWarning[]): TopoGraph {
  const flag = warningFlagger(warnings);
  const nodes = new Map<string, TopoNode>();
  const edges = new Map<string, TopoEdge & { count: number }>();
  const addEdge = (source: string, target: string, kind: TopoEdgeKind, text: string, label?: string): void => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    // The label is part of the identity: two macvtaps of one VM in different modes are two lines.
    const id = `${source}->${target}:${kind}${label ? `:${label}` : ''}`;
    const seen = edges.get(id);
    if (seen) {
      seen.count++;
      return;
    }
    edges.set(id, { id, source, target, kind, text, count: 1, ...(label ? { label } : {}) });
  };

  const shown = snapshot.interfaces.filter((i) => !isHostEndDevice(i));
  for (const i of shown) {
    const n = interfaceNode(i, flag);
    nodes.set(n.id, n);
  }
  const ifaceId = (name: string): string | undefined => {
    const i = shown.find((x) => x.name === name);
    return i ? nodeId(i.kind === 'bridge' ? 'bridge' : 'interface', i.name) : undefined;
  };

  const lv = snapshot.libvirt && !snapshot.libvirt.error ? snapshot.libvirt : null;
  for (const n of lv?.networks ?? []) {
    const ip = n.ips[0];
    const dhcp = dhcpBadge(n, snapshot, marks);
    nodes.set(nodeId('network', n.name), {
      id: nodeId('network', n.name),
      kind: 'network',
      name: n.name,
      label: `network ${n.name}`,
      detail: [forwardLabel[n.forwardMode], n.active ? null : 'stopped', ip ? cidrOf(ip) : null]
        .filter(Boolean)
        .join(' · '),
      status: n.active ? 'up' : 'down',
      group: GROUP.network,
      dhcp,
      warnings: flag({ kind: 'network', name: n.name }),
    });
  }
  for (const d of lv?.domains ?? []) {
    const status =
      d.state === 'running' || d.state === 'idle'
        ? 'running'
        : d.state === 'paused' || d.state === 'pmsuspended'
          ? 'paused'
          : 'stopped';
    nodes.set(nodeId('vm', d.name), {
      id: nodeId('vm', d.name),
      kind: 'vm',
      name: d.name,
      label: `VM ${d.name}`,
      detail: `${d.state} · ${d.vcpus} vCPU · ${formatKiB(d.memoryKiB)}`,
      size: `${d.vcpus} vCPU · ${formatKiB(d.memoryKiB)}`,
      status,
      group: GROUP.vm,
      warnings: flag({ kind: 'domain', name: d.name }),
    });
  }

  for (const i of shown) {
    const self = ifaceId(i.name)!;
    if (i.master) {
      const master = ifaceId(i.master);
      if (master) addEdge(self, master, 'port', `${i.name} → ${i.master} (port)`);
    }
    const vlanParent = i.vlan?.parent ?? (i.kind === 'vlan' ? i.parent : undefined);
    if (vlanParent && i.vlan) {
      const parent = ifaceId(vlanParent);
      if (parent) addEdge(parent, self, 'vlan', `${vlanParent} → ${i.name} (VLAN ${i.vlan.id})`, `VLAN ${i.vlan.id}`);
    }
    const macvlanParent = i.kind === 'macvlan' ? (i.macvlan?.parent ?? i.parent) : undefined;
    if (macvlanParent) {
      const parent = ifaceId(macvlanParent);
      const mode = i.macvlan?.mode ? ` ${i.macvlan.mode}` : '';
      if (parent) addEdge(parent, self, 'macvlan', `${macvlanParent} → ${i.name} (macvlan${mode})`, `macvlan${mode}`);
    }
  }
  for (const n of lv?.networks ?? []) {
    const net = nodeId('network', n.name);
    const br = n.bridge ? ifaceId(n.bridge) : undefined;
    if (br) addEdge(br, net, 'network-bridge', `${n.bridge} → ${n.name} (network bridge)`);
    for (const dev of n.forwardDevs) {
      const from = ifaceId(dev);
      if (from) addEdge(from, net, 'forward-dev', `${dev} → ${n.name} (forward device)`);
    }
  }
  for (const a of nicAttachments(snapshot)) {
    const vm = nodeId('vm', a.domain.name);
    const macvtap = a.macvtapMode ? `macvtap ${a.macvtapMode}` : undefined;
    if (a.network) {
      const net = nodeId('network', a.network.name);
      if (macvtap) addEdge(net, vm, 'macvtap', `${a.network.name} → ${a.domain.name} (${macvtap})`, macvtap);
      else addEdge(net, vm, 'network-vm', `${a.network.name} → ${a.domain.name}`);
    } else if (a.nic.type === 'bridge' && a.nic.source) {
      const br = ifaceId(a.nic.source);
      if (br) addEdge(br, vm, 'bridge-vm', `${a.nic.source} → ${a.domain.name} (bridge)`);
    } else if (a.nic.type === 'direct' && a.nic.source && macvtap) {
      const parent = ifaceId(a.nic.source);
      if (parent) addEdge(parent, vm, 'macvtap', `${a.nic.source} → ${a.domain.name} (${macvtap})`, macvtap);
    }
  }

  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].map(({ count, ...e }) => (count > 1 ? { ...e, text: `${e.text}, ${count} NICs` } : e)),
  };
}
