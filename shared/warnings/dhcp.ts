import { interfaceFacts } from '../compose/planner/facts';
import { interfaceMarkFor, subnetMarkFor, type HostMarks } from '../compose/marks';
import { formatNetwork, parseCidr } from '../compose/net/ip';
import type { DhcpHost, HostSnapshot, LibvirtNetwork } from '../snapshot/types';

/** Who hands out addresses on a libvirt network's segment, as far as the host and the user's marks tell. */
export interface NetworkDhcp {
  /** libvirt's own dnsmasq (a <dhcp> element), with what it serves; null when off. */
  libvirt: { ranges: { start: string; end: string }[]; hosts: DhcpHost[] } | null;
  /** Why an external DHCP server is believed to answer there ("you marked virbr0 …"); null when nothing says so. */
  external: string | null;
}

function subnetsOf(
  network: LibvirtNetwork,
  snapshot: Pick<HostSnapshot, 'interfaces' | 'hostname'>,
  marks: HostMarks,
): string[] {
  const cidrs = new Set<string>();
  for (const ip of network.ips) {
    const net = parseCidr(`${ip.address}/${ip.prefixLen}`);
    if (net) cidrs.add(formatNetwork(net));
  }
  if (network.bridge) {
    const facts = interfaceFacts(
      { hostname: snapshot.hostname, interfaces: snapshot.interfaces, libvirt: null },
      marks,
    ).find((f) => f.iface.name === network.bridge);
    for (const s of facts?.subnets ?? []) cidrs.add(s.cidr);
    for (const cidr of interfaceMarkFor(marks, network.bridge)?.subnets ?? []) cidrs.add(cidr);
  }
  return [...cidrs];
}

export function networkDhcpState(
  network: LibvirtNetwork,
  snapshot: Pick<HostSnapshot, 'interfaces' | 'hostname'>,
  marks: HostMarks,
): NetworkDhcp {
  const served = network.ips.filter((ip) => ip.dhcp !== null);
  const libvirt =
    served.length === 0
      ? null
      : { ranges: served.flatMap((ip) => ip.dhcp?.ranges ?? []), hosts: served.flatMap((ip) => ip.dhcp?.hosts ?? []) };
  let external: string | null = null;
  for (const dev of [network.bridge, ...network.forwardDevs]) {
    if (dev && interfaceMarkFor(marks, dev)?.externalDhcp) {
      external = `you marked ${dev} as served by an external DHCP server`;
      break;
    }
  }
  if (!external) {
    const marked = subnetsOf(network, snapshot, marks).find((cidr) => subnetMarkFor(marks, cidr)?.externalDhcp);
    if (marked) external = `you marked subnet ${marked} as served by an external DHCP server`;
  }
  return { libvirt, external };
}
