import type { InterfaceUse, NicAttachment } from '../../../shared/warnings';

/** "network default", "VM lab-running via network default", "VM lab-shutoff (macvtap vepa)" … */
export function describeUse(u: InterfaceUse): string {
  if (u.kind === 'network')
    return u.how === 'bridge' ? `network ${u.network}` : `network ${u.network} (forward device)`;
  switch (u.how) {
    case 'bridge':
      return `VM ${u.domain} (bridge)`;
    case 'network':
      return `VM ${u.domain} via ${u.network ?? '?'}`;
    case 'macvtap':
      return `VM ${u.domain} (macvtap ${u.mode ?? ''}${u.network ? `, network ${u.network}` : ''})`;
    case 'tap':
      return `host end of ${u.domain}'s NIC${u.mode ? ` (macvtap ${u.mode})` : ''}`;
  }
}

/** How a VM NIC is attached, in the words an admin uses: "network default", "bridge br0", "macvtap on eth1". */
export function describeAttachment(a: NicAttachment): { type: string; source: string } {
  const { type, source } = a.nic;
  if (a.macvtapMode && type === 'direct') return { type: 'macvtap', source: `on ${source ?? '?'}` };
  if (a.macvtapMode && a.network)
    return { type: 'macvtap', source: `network ${a.network.name} (on ${a.hostInterfaces.join(', ') || '?'})` };
  if (type === 'network') return { type: 'network', source: source ?? '?' };
  if (type === 'bridge') return { type: 'bridge', source: source ?? '?' };
  return { type, source: source ?? '—' };
}
