import { layoutTopology, type Layout } from './topology-layout';
import type { TopoGraph } from './topology-types';

/** Lays out a topology graph; rows start in name order so the picture is stable between refreshes. */
export function layoutGraph(graph: TopoGraph): Layout {
  return layoutTopology({
    nodes: graph.nodes.map((n) => ({ id: n.id, group: n.group, sortKey: n.name })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  });
}
