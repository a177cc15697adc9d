import { LANE_H, NODE_H, NODE_W, type Item, type LayoutInput, type Segment } from './layout-types';

export interface Lanes {
  /** Every node and every lane, by id. */
  items: Map<string, Item>;
  /** For each edge: the items its line passes, source first. Edges within one column have none. */
  chains: Map<string, string[]>;
  segments: Segment[];
}

/**
 * Splits every edge into one-column segments: an edge that skips columns gets a lane in each
 * column it crosses, so the row ordering keeps it from running behind a node. A right-to-left
 * edge is laid out reversed; its chain still starts at its source.
 */
export function splitIntoLanes(input: LayoutInput, colOf: Map<string, number>): Lanes {
  const items = new Map<string, Item>();
  for (const n of input.nodes)
    items.set(n.id, { id: n.id, col: colOf.get(n.id) ?? 0, width: n.width ?? NODE_W, height: NODE_H, lane: false });
  const segments: Segment[] = [];
  const chains = new Map<string, string[]>();
  for (const e of input.edges) {
    const s = items.get(e.source);
    const t = items.get(e.target);
    if (!s || !t || s.col === t.col) continue;
    const [left, right] = s.col < t.col ? [s, t] : [t, s];
    const chain = [left.id];
    for (let c = left.col + 1; c < right.col; c++) {
      const lane = `lane:${e.id}:${c}`;
      items.set(lane, { id: lane, col: c, width: 0, height: LANE_H, lane: true });
      chain.push(lane);
    }
    chain.push(right.id);
    chains.set(e.id, s.col < t.col ? chain : [...chain].reverse());
    for (let i = 0; i + 1 < chain.length; i++) segments.push({ edge: e.id, a: chain[i]!, b: chain[i + 1]! });
  }
  return { items, chains, segments };
}

/** Who each item is linked to, one column left or right. */
export function neighboursOf(segments: Segment[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  for (const s of segments) {
    add(s.a, s.b);
    add(s.b, s.a);
  }
  return out;
}
