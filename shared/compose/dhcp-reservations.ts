import type { Domain, LibvirtNetwork } from '../snapshot/types';
import { buildDhcpHostXml } from './domain-xml/dhcp-host';
import { virsh } from '../virsh';

/** A DHCP `<host>` entry of a libvirt network that belongs to a VM's NIC (same MAC). */
export type VmReservation = {
  network: string;
  mac: string;
  ip: string;
  name?: string;
  active: boolean;
  persistent: boolean;
};

const sameMac = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * The DHCP reservations held for this VM's NICs: `<host mac=…>` entries (compose's `ip=`) in the
 * networks its NICs are on. Deleting the VM removes them, so the address is free again.
 */
export function vmReservations(domain: Pick<Domain, 'nics'>, networks: readonly LibvirtNetwork[]): VmReservation[] {
  const out: VmReservation[] = [];
  for (const nic of domain.nics) {
    if (nic.type !== 'network' || !nic.mac) continue;
    const n = networks.find((x) => x.name === nic.source);
    if (!n) continue;
    for (const ip of n.ips) {
      for (const h of ip.dhcp?.hosts ?? []) {
        if (!sameMac(h.mac, nic.mac)) continue;
        out.push({
          network: n.name,
          mac: h.mac!,
          ip: h.ip,
          ...(h.name ? { name: h.name } : {}),
          active: n.active,
          persistent: n.persistent,
        });
      }
    }
  }
  return out;
}

/** `virsh net-update … delete ip-dhcp-host '<host …/>'` for one reservation (live and/or config, as the network is). */
export function reservationRemovalArgs(r: VmReservation): string[] | null {
  const xml = buildDhcpHostXml({ mac: r.mac, ip: r.ip, ...(r.name ? { name: r.name } : {}) });
  if (!xml.ok) return null;
  return virsh.network.update(r.network, {
    command: 'delete',
    section: 'ip-dhcp-host',
    xml: xml.value,
    live: r.active,
    config: r.persistent,
  });
}
