import type { HostSnapshot, NetInterface } from '../snapshot/types';
import { isDomainUp, nicAttachments, nicLabel } from './attachments';
import type { HostWarning } from './types';

/** Why an interface carries no traffic, in words; null when it is up. */
export function downReason(i: NetInterface): string | null {
  if (!i.flags.includes('UP')) return `${i.name} is administratively down (ip link set ${i.name} up)`;
  if (i.flags.includes('NO-CARRIER') || i.state === 'LOWERLAYERDOWN')
    return `${i.name} has no carrier (its cable, peer or lower device is down)`;
  if (i.state === 'DOWN' || i.state === 'NOTPRESENT') return `${i.name} is ${i.state}`;
  return null;
}

/**
 * A bridge reports no carrier until one of its ports forwards; with STP on (libvirt's default) a
 * just-started VM's tap spends the forward delay (2 s) learning. Up with a live port = coming up.
 */
function bridgeComingUp(i: NetInterface, byName: Map<string, NetInterface>): boolean {
  return (
    i.kind === 'bridge' && i.flags.includes('UP') && i.ports.some((p) => byName.get(p)?.flags.includes('LOWER_UP'))
  );
}

/** A running VM whose NIC sits on a down interface or a stopped network has no link there. */
export function downButUsedWarnings(snapshot: Pick<HostSnapshot, 'libvirt' | 'interfaces'>): HostWarning[] {
  const byName = new Map(snapshot.interfaces.map((i) => [i.name, i]));
  const out: HostWarning[] = [];
  for (const a of nicAttachments(snapshot)) {
    if (!isDomainUp(a.domain)) continue;
    const d = a.domain.name;
    if (a.network && !a.network.active) {
      out.push({
        code: 'down-but-used',
        severity: 'error',
        message: `Network ${a.network.name} is stopped, but ${d} is running with ${nicLabel(a)} on it: that NIC has no link. Start the network.`,
        subject: { kind: 'network', name: a.network.name },
        related: [{ kind: 'domain', name: d }],
      });
      continue;
    }
    for (const name of a.hostInterfaces) {
      const iface = byName.get(name);
      const why = iface && !bridgeComingUp(iface, byName) ? downReason(iface) : null;
      if (!why) continue;
      out.push({
        code: 'down-but-used',
        severity: 'error',
        message: `${why}, but ${d} is running with ${nicLabel(a)} on it: that NIC has no link.`,
        subject: { kind: 'interface', name },
        related: [
          { kind: 'domain', name: d },
          ...(a.network ? [{ kind: 'network' as const, name: a.network.name }] : []),
        ],
      });
    }
  }
  return out;
}
