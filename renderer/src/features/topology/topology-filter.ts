import type { TopoEdge, TopoGraph, TopoNode } from './topology-types';

/** VM states as the filter offers them; "stopped" covers shut off, crashed and the rest. */
export type VmStateFilter = 'any' | 'running' | 'paused' | 'stopped';

export interface TopologyFilter {
  /** Part of a VM's name, any case; empty for every VM. */
  vm: string;
  /** Id of the network, bridge or NIC the VMs must be linked to; null for any. */
  via: string | null;
  state: VmStateFilter;
}

export const noFilter: TopologyFilter = { vm: '', via: null, state: 'any' };

export const isFiltering = (f: TopologyFilter): boolean => f.vm.trim() !== '' || f.via !== null || f.state !== 'any';

/** Beyond this many VMs the layout (and the browser) gets slow: only the first ones by name are drawn. */
export const MAX_DRAWN_VMS = 300;

export interface FilteredGraph {
  graph: TopoGraph;
  /** VMs that match the filter, drawn or not. */
  matched: number;
  /** VMs drawn: at most MAX_DRAWN_VMS of the matched. */
  drawn: number;
  /** VMs on the host. */
  total: number;
}

const collator = new Intl.Collator(undefined, { numeric: true });

/** What VMs can be linked to, for the filter's list: networks, bridges and NICs with a VM on them, by name. */
export function vmAttachPoints(graph: TopoGraph): TopoNode[] {
  const vmIds = new Set(graph.nodes.filter((n) => n.kind === 'vm').map((n) => n.id));
  const ids = new Set(graph.edges.filter((e) => vmIds.has(e.target) && !vmIds.has(e.source)).map((e) => e.source));
  return graph.nodes
    .filter((n) => ids.has(n.id))
    .sort((a, b) => collator.compare(a.name, b.name) || a.kind.localeCompare(b.kind));
}

/**
 * The part of the graph to lay out: the VMs that match (at most `limit`, first by name) and what
 * links them to the wire — every NIC, bridge and network upstream of them, plus the chosen network
 * itself. Without a filter all of the host's plumbing stays. Done before the layout, so a host with
 * thousands of VMs lays out only what is asked for.
 */
export function filterGraph(graph: TopoGraph, filter: TopologyFilter, limit = MAX_DRAWN_VMS): FilteredGraph {
  const vms = graph.nodes.filter((n) => n.kind === 'vm');
  const filtering = isFiltering(filter);
  if (!filtering && vms.length <= limit) return { graph, matched: vms.length, drawn: vms.length, total: vms.length };

  const text = filter.vm.trim().toLowerCase();
  const linked = filter.via ? new Set(graph.edges.filter((e) => e.source === filter.via).map((e) => e.target)) : null;
  const matches = vms.filter(
    (n) =>
      (!text || n.name.toLowerCase().includes(text)) &&
      (filter.state === 'any' || n.status === filter.state) &&
      (!linked || linked.has(n.id)),
  );
  const drawn =
    matches.length <= limit ? matches : [...matches].sort((a, b) => collator.compare(a.name, b.name)).slice(0, limit);
  const keep = new Set(drawn.map((n) => n.id));
  if (filtering) {
    // Walk upstream from the kept VMs: the links into a node come from what it is built on.
    const into = new Map<string, TopoEdge[]>();
    for (const e of graph.edges) {
      const list = into.get(e.target);
      if (list) list.push(e);
      else into.set(e.target, [e]);
    }
    const queue = [...keep];
    if (filter.via) {
      keep.add(filter.via);
      queue.push(filter.via);
    }
    while (queue.length > 0) {
      for (const e of into.get(queue.pop()!) ?? []) {
        if (keep.has(e.source)) continue;
        keep.add(e.source);
        queue.push(e.source);
      }
    }
  } else {
    for (const n of graph.nodes) if (n.kind !== 'vm') keep.add(n.id);
  }
  return {
    graph: {
      nodes: graph.nodes.filter((n) => keep.has(n.id)),
      edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    },
    matched: matches.length,
    drawn: drawn.length,
    total: vms.length,
  };
}
