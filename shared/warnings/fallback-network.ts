import type { HostMarks } from '../compose/marks';
import type { HostSnapshot } from '../snapshot/types';
import { networkDhcpState } from './dhcp';
import type { HostWarning } from './types';

/**
 * MAAS (and LabDeck's compose) attach a VM composed without interface constraints to libvirt
 * network 'maas', else 'default'. Say when that network is missing, stopped, or has no DHCP.
 */
export function fallbackNetworkWarnings(
  snapshot: Pick<HostSnapshot, 'libvirt' | 'interfaces' | 'hostname'>,
  marks: HostMarks,
): HostWarning[] {
  const lv = snapshot.libvirt;
  if (!lv || lv.error) return [];
  const chosen = lv.networks.find((n) => n.name === 'maas') ?? lv.networks.find((n) => n.name === 'default');
  if (!chosen) {
    return [
      {
        code: 'no-fallback-network',
        severity: 'warning',
        message:
          'There is no libvirt network named maas or default: a VM composed without interface constraints has nowhere to attach. Create one of them, or always give interface constraints.',
        subject: { kind: 'host', name: snapshot.hostname },
        related: [],
      },
    ];
  }
  const out: HostWarning[] = [];
  const subject = { kind: 'network' as const, name: chosen.name };
  if (!chosen.active) {
    out.push({
      code: 'fallback-network-inactive',
      severity: 'warning',
      message: `Network ${chosen.name} is stopped: VMs composed without interface constraints attach to it and will not start until it runs. Start it${chosen.autostart ? '' : ', and consider turning on autostart'}.`,
      subject,
      related: [],
    });
  }
  const dhcp = networkDhcpState(chosen, snapshot, marks);
  if (!dhcp.libvirt && !dhcp.external) {
    out.push({
      code: 'fallback-network-no-dhcp',
      severity: 'info',
      message: `Network ${chosen.name} has no DHCP that LabDeck knows of (libvirt's is off and nothing is marked as external DHCP): VMs composed without interface constraints attach to it and will get no address and cannot network-boot, unless a DHCP server such as MAAS answers there. If one does, mark ${chosen.bridge ?? 'its subnet'} as served by external DHCP.`,
      subject,
      related: chosen.bridge ? [{ kind: 'interface', name: chosen.bridge }] : [],
    });
  }
  return out;
}
