import { networkContains, parseIp } from './net/ip';
import type { InterfaceFacts } from './planner/facts';

export interface SeedNicInput {
  mac: string;
  hostInterface: string | null;
  requestedIps: readonly string[];
}

export interface SeedNic {
  mac: string;
  /** CIDR; empty = DHCP. */
  addresses: string[];
  gateway?: string;
}

/** When no subnet on the host says how wide the segment is, a /24 is the common lab guess. */
const FALLBACK_PREFIX = { 4: 24, 6: 64 } as const;

/**
 * The NICs of a cloud-init network-config: an `ip=` address is given to its NIC statically, with the
 * prefix of the host subnet it falls in (the attached interface's first, then any), and the libvirt
 * network's own address as gateway when that network routes (nat/route/open). Other NICs use DHCP.
 */
export function seedNics(
  nics: readonly SeedNicInput[],
  facts: readonly InterfaceFacts[],
): { nics: SeedNic[]; notes: string[] } {
  const notes: string[] = [];
  const out = nics.map((nic) => {
    const own = facts.find((f) => f.iface.name === nic.hostInterface);
    const ordered = own ? [own, ...facts.filter((f) => f !== own)] : [...facts];
    let gateway: string | undefined;
    const addresses = nic.requestedIps.flatMap((text) => {
      const ip = parseIp(text);
      if (!ip) return [];
      for (const f of ordered) {
        const subnet = f.subnets.find((s) => networkContains(s.net, ip));
        if (!subnet) continue;
        const routed = f.network && ['nat', 'route', 'open'].includes(f.network.forwardMode);
        const gw = routed
          ? f.network?.ips.find(
              (n) => parseIp(n.address)?.family === ip.family && networkContains(subnet.net, parseIp(n.address)!),
            )
          : undefined;
        if (gw && gateway === undefined && ip.family === 4) gateway = gw.address;
        return [`${text}/${subnet.net.prefix}`];
      }
      const prefix = FALLBACK_PREFIX[ip.family];
      notes.push(`${text} lies in no subnet the host knows; the guest gets it as ${text}/${prefix}.`);
      return [`${text}/${prefix}`];
    });
    return { mac: nic.mac, addresses, ...(gateway !== undefined ? { gateway } : {}) };
  });
  return { nics: out, notes };
}
