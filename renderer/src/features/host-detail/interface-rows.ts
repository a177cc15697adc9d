import type { NetInterface } from '../../../../shared/snapshot/types';
import { downReason } from '../../../../shared/warnings';
import type { PillTone } from '../../components/Pill';

/** Real NICs, bonds, VLANs and bridges first (in the host's order); VM taps and macvtaps next; lo last. */
export function sortInterfaces(list: readonly NetInterface[]): NetInterface[] {
  const rank = (i: NetInterface): number =>
    i.kind === 'loopback' ? 2 : i.kind === 'tap' || i.kind === 'macvtap' ? 1 : 0;
  return [...list].sort((a, b) => rank(a) - rank(b) || a.ifindex - b.ifindex);
}

/** Link state in one word; the full reason goes to the tooltip. */
export function linkState(i: NetInterface): { label: string; tone: PillTone; detail: string } {
  const why = downReason(i);
  const detail = `operstate ${i.state}; flags ${i.flags.join(', ') || 'none'}`;
  if (!why) return { label: 'up', tone: 'success', detail };
  if (!i.flags.includes('UP')) return { label: 'disabled', tone: 'neutral', detail: `${why}. ${detail}` };
  if (i.flags.includes('NO-CARRIER') || i.state === 'LOWERLAYERDOWN')
    return { label: 'no carrier', tone: 'warning', detail: `${why}. ${detail}` };
  return { label: 'down', tone: 'warning', detail: `${why}. ${detail}` };
}

/** Where the interface sits: its bridge or bond, its ports, its VLAN or macvlan parent. */
export function placement(i: NetInterface): string[] {
  const out: string[] = [];
  if (i.kind === 'bridge' || i.kind === 'bond') out.push(i.ports.length ? `ports ${i.ports.join(', ')}` : 'no ports');
  if (i.master) out.push(`port of ${i.master}`);
  if (i.vlan) out.push(`VLAN ${i.vlan.id}${(i.vlan.parent ?? i.parent) ? ` on ${i.vlan.parent ?? i.parent}` : ''}`);
  else if (i.macvlan) out.push(`on ${i.macvlan.parent ?? i.parent ?? '?'}`);
  return out;
}
