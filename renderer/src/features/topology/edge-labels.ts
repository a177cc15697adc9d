import { COL_GAP, type Layout, type Point } from './topology-layout';
import type { TopoGraph } from './topology-types';

/** Height of a two-line label plus a little air: stacked labels of one source keep this apart. */
export const LABEL_STEP = 34;

export type LabelSpot = Point & { text: string };

/**
 * One label per bundle: edges leaving the same node with the same label ("macvtap private" from
 * eth0 to seven VMs) share one, placed in the gap just after their source, where they still run
 * together, with a count. Several bundles from one source stack around its centre line.
 * Labels at the far ends collided as soon as a NIC fed many VMs.
 */
export function edgeLabelSpots(graph: TopoGraph, layout: Layout): Map<string, LabelSpot> {
  const groups = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!e.label || !layout.routes.has(e.id)) continue;
    const key = `${e.source}\u0000${e.label}`;
    groups.set(key, [...(groups.get(key) ?? []), e.id]);
  }
  const bySource = new Map<string, [string, string[]][]>();
  for (const [key, ids] of groups) {
    const source = key.split('\u0000')[0]!;
    bySource.set(source, [...(bySource.get(source) ?? []), [key, ids]]);
  }
  const spots = new Map<string, LabelSpot>();
  for (const list of bySource.values()) {
    list.sort(([a], [b]) => a.localeCompare(b));
    list.forEach(([key, ids], i) => {
      const route = layout.routes.get(ids[0]!)!;
      const [p0, p1] = route;
      const dir = p1 && p1.x < p0!.x ? -1 : 1;
      const label = key.split('\u0000')[1]!;
      spots.set(ids[0]!, {
        x: p0!.x + (dir * COL_GAP) / 2,
        y: p0!.y + (i - (list.length - 1) / 2) * LABEL_STEP,
        text: ids.length > 1 ? `${label} ×${ids.length}` : label,
      });
    });
  }
  return spots;
}
