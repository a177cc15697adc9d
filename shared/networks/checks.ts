import type { DhcpRangeInput, NetworkSpecParsed } from '../contract/networks';
import { MACVTAP_HOST_ISOLATION, macvlanModeExplanation } from '../compose/macvlan-modes';
import { formatNetwork, networkBounds, networkContains, parseCidr, parseIpv4, type IpNetwork } from '../compose/net/ip';
import { XML_FORBIDDEN } from '../compose/domain-xml/xml';
import type { HostSnapshot, LibvirtNetwork, NetInterface } from '../snapshot/types';

/**
 * Everything checked before a network is created or its DHCP changed: names, addresses against
 * every address already on the host, ranges inside the subnet, bridges and interfaces that exist
 * and are free. Plain sentences; an empty list means it can go ahead.
 */

export const NETWORK_NAME_RULE =
  'letters, digits, ".", "_" and "-", starting with a letter or digit, at most 50 characters';

export function checkNetworkName(name: string, snapshot: Pick<HostSnapshot, 'libvirt' | 'hostname'>): string[] {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/.test(name) || XML_FORBIDDEN.test(name)) {
    return [`'${name}' is not a usable network name: use ${NETWORK_NAME_RULE}.`];
  }
  if (snapshot.libvirt?.networks.some((n) => n.name === name)) {
    return [`${snapshot.hostname} already has a network named '${name}': edit that one, or choose another name.`];
  }
  return [];
}

/** Each IPv4 subnet already on the host, with where it is. */
export function hostSubnets(
  snapshot: Pick<HostSnapshot, 'interfaces' | 'libvirt'>,
  except?: string,
): { net: IpNetwork; where: string }[] {
  const out: { net: IpNetwork; where: string }[] = [];
  const networks = snapshot.libvirt?.networks ?? [];
  // A network's own bridge carries the network's address: report it once, as the network.
  const networkBridges = new Set(networks.filter((n) => n.forwardMode !== 'bridge').map((n) => n.bridge));
  for (const i of snapshot.interfaces) {
    if (networkBridges.has(i.name)) continue;
    for (const a of i.addresses) {
      if (a.family !== 'ipv4' || a.scope === 'host') continue;
      const net = parseCidr(`${a.address}/${a.prefixLen}`);
      if (net) out.push({ net, where: `address ${a.address}/${a.prefixLen} on ${i.name}` });
    }
  }
  for (const n of networks) {
    if (n.name === except) continue;
    for (const ip of n.ips) {
      if (ip.family !== 'ipv4') continue;
      const net = parseCidr(`${ip.address}/${ip.prefixLen}`);
      if (net)
        out.push({
          net,
          where: `libvirt network '${n.name}' (${n.bridge ? `bridge ${n.bridge}` : 'no bridge'}${n.active ? '' : ', stopped'})`,
        });
    }
  }
  return out;
}

const overlaps = (a: IpNetwork, b: IpNetwork): boolean => {
  const wider = a.prefix <= b.prefix ? a : b;
  const narrower = wider === a ? b : a;
  return networkContains(wider, { family: narrower.family, value: narrower.network });
};

/** A gateway/prefix such as 10.77.0.1/24: problems, or the parsed network. */
export function checkSubnet(
  text: string | undefined,
  snapshot: Pick<HostSnapshot, 'interfaces' | 'libvirt'>,
  except?: string,
): { problems: string[]; net: IpNetwork | null } {
  if (!text)
    return { problems: ["Give the host's address on the network with its prefix, e.g. 10.77.0.1/24."], net: null };
  const net = parseCidr(text);
  if (!net || net.family !== 4)
    return { problems: [`'${text}' is not an IPv4 address with a prefix, e.g. 10.77.0.1/24.`], net: null };
  if (net.prefix < 8 || net.prefix > 30)
    return {
      problems: [`A /${net.prefix} does not suit a libvirt network: use a prefix from /8 to /30 (e.g. /24).`],
      net: null,
    };
  const { first, last } = networkBounds(net);
  if (net.address === first || net.address === last) {
    return {
      problems: [
        `${text.split('/')[0] ?? text} is the ${net.address === first ? 'network' : 'broadcast'} address of ${formatNetwork(net)}; the host needs an address inside it, e.g. ${intToIp(first + 1n)}/${net.prefix}.`,
      ],
      net: null,
    };
  }
  const problems = hostSubnets(snapshot, except)
    .filter((s) => overlaps(s.net, net))
    .map(
      (s) =>
        `${formatNetwork(net)} overlaps ${formatNetwork(s.net)}, the ${s.where}: choose a subnet no interface or network on this host uses.`,
    );
  return { problems, net };
}

export function intToIp(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
}

