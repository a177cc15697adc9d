import type { addressOrigins, GuestAddress } from '../../../../shared/contract/guests';

export type AddressOrigin = (typeof addressOrigins)[number];
import type { ArpEntry, DomIfAddr, DomIfAddrOutcome, DomIfListRow } from '../../../../shared/snapshot/parse-domifaddr';

/**
 * Pure parts of reading a guest's addresses: merging the three sources, and deciding when a wait is over.
 *
 * Merge: one entry per (MAC, address); when several sources know it, the agent wins over the lease,
 * the lease over ARP (the agent speaks for the guest itself, a lease is what the guest asked for, an
 * ARP entry only what the host saw lately). Loopback and link-local addresses are left out: nobody
 * reaches a guest through them.
 *
 * Waiting is over ("settled") when the VM has at least one IPv4 address that is not loopback or
 * link-local, AND every NIC on a libvirt network that hands out IPv4 leases (a <dhcp> on the network)
 * has one. NICs on bridges or macvtaps may or may not get an address (LabDeck cannot know whether
 * something answers DHCP there), so they do not hold the wait up once any address is known. A
 * guest that only gets IPv6 addresses is reported with them, but keeps the wait going to the end.
 */

export const originRank: Record<AddressOrigin, number> = { agent: 3, lease: 2, arp: 1 };

export type SourceResult = { origin: AddressOrigin; outcome: DomIfAddrOutcome };

function isLoopback(a: { family: string; address: string }): boolean {
  return a.family === 'ipv4' ? a.address.startsWith('127.') : a.address === '::1';
}

function isLinkLocal(a: { family: string; address: string }): boolean {
  return a.family === 'ipv4' ? a.address.startsWith('169.254.') : /^fe[89ab][0-9a-f]:/i.test(a.address);
}

/** An address someone can reach the guest at. */
export function isUsable(a: { family: string; address: string }): boolean {
  return !isLoopback(a) && !isLinkLocal(a);
}

/** Turns /proc/net/arp entries into domifaddr-shaped rows for the domain's NICs (matched by MAC). */
export function arpRowsForNics(entries: ArpEntry[], nics: DomIfListRow[]): DomIfAddr[] {
  const byMac = new Map(nics.map((n) => [n.mac, n]));
  return entries.flatMap((e) => {
    const nic = byMac.get(e.mac);
    if (!nic) return [];
    const row: DomIfAddr = { mac: e.mac, family: 'ipv4', address: e.address };
    if (nic.target) row.ifname = nic.target;
    return [row];
  });
}

/**
 * Merges the sources' rows, agent > lease > arp per (MAC, address), in NIC order (then IPv4 first).
 * ARP knows no prefix length (libvirt prints /0): that becomes "unknown", or the other source's.
 */
export function mergeAddresses(
  sources: { origin: AddressOrigin; rows: DomIfAddr[] }[],
  nicOrder: string[] = [],
): GuestAddress[] {
  const byKey = new Map<string, GuestAddress>();
  for (const { origin, rows } of sources) {
    for (const r of rows) {
      if (!isUsable(r)) continue;
      const key = `${r.mac}|${r.address.toLowerCase()}`;
      const prefixLen = r.prefixLen !== undefined && !(origin === 'arp' && r.prefixLen === 0) ? r.prefixLen : undefined;
      const next: GuestAddress = { mac: r.mac, family: r.family, address: r.address, origin };
      if (r.ifname !== undefined) next.ifname = r.ifname;
      if (prefixLen !== undefined) next.prefixLen = prefixLen;
      const have = byKey.get(key);
      if (!have) {
        byKey.set(key, next);
        continue;
      }
      const nextWins = originRank[origin] > originRank[have.origin];
      const win = nextWins ? next : have;
      const lose = nextWins ? have : next;
      const merged: GuestAddress = { ...win };
      if (merged.prefixLen === undefined && lose.prefixLen !== undefined) merged.prefixLen = lose.prefixLen;
      if (merged.ifname === undefined && lose.ifname !== undefined) merged.ifname = lose.ifname;
      byKey.set(key, merged);
    }
  }
  const nicIndex = (mac: string) => {
    const i = nicOrder.indexOf(mac);
    return i < 0 ? nicOrder.length : i;
  };
  return [...byKey.values()]
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        nicIndex(x.a.mac) - nicIndex(y.a.mac) ||
        (x.a.family === y.a.family ? 0 : x.a.family === 'ipv4' ? -1 : 1) ||
        x.i - y.i,
    )
    .map(({ a }) => a);
}

/**
 * Whether waiting can stop: some usable IPv4 address is known, and each NIC whose MAC is in
 * `dhcpNicMacs` (on a libvirt network with IPv4 DHCP) has one of its own.
 */
export function addressesSettled(addresses: GuestAddress[], dhcpNicMacs: readonly string[]): boolean {
  const v4 = addresses.filter((a) => a.family === 'ipv4' && isUsable(a));
  if (v4.length === 0) return false;
  return dhcpNicMacs.every((mac) => v4.some((a) => a.mac === mac));
}

export const countText = (n: number): string => (n === 0 ? 'no address' : `${n} address${n === 1 ? '' : 'es'}`);

/** What each source said, for `tried`: how many addresses it gave (before merging), or why it could not. */
export function triedNote(s: SourceResult, found: number): { origin: AddressOrigin; ok: boolean; note?: string } {
  if (s.outcome.ok) return { origin: s.origin, ok: true, note: countText(found) };
  if (s.outcome.reason === 'notRunning') return { origin: s.origin, ok: false, note: 'the VM is not running' };
  return { origin: s.origin, ok: false, note: s.outcome.message };
}
