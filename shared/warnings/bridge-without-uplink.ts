import type { HostSnapshot } from '../snapshot/types';
import { isHostEndDevice } from './attachments';
import type { HostWarning } from './types';

/** libvirt's own NAT/routed/isolated bridges are host-only by design; they never need an uplink. */
const HOST_ONLY_MODES = new Set(['nat', 'route', 'open', 'isolated']);

/** A bridge whose only ports are VM taps (or none) connects its VMs to each other and the host, nothing more. */
export function bridgeWithoutUplinkWarnings(snapshot: Pick<HostSnapshot, 'libvirt' | 'interfaces'>): HostWarning[] {
  const networks = snapshot.libvirt?.networks ?? [];
  const byName = new Map(snapshot.interfaces.map((i) => [i.name, i]));
  const out: HostWarning[] = [];
  for (const br of snapshot.interfaces) {
    if (br.kind !== 'bridge') continue;
    if (networks.some((n) => n.bridge === br.name && HOST_ONLY_MODES.has(n.forwardMode))) continue;
    // Without readable libvirt data, libvirt's naming convention is the only hint left.
    if (networks.length === 0 && /^virbr\d+$/.test(br.name)) continue;
    // A port we cannot see is given the benefit of the doubt.
    const uplinks = br.ports.filter((p) => {
      const port = byName.get(p);
      return !port || !isHostEndDevice(port);
    });
    if (uplinks.length > 0) continue;
    const what = br.ports.length === 0 ? 'no ports at all' : `only VM taps (${br.ports.join(', ')})`;
    out.push({
      code: 'bridge-without-uplink',
      severity: 'warning',
      message: `Bridge ${br.name} has no uplink port, ${what}: VMs on it reach each other and this host, but nothing beyond. Add a NIC, bond or VLAN interface to ${br.name} if it should reach the LAN.`,
      subject: { kind: 'interface', name: br.name },
      related: [],
    });
  }
  return out;
}
