import type { InterfaceFacts } from '../../../../shared/compose';
import type { NetInterface } from '../../../../shared/snapshot/types';
import type { InterfaceUse } from '../../../../shared/warnings/interface-usage';

export type LinkTone = 'success' | 'warning' | 'error' | 'neutral';

/** Link state in words: operstate alone says UNKNOWN for taps and lo, so the flags decide too. */
export function linkState(iface: NetInterface): { label: string; tone: LinkTone } {
  // An up bridge without carrier is only idle: the VM's tap joining it brings the link (issue 12, #3).
  if (iface.kind === 'bridge' && iface.flags.includes('UP') && iface.flags.includes('NO-CARRIER'))
    return { label: 'idle (no port up yet)', tone: 'neutral' };
  if (iface.flags.includes('NO-CARRIER')) return { label: 'no carrier', tone: 'warning' };
  if (iface.state === 'DOWN' || !iface.flags.includes('UP')) return { label: 'down', tone: 'error' };
  if (iface.state === 'UP' || iface.flags.includes('LOWER_UP')) return { label: 'up', tone: 'success' };
  return { label: iface.state.toLowerCase(), tone: 'neutral' };
}

/** One short phrase per thing using the interface: "network default", "VM db (macvtap, vepa)". */
export function usagePhrases(uses: readonly InterfaceUse[]): string[] {
  return uses.map((u) => {
    if (u.kind === 'network')
      return u.how === 'bridge' ? `network ${u.network}` : `network ${u.network} (forwards here)`;
    const state = u.running ? 'running' : 'stopped';
    switch (u.how) {
      case 'macvtap':
        return `VM ${u.domain} (macvtap${u.mode ? `, ${u.mode}` : ''}, ${state})`;
      case 'network':
        return `VM ${u.domain} (via network ${u.network ?? '?'}, ${state})`;
      case 'tap':
        return `host end of VM ${u.domain}'s NIC`;
      default:
        return `VM ${u.domain} (bridged, ${state})`;
    }
  });
}

/** How a guest NIC would attach here, or why it cannot. */
export function attachPhrase(f: InterfaceFacts): string {
  if (f.unusable) return f.unusable;
  if (f.iface.kind === 'bridge') return f.network ? `bridge (libvirt network ${f.network.name})` : 'bridge';
  return 'macvtap (direct)';
}

/** DHCP on the interface's segment in two words, plus the detail the planner gives. */
export function dhcpPhrase(f: InterfaceFacts): { short: string; detail: string; available: boolean } {
  const d = f.dhcp;
  const short = !d.available ? 'no DHCP' : d.source === 'libvirt' ? "libvirt's DHCP" : 'external DHCP (marked)';
  return { short, detail: d.detail, available: d.available };
}

/** Usable interfaces first (bridges, then others), then what guests cannot use, each by name. */
export function sortFacts(facts: readonly InterfaceFacts[]): InterfaceFacts[] {
  const rank = (f: InterfaceFacts) => (f.unusable ? 2 : f.iface.kind === 'bridge' ? 0 : 1);
  return [...facts].sort((a, b) => rank(a) - rank(b) || a.iface.name.localeCompare(b.iface.name));
}
