import { layoutTopology, NODE_W, type Layout } from './topology-layout';
import type { TopoGraph, TopoNodeKind } from './topology-types';

/** VM cards are wider: name, state, vCPUs and memory must fit ("paused · 16 vCPU · 1023.5 MiB"). */
export const VM_W = 224;

export const nodeWidth = (kind: TopoNodeKind): number => (kind === 'vm' ? VM_W : NODE_W);

/** Lays out a topology graph; rows start in name order so the picture is stable between refreshes. */
export function layoutGraph(graph: TopoGraph): Layout {
  return layoutTopology({
    nodes: graph.nodes.map((n) => ({ id: n.id, group: n.group, sortKey: n.name, width: nodeWidth(n.kind) })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  });
}
