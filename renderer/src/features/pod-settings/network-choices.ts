import { interfaceFacts, networkDhcp, type HostMarks } from '../../../../shared/compose';
import type { HostSnapshot } from '../../../../shared/snapshot/types';

export interface NetworkChoice {
  name: string;
  /** "NAT · libvirt's DHCP (192.168.122.2–…)" or "NAT · no DHCP": DHCP is shown where a network is picked. */
  description: string;
  dhcp: boolean;
  active: boolean;
}

/** The pod's libvirt networks, each with its forward mode and who serves DHCP on it. */
export function networkChoices(snapshot: HostSnapshot | null, marks: HostMarks | null): NetworkChoice[] {
  const lv = snapshot?.libvirt;
  if (!snapshot || !lv || !marks) return [];
  const facts = interfaceFacts(snapshot, marks);
  return lv.networks.map((n) => {
    const dhcp = networkDhcp(n, facts);
    const who = !dhcp.available ? 'no DHCP' : dhcp.source === 'libvirt' ? "libvirt's DHCP" : 'external DHCP (marked)';
    return {
      name: n.name,
      description: `${n.forwardMode}${n.bridge ? ` on ${n.bridge}` : ''} · ${who}${n.active ? '' : ' · inactive'}`,
      dhcp: dhcp.available,
      active: n.active,
    };
  });
}
