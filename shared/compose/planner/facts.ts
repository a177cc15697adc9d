import type { LibvirtNetwork, NetInterface } from '../../snapshot/types';
import { interfaceMarkFor, subnetMarkFor, type HostMarks, type SubnetMark } from '../marks';
import { formatNetwork, parseCidr, parseIp, type IpAddress, type IpNetwork } from '../net/ip';
import type { DhcpInfo, PlannerSnapshot } from './types';

/** A fact and where it came from ("mark on br0", "mark on subnet 10.0.0.0/24", "VLAN interface"). */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface SubnetFact {
  net: IpNetwork;
  cidr: string;
  source: string;
  mark: SubnetMark | undefined;
}

/** Everything the matcher knows about one host interface. */
export interface InterfaceFacts {
  iface: NetInterface;
  /** null when the interface can carry a guest NIC; otherwise why not, as a sentence. */
  unusable: string | null;
  subnets: SubnetFact[];
  /** The host's own global addresses on this interface. */
  hostAddresses: IpAddress[];
  space: Sourced<string>[];
  fabric: Sourced<string>[];
  fabricClass: Sourced<string>[];
  vlanName: Sourced<string>[];
  tags: Sourced<string>[];
  vid: Sourced<number>;
  linkSpeedMbps: Sourced<number> | null;
  /** The libvirt network whose <bridge name> is this interface. */
  network: LibvirtNetwork | null;
  dhcp: DhcpInfo;
}

function unusableReason(iface: NetInterface, all: readonly NetInterface[]): string | null {
  switch (iface.kind) {
    case 'loopback':
      return `${iface.name} is the loopback interface; guests never attach to it.`;
    case 'tap':
      return `${iface.name} is a tap device (the host end of a running VM's NIC); guests never attach to it.`;
    case 'macvtap':
      return `${iface.name} is itself a macvtap (another guest's NIC); attach to its parent ${iface.macvlan?.parent ?? iface.parent ?? 'interface'} instead.`;
    case 'macvlan':
      return `${iface.name} is a macvlan of ${iface.macvlan?.parent ?? iface.parent ?? 'another interface'}; a macvtap on it would sit on that parent, so use the parent.`;
    default:
      break;
  }
  if (iface.master) {
    const master = all.find((i) => i.name === iface.master);
    if (master?.kind === 'bond') {
      return `${iface.name} is a member of bond ${iface.master}; use ${iface.master} instead.`;
    }
    return `${iface.name} is a port of bridge ${iface.master}; a macvtap cannot sit on a bridge port, so use ${iface.master}.`;
  }
  return null;
}

function collect(
  ifaceValue: string | undefined,
  ifaceName: string,
  subnets: readonly SubnetFact[],
  pick: (m: SubnetMark) => string | undefined,
): Sourced<string>[] {
  const out: Sourced<string>[] = [];
  if (ifaceValue !== undefined) out.push({ value: ifaceValue, source: `mark on ${ifaceName}` });
  for (const s of subnets) {
    const v = s.mark ? pick(s.mark) : undefined;
    if (v !== undefined && !out.some((o) => o.value === v)) out.push({ value: v, source: `mark on subnet ${s.cidr}` });
  }
  return out;
}

function deriveVid(iface: NetInterface, all: readonly NetInterface[]): Sourced<number> {
  if (iface.vlan) return { value: iface.vlan.id, source: `${iface.name} is a VLAN interface` };
  if (iface.kind === 'bridge' || iface.kind === 'bond') {
    const tagged = all.filter((i) => i.master === iface.name && i.vlan);
    if (tagged.length === 1 && tagged[0]?.vlan) {
      return { value: tagged[0].vlan.id, source: `its port ${tagged[0].name} is VLAN ${tagged[0].vlan.id}` };
    }
  }
  return { value: 0, source: 'no VLAN tag seen, so untagged' };
}

/** libvirt's own DHCP on a network: any <ip> with a <dhcp> element. */
export function libvirtDhcp(network: LibvirtNetwork): DhcpInfo | null {
  const served = network.ips.filter((ip) => ip.dhcp !== null);
  if (served.length === 0) return null;
  const ranges = served.flatMap((ip) => ip.dhcp?.ranges ?? []).map((r) => `${r.start}–${r.end}`);
  return {
    available: true,
    source: 'libvirt',
    detail: `libvirt's DHCP serves network '${network.name}'${ranges.length > 0 ? ` (${ranges.join(', ')})` : ''}`,
  };
}