/** A DHCP range inside the subnet, in order, and not holding the host's own address. */
export function checkRange(range: DhcpRangeInput, net: IpNetwork): string[] {
  const s = parseIpv4(range.start);
  const e = parseIpv4(range.end);
  const out: string[] = [];
  if (s === null) out.push(`DHCP range start '${range.start}' is not an IPv4 address.`);
  if (e === null) out.push(`DHCP range end '${range.end}' is not an IPv4 address.`);
  if (s === null || e === null) return out;
  const { first, last } = networkBounds(net);
  const cidr = formatNetwork(net);
  for (const [what, v, text] of [
    ['start', s, range.start],
    ['end', e, range.end],
  ] as const) {
    if (v <= first || v >= last)
      out.push(`DHCP range ${what} ${text} is outside ${cidr} (usable: ${intToIp(first + 1n)}–${intToIp(last - 1n)}).`);
  }
  if (out.length) return out;
  if (s > e) out.push(`The DHCP range starts (${range.start}) after it ends (${range.end}).`);
  else if (net.address >= s && net.address <= e)
    out.push(`The DHCP range ${range.start}–${range.end} holds the host's own address ${intToIp(net.address)}.`);
  return out;
}

/** A static host entry: an IPv4 address inside the subnet, a MAC, no clash with the others. */
export function checkHostEntry(
  h: { mac?: string; ip: string; name?: string },
  net: IpNetwork | null,
  existing: readonly { mac?: string; ip: string }[],
): string[] {
  const out: string[] = [];
  const v = parseIpv4(h.ip);
  if (v === null) return [`'${h.ip}' is not an IPv4 address (libvirt reserves IPv4 addresses by MAC).`];
  if (!h.mac) out.push(`Give the MAC address that ${h.ip} is reserved for.`);
  else if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(h.mac) || (parseInt(h.mac.slice(0, 2), 16) & 1) === 1)
    out.push(`'${h.mac}' is not a unicast MAC address.`);
  if (h.name !== undefined && h.name !== '' && (/\s/.test(h.name) || XML_FORBIDDEN.test(h.name)))
    out.push(`'${h.name}' is not a usable DHCP host name.`);
  if (net) {
    const { first, last } = networkBounds(net);
    if (v <= first || v >= last) out.push(`${h.ip} is outside ${formatNetwork(net)}.`);
    else if (v === net.address) out.push(`${h.ip} is the host's own address on this network.`);
  }
  if (existing.some((e) => e.ip === h.ip)) out.push(`${h.ip} is already reserved on this network.`);
  if (h.mac && existing.some((e) => e.mac?.toLowerCase() === h.mac?.toLowerCase()))
    out.push(`${h.mac} already has a reservation on this network.`);
  return out;
}

/** What uses a host interface for macvtap: networks with it as a forward device, and VMs' direct NICs. */
function macvtapUsers(
  dev: string,
  snapshot: Pick<HostSnapshot, 'libvirt'>,
): { passthrough: string[]; shared: string[] } {
  const passthrough: string[] = [];
  const shared: string[] = [];
  for (const n of snapshot.libvirt?.networks ?? []) {
    if (!n.forwardDevs.includes(dev)) continue;
    (n.forwardMode === 'passthrough' || n.forwardMode === 'hostdev' ? passthrough : shared).push(`network '${n.name}'`);
  }
  for (const d of snapshot.libvirt?.domains ?? []) {
    for (const nic of d.nics) {
      if (nic.type !== 'direct' || nic.source !== dev) continue;
      (nic.mode === 'passthrough' ? passthrough : shared).push(`VM ${d.name}`);
    }
  }
  return { passthrough, shared };
}

function interfaceProblem(i: NetInterface, all: readonly NetInterface[]): string | null {
  if (i.kind === 'loopback') return `${i.name} is the loopback interface.`;
  if (i.kind === 'tap') return `${i.name} is a tap device (a running VM's NIC).`;
  if (i.kind === 'macvtap' || i.kind === 'macvlan')
    return `${i.name} is itself a ${i.kind}; use its parent ${i.macvlan?.parent ?? i.parent ?? 'interface'}.`;
  if (i.kind === 'bridge') return `${i.name} is a bridge: make a bridged network on it instead of a macvtap one.`;
  if (i.master) {
    const master = all.find((m) => m.name === i.master);
    return `${i.name} is a ${master?.kind === 'bond' ? 'member of bond' : 'port of bridge'} ${i.master}; a macvtap cannot sit on it, use ${i.master}.`;
  }
  return null;
}

