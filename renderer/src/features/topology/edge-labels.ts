import { COL_GAP, type Layout, type Point } from './topology-layout';
import type { TopoGraph } from './topology-types';

/** Height of a two-line label plus a little air: labels stacked at one node keep this apart. */
export const LABEL_STEP = 34;

export type LabelSpot = Point & { text: string };

/**
 * One label per labelled edge (a macvtap's mode, a VLAN id), in the column gap just before the
 * edge's target, level with the target's middle: there every line has its own row, so each VM
 * shows the mode of its own macvtap. Several labels into one node stack around its centre line.
 * (One label per bundle at the source merged the modes of different VMs into one count.)
 */
export function edgeLabelSpots(graph: TopoGraph, layout: Layout): Map<string, LabelSpot> {
  const byTarget = new Map<string, { id: string; text: string }[]>();
  for (const e of graph.edges) {
    if (!e.label || !layout.routes.has(e.id)) continue;
    byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), { id: e.id, text: e.label }]);
  }
  const spots = new Map<string, LabelSpot>();
  for (const list of byTarget.values()) {
    list.sort((a, b) => a.text.localeCompare(b.text) || a.id.localeCompare(b.id));
    list.forEach(({ id, text }, i) => {
      const route = layout.routes.get(id)!;
      const end = route.at(-1)!;
      const before = route.at(-2)!;
      const dir = end.x < before.x ? -1 : 1;
      spots.set(id, { x: end.x - (dir * COL_GAP) / 2, y: end.y + (i - (list.length - 1) / 2) * LABEL_STEP, text });
    });
  }
  return spots;
}
