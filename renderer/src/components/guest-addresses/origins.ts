import type { GuestAddress } from '../../../../shared/contract/guests';
import type { NicIp } from '../../../../shared/snapshot/types';

export type OriginKey = GuestAddress['origin'];

/** The tag's word and what it means, for every place that shows where an address came from. */
export const originText: Record<OriginKey, { tag: string; title: string }> = {
  lease: { tag: 'lease', title: "from the DHCP lease libvirt's network handed out" },
  arp: { tag: 'ARP', title: "from the host's ARP table: the host has talked to this address lately" },
  agent: { tag: 'agent', title: 'reported by the QEMU guest agent inside the VM' },
};

/** A snapshot NIC address's origin as a tag ('domifaddr' is `domifaddr --source lease`: a lease too). */
export function originOfNicIp(ip: NicIp): OriginKey {
  return ip.origin === 'arp' ? 'arp' : 'lease';
}

export const cidr = (a: { address: string; prefixLen?: number }): string =>
  a.prefixLen !== undefined ? `${a.address}/${a.prefixLen}` : a.address;

/** "2 min", "90 s", "1 min 30 s". */
export function waitText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60 || (s < 120 && s % 60 !== 0)) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}
