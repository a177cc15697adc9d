import type { DhcpHost, HostSnapshot, LibvirtNetwork } from '../snapshot/types';

/** Which static DHCP entry: its IP, and its MAC when it has one. */
export type ReservationKey = { ip: string; mac?: string };

const sameMac = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The `<host>` entry of a network (live or persistent definition) with this IP (and MAC, when given). */
export function findReservation(net: Pick<LibvirtNetwork, 'ips'>, key: ReservationKey): DhcpHost | undefined {
  for (const ip of net.ips) {
    const hit = ip.dhcp?.hosts.find((h) => h.ip === key.ip && (key.mac === undefined || sameMac(h.mac, key.mac)));
    if (hit) return hit;
  }
  return undefined;
}

/** The VMs with a NIC of this MAC on this network: who loses the fixed address when the entry goes. */
export function reservationUsers(snapshot: HostSnapshot, network: string, mac: string | undefined): string[] {
  if (!mac) return [];
  const users = (snapshot.libvirt?.domains ?? []).filter((d) =>
    d.nics.some((n) => n.type === 'network' && n.source === network && sameMac(n.mac, mac)),
  );
  return users.map((d) => d.name);
}
