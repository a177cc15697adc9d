import type { HostSnapshot } from '../snapshot/types';
import { nicAttachments } from './attachments';
import type { HostWarning } from './types';

const list = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Passthrough gives one VM the whole parent NIC: a second VM with any macvtap on the same parent
 * cannot start while the first runs.
 */
export function passthroughSharedWarnings(snapshot: Pick<HostSnapshot, 'libvirt'>): HostWarning[] {
  const byParent = new Map<string, { passthrough: Set<string>; others: Set<string> }>();
  for (const a of nicAttachments(snapshot)) {
    if (!a.macvtapMode) continue;
    for (const parent of a.hostInterfaces) {
      const entry = byParent.get(parent) ?? { passthrough: new Set<string>(), others: new Set<string>() };
      (a.macvtapMode === 'passthrough' ? entry.passthrough : entry.others).add(a.domain.name);
      byParent.set(parent, entry);
    }
  }
  const out: HostWarning[] = [];
  for (const [parent, { passthrough, others }] of byParent) {
    const owners = [...passthrough].sort();
    const rest = [...others].filter((d) => !passthrough.has(d)).sort();
    const all = [...owners, ...rest];
    if (owners.length === 0 || all.length < 2) continue;
    const who =
      rest.length === 0
        ? `both ${list(owners)} in passthrough mode`
        : `${list(owners)} in passthrough mode, and ${list(rest)} also uses it`;
    out.push({
      code: 'passthrough-parent-shared',
      severity: 'error',
      message: `${parent} is given to ${who}. Passthrough needs the NIC to itself, so only one of ${list(all)} can run at a time; the others fail to start.`,
      subject: { kind: 'interface', name: parent },
      related: all.map((name) => ({ kind: 'domain' as const, name })),
    });
  }
  return out;
}
