import type { HostMarks } from '../compose/marks';
import type { HostSnapshot } from '../snapshot/types';
import { networkDhcpState } from './dhcp';
import type { HostWarning } from './types';

/** libvirt's dnsmasq on a segment the user says another DHCP server already serves: clients get either answer. */
export function dhcpDoubleWarnings(
  snapshot: Pick<HostSnapshot, 'libvirt' | 'interfaces' | 'hostname'>,
  marks: HostMarks,
): HostWarning[] {
  const lv = snapshot.libvirt;
  if (!lv || lv.error) return [];
  const out: HostWarning[] = [];
  for (const n of lv.networks) {
    const dhcp = networkDhcpState(n, snapshot, marks);
    if (!dhcp.libvirt || !dhcp.external) continue;
    out.push({
      code: 'dhcp-double',
      severity: 'error',
      message: `Network ${n.name} runs libvirt's DHCP${n.bridge ? ` on ${n.bridge}` : ''}, but ${dhcp.external}: two DHCP servers will answer the same VMs, and each VM takes whichever replies first. Remove the <dhcp> element from ${n.name}, or the mark.`,
      subject: { kind: 'network', name: n.name },
      related: n.bridge ? [{ kind: 'interface', name: n.bridge }] : [],
    });
  }
  return out;
}