/** Problems with a whole new-network spec, and notes worth showing with it. */
export function checkSpec(
  spec: NetworkSpecParsed,
  snapshot: Pick<HostSnapshot, 'libvirt' | 'hostname' | 'interfaces'>,
): { problems: string[]; notes: string[] } {
  const problems = [...checkNetworkName(spec.name, snapshot)];
  const notes: string[] = [];
  const ifaces = snapshot.interfaces;
  switch (spec.kind) {
    case 'nat':
    case 'route':
    case 'isolated': {
      const sub = checkSubnet(spec.ipv4, snapshot);
      problems.push(...sub.problems);
      if (sub.net && spec.dhcp) problems.push(...checkRange(spec.dhcp, sub.net));
      notes.push(
        spec.kind === 'nat'
          ? "NAT: VMs reach everything the host reaches, behind the host's address; nothing outside reaches them."
          : spec.kind === 'route'
            ? 'Routed: VMs keep their own addresses; the rest of the LAN needs a route to this subnet via the host.'
            : 'Isolated: VMs reach each other and the host, nothing else.',
      );
      break;
    }
    case 'bridge': {
      const br = ifaces.find((i) => i.name === spec.bridge);
      if (!spec.bridge) problems.push('Choose the host bridge the network hands out.');
      else if (!br)
        problems.push(
          `${snapshot.hostname} has no interface named '${spec.bridge}'. Bridges here: ${
            ifaces
              .filter((i) => i.kind === 'bridge')
              .map((i) => i.name)
              .join(', ') || 'none'
          }.`,
        );
      else if (br.kind !== 'bridge')
        problems.push(
          `${spec.bridge} is not a bridge (it is ${br.kind}); a bridged network needs an existing host bridge.`,
        );
      else {
        const owner = (snapshot.libvirt?.networks ?? []).find(
          (n) => n.bridge === spec.bridge && n.forwardMode !== 'bridge',
        );
        if (owner)
          problems.push(
            `${spec.bridge} is libvirt network '${owner.name}''s own bridge; choose a host bridge such as br0.`,
          );
        const ports = ifaces.filter((i) => i.master === spec.bridge && i.kind !== 'tap');
        if (ports.length === 0)
          notes.push(
            `${spec.bridge} has no physical port: VMs on it reach only the host and each other, not the wider network.`,
          );
        else
          notes.push(
            `VMs sit on ${spec.bridge} next to ${ports.map((p) => p.name).join(', ')}: they get addresses from whatever serves that LAN.`,
          );
      }
      if (spec.dhcp)
        problems.push("libvirt runs no DHCP on a bridged network: the LAN's own DHCP server (or MAAS) answers there.");
      break;
    }
    case 'macvtap': {
      const mode = spec.macvtapMode;
      if (!mode) problems.push('Choose the macvtap mode (bridge, private, vepa or passthrough).');
      if (spec.devices.length === 0) problems.push('Choose at least one host interface for the macvtaps.');
      if (new Set(spec.devices).size !== spec.devices.length) problems.push('An interface is listed twice.');
      for (const dev of spec.devices) {
        const i = ifaces.find((x) => x.name === dev);
        if (!i) {
          problems.push(`${snapshot.hostname} has no interface named '${dev}'.`);
          continue;
        }
        const p = interfaceProblem(i, ifaces);
        if (p) problems.push(p);
        const users = macvtapUsers(dev, snapshot);
        if (users.passthrough.length)
          problems.push(
            `${dev} is already used by passthrough (${users.passthrough.join(', ')}): nothing else can use it.`,
          );
        else if (mode === 'passthrough' && users.shared.length)
          problems.push(
            `passthrough needs ${dev} to itself, but ${users.shared.join(', ')} already use${users.shared.length === 1 ? 's' : ''} it.`,
          );
      }
      if (spec.dhcp)
        problems.push("libvirt runs no DHCP on a macvtap network: the LAN's own DHCP server answers there.");
      if (mode) {
        const info = macvlanModeExplanation(mode);
        notes.push(`${mode}: ${info.explanation} ${info.consequence}`);
        if (mode === 'passthrough')
          notes.push('Each running VM takes one of the listed interfaces; list as many as VMs should use it at once.');
      }
      notes.push(MACVTAP_HOST_ISOLATION);
      break;
    }
  }
  return { problems, notes };
}

/** Names of VMs with a NIC on the network (all, and those running). */
export function networkUsers(
  network: Pick<LibvirtNetwork, 'name'>,
  snapshot: Pick<HostSnapshot, 'libvirt'>,
): { all: string[]; running: string[] } {
  const all: string[] = [];
  const running: string[] = [];
  for (const d of snapshot.libvirt?.domains ?? []) {
    if (!d.nics.some((n) => n.type === 'network' && n.source === network.name)) continue;
    all.push(d.name);
    if (d.state === 'running' || d.state === 'paused' || d.state === 'idle' || d.state === 'in shutdown')
      running.push(d.name);
  }
  return { all, running };
}
