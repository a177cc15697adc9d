import type { Domain, DomainDisk } from '../../../../shared/snapshot/types';

export type VmSortKey = 'name' | 'state' | 'vcpus' | 'memory';
export type VmSort = { key: VmSortKey; dir: 'asc' | 'desc' };

/** Names in the order people expect: vm2 before vm10, case and accents ignored. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Where a disk's data lives, as the VM table shows it. */
export const diskSource = (k: DomainDisk): string | undefined => k.source?.file ?? k.source?.dev ?? k.source?.volume;

/** What the search box matches: the name, disk paths, MACs and known IPs, in lower case. */
export function vmSearchText(d: Domain): string {
  const disks = d.disks.map((k) => diskSource(k) ?? '');
  const nics = d.nics.flatMap((n) => [n.mac ?? '', ...n.ips.map((ip) => ip.address)]);
  return [d.name, ...disks, ...nics].join(' ').toLowerCase();
}

/**
 * Everything the table needs about a host's VMs, worked out once per snapshot: the search text of
 * each VM, its place in name order and in state order (so each sort compares numbers, and the
 * collator runs once, not per comparison), and each state with how many VMs are in it.
 */
export type VmIndex = {
  domains: readonly Domain[];
  /** By position in `domains`; built on the first search, not when the table first opens. */
  text: () => readonly string[];
  nameRank: Int32Array;
  stateRank: Int32Array;
  /** The states present, in collation order, with their counts. */
  states: readonly { state: string; count: number }[];
};

export function indexVms(domains: readonly Domain[]): VmIndex {
  const n = domains.length;
  const byName = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    collator.compare(domains[a]!.name, domains[b]!.name),
  );
  const nameRank = new Int32Array(n);
  byName.forEach((at, rank) => (nameRank[at] = rank));

  const counts = new Map<string, number>();
  for (const d of domains) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
  const states = [...counts].map(([state, count]) => ({ state, count }));
  states.sort((a, b) => collator.compare(a.state, b.state));
  const rankOfState = new Map(states.map((s, i) => [s.state, i]));
  const stateRank = Int32Array.from(domains, (d) => rankOfState.get(d.state)!);

  let text: string[] | undefined;
  return { domains, text: () => (text ??= domains.map(vmSearchText)), nameRank, stateRank, states };
}

/** Positions in `index.domains`, sorted; ties go by name. Descending is ascending reversed. */
export function sortVms(index: VmIndex, sort: VmSort): number[] {
  const { domains, nameRank, stateRank } = index;
  const primary: Record<VmSortKey, (i: number) => number> = {
    name: () => 0,
    state: (i) => stateRank[i]!,
    vcpus: (i) => domains[i]!.vcpus,
    memory: (i) => domains[i]!.memoryKiB,
  };
  const key = primary[sort.key];
  const order = Array.from({ length: domains.length }, (_, i) => i);
  order.sort((a, b) => key(a) - key(b) || nameRank[a]! - nameRank[b]!);
  return sort.dir === 'asc' ? order : order.reverse();
}

/** The VMs in `order` whose state is `state` ('all': any) and whose search text holds `query` (trimmed, any case). */
export function filterVms(index: VmIndex, order: readonly number[], query: string, state: string): Domain[] {
  const q = query.trim().toLowerCase();
  const text = q === '' ? [] : index.text();
  const shown: Domain[] = [];
  for (const i of order) {
    const d = index.domains[i]!;
    if ((state === 'all' || d.state === state) && (q === '' || text[i]!.includes(q))) shown.push(d);
  }
  return shown;
}