function dhcpFor(
  iface: NetInterface,
  network: LibvirtNetwork | null,
  marks: HostMarks,
  subnets: SubnetFact[],
): DhcpInfo {
  if (network) {
    const lv = libvirtDhcp(network);
    if (lv) return lv;
  }
  if (interfaceMarkFor(marks, iface.name)?.externalDhcp) {
    return { available: true, source: 'mark', detail: `you marked ${iface.name} as served by an external DHCP server` };
  }
  const markedSubnet = subnets.find((s) => s.mark?.externalDhcp);
  if (markedSubnet) {
    return {
      available: true,
      source: 'mark',
      detail: `you marked subnet ${markedSubnet.cidr} (on ${iface.name}) as served by an external DHCP server`,
    };
  }
  const where = network ? `network '${network.name}' has no <dhcp> and ` : '';
  return {
    available: false,
    source: null,
    detail: `no DHCP known on ${iface.name}: ${where}no mark says an external DHCP server answers there`,
  };
}

export function interfaceFacts(snapshot: PlannerSnapshot, marks: HostMarks): InterfaceFacts[] {
  const all = snapshot.interfaces;
  const networks = snapshot.libvirt?.networks ?? [];
  return all.map((iface) => {
    const mark = interfaceMarkFor(marks, iface.name);
    const subnets: SubnetFact[] = [];
    const hostAddresses: IpAddress[] = [];
    const addSubnet = (net: IpNetwork, source: string) => {
      const cidr = formatNetwork(net);
      if (!subnets.some((s) => s.cidr === cidr)) subnets.push({ net, cidr, source, mark: subnetMarkFor(marks, cidr) });
    };
    for (const a of iface.addresses) {
      if (a.scope === 'link' || a.scope === 'host') continue;
      const ip = parseIp(a.address);
      const net = parseCidr(`${a.address}/${a.prefixLen}`);
      if (!ip || !net) continue;
      if (ip.family === 6 && ip.value >> 118n === 0x3fan) continue; // fe80::/10 without a scope
      hostAddresses.push(ip);
      addSubnet(net, `address ${a.address}/${a.prefixLen} on ${iface.name}`);
    }
    const network = networks.find((n) => n.bridge === iface.name) ?? null;
    for (const ip of network?.ips ?? []) {
      const net = parseCidr(`${ip.address}/${ip.prefixLen}`);
      if (net) addSubnet(net, `libvirt network '${network?.name ?? ''}'`);
    }
    for (const cidr of mark?.subnets ?? []) {
      const net = parseCidr(cidr);
      if (net) addSubnet(net, `mark on ${iface.name}`);
    }
    return {
      iface,
      unusable: unusableReason(iface, all),
      subnets,
      hostAddresses,
      space: collect(mark?.space, iface.name, subnets, (m) => m.space),
      fabric: collect(mark?.fabric, iface.name, subnets, (m) => m.fabric),
      fabricClass: collect(mark?.fabricClass, iface.name, subnets, (m) => m.fabricClass),
      vlanName: collect(mark?.vlanName, iface.name, subnets, (m) => m.vlanName),
      tags: [
        ...(mark?.tags ?? []).map((t) => ({ value: t, source: `mark on ${iface.name}` })),
        ...subnets.flatMap((s) => (s.mark?.tags ?? []).map((t) => ({ value: t, source: `mark on subnet ${s.cidr}` }))),
      ],
      vid:
        mark?.vid !== undefined
          ? { value: mark.vid, source: `mark on ${iface.name}` }
          : (() => {
              const s = subnets.find((x) => x.mark?.vid !== undefined);
              return s?.mark?.vid !== undefined
                ? { value: s.mark.vid, source: `mark on subnet ${s.cidr}` }
                : deriveVid(iface, all);
            })(),
      linkSpeedMbps:
        mark?.linkSpeedMbps !== undefined ? { value: mark.linkSpeedMbps, source: `mark on ${iface.name}` } : null,
      network,
      dhcp: dhcpFor(iface, network, marks, subnets),
    };
  });
}
