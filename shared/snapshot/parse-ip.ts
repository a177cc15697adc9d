import type { IfAddress, InterfaceKind, NetInterface } from './types';

/**
 * Parses `ip -j -d addr show` (iproute2 ≥ 4.13 for -j). Throws on text that isn't its JSON
 * (an old iproute2 prints "Option "-j" is unknown"), so the caller can turn it into a warning.
 */

/** The part of ip's JSON we read; everything is optional because older iproute2 omit fields. */
interface IpLink {
  ifindex?: number;
  ifname?: string;
  flags?: string[];
  mtu?: number;
  operstate?: string;
  link_type?: string;
  address?: string;
  master?: string;
  /** The lower device's name; absent when it lives in another namespace (link_netnsid set). */
  link?: string;
  linkinfo?: { info_kind?: string; info_data?: Record<string, unknown> };
  addr_info?: Array<{ family?: string; local?: string; prefixlen?: number; scope?: string }>;
}

export function parseIpAddr(json: string): NetInterface[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data)) throw new Error('ip -j addr did not print a JSON array');
  const links = (data as IpLink[]).filter((l) => typeof l.ifname === 'string');
  const out = links.map(toInterface);
  // Ports are not listed on the bridge itself: each port names its master.
  for (const iface of out) {
    if (iface.kind === 'bridge' || iface.kind === 'bond') {
      iface.ports = out.filter((o) => o.master === iface.name).map((o) => o.name);
    }
  }
  return out;
}

function toInterface(l: IpLink): NetInterface {
  const infoKind = l.linkinfo?.info_kind;
  const data = l.linkinfo?.info_data ?? {};
  const kind = classify(l);
  const iface: NetInterface = {
    name: l.ifname!,
    ifindex: l.ifindex ?? -1,
    kind,
    state: l.operstate ?? 'UNKNOWN',
    flags: l.flags ?? [],
    mtu: l.mtu ?? 0,
    addresses: (l.addr_info ?? []).flatMap(toAddress),
    ports: [],
  };
  if (infoKind) iface.infoKind = infoKind;
  // tun devices have no MAC (link_type none); loopback's is all zeros and means nothing.
  if (l.address && kind !== 'loopback' && l.link_type !== 'none') iface.mac = l.address;
  if (l.master) iface.master = l.master;
  // For a veth, `link` is its peer, not a lower device.
  const parent = infoKind === 'veth' ? undefined : l.link;
  if (parent) iface.parent = parent;
  if (kind === 'vlan' && typeof data.id === 'number') {
    iface.vlan = { id: data.id, parent };
    if (typeof data.protocol === 'string') iface.vlan.protocol = data.protocol;
  }
  if ((kind === 'macvlan' || kind === 'macvtap') && typeof data.mode === 'string') {
    // ip says 'passthru'; libvirt's <source mode> and our MacvlanMode say 'passthrough'.
    iface.macvlan = { mode: data.mode === 'passthru' ? 'passthrough' : data.mode, parent };
  }
  if (infoKind === 'tun' && (data.type === 'tun' || data.type === 'tap')) iface.tunType = data.type;
  return iface;
}

function classify(l: IpLink): InterfaceKind {
  if (l.link_type === 'loopback') return 'loopback';
  const k = l.linkinfo?.info_kind;
  switch (k) {
    case undefined:
      // No driver kind: a real NIC if it is Ethernet; tunnels (ipip, sit, gre …) are not.
      return l.link_type === 'ether' ? 'physical' : 'other';
    case 'veth': // the lab's NICs are veths; to the user they are ordinary NICs
      return 'physical';
    case 'bridge':
    case 'bond':
    case 'vlan':
    case 'macvlan':
    case 'macvtap':
      return k;
    case 'team':
      return 'bond';
    case 'tun':
      return l.linkinfo?.info_data?.type === 'tap' ? 'tap' : 'other';
    default:
      return 'other';
  }
}

function toAddress(a: NonNullable<IpLink['addr_info']>[number]): IfAddress[] {
  if (!a.local || typeof a.prefixlen !== 'number') return [];
  const family = a.family === 'inet' ? 'ipv4' : a.family === 'inet6' ? 'ipv6' : undefined;
  if (!family) return [];
  const addr: IfAddress = { family, address: a.local, prefixLen: a.prefixlen };
  if (a.scope) addr.scope = a.scope;
  return [addr];
}
