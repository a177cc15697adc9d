import type { HostStatus, HostView } from '../../../shared/contract';
import { hostTarget, statusLabels, statusSeverity } from '../format/host-format';
import type { SortDirection, SortKey } from './ui-slice';

/** Every word of the query must appear somewhere in what the row shows. */
export function matchesSearch(host: HostView, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    host.name,
    hostTarget(host),
    host.kind,
    statusLabels[host.status],
    host.lastFacts?.hostname ?? '',
    host.lastFacts?.libvirtVersion ?? '',
    ...host.tags,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

type Value = string | number | undefined;

function sortValue(h: HostView, key: SortKey): Value {
  const f = h.lastFacts;
  switch (key) {
    case 'name':
      return h.name.toLowerCase();
    case 'address':
      return hostTarget(h).toLowerCase();
    case 'kind':
      return h.kind;
    case 'status':
      return statusSeverity[h.status];
    case 'cpus':
      return f?.cpus;
    case 'memory':
      return f?.memoryKiB;
    case 'vms':
      return f?.domainsTotal;
    case 'networks':
      return f?.networksTotal;
    case 'libvirt':
      return f?.libvirtVersion;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true });

function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Hosts without facts always go last, whatever the direction: blanks are not "smallest". */
export function compareHosts(key: SortKey, direction: SortDirection) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: HostView, b: HostView): number => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === undefined && vb !== undefined) return 1;
    if (vb === undefined && va !== undefined) return -1;
    return sign * compareValues(va, vb) || collator.compare(a.name, b.name);
  };
}

export function queryHosts(
  hosts: HostView[],
  search: string,
  status: HostStatus | 'all',
  sort: { key: SortKey; direction: SortDirection },
): HostView[] {
  return hosts
    .filter((h) => (status === 'all' || h.status === status) && matchesSearch(h, search))
    .sort(compareHosts(sort.key, sort.direction));
}
