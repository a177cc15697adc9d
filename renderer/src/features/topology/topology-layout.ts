/**
 * A small layered ("Sugiyama") layout: columns by node family, edges that skip columns get a
 * waypoint (a lane) in each column they cross so they never run behind a node, rows ordered by
 * barycentre sweeps to cut crossings, then y placed near each node's neighbours.
 */

export const NODE_W = 184;
export const NODE_H = 52;
/** Room for a two-line edge label ("macvtap" over "passthrough") between columns. */
export const COL_GAP = 96;
/** A lane a long edge passes through; its own height plus the gap keeps parallel lanes apart. */
const LANE_H = 4;
const GAP = 14;
const SWEEPS = 8;

export interface LayoutInput {
  nodes: { id: string; group: number; sortKey: string }[];
  edges: { id: string; source: string; target: string }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface Layout {
  /** Top-left corner of each node. */
  positions: Map<string, Point>;
  /** For each edge: the points its line passes, source side first. */
  routes: Map<string, Point[]>;
  width: number;
  height: number;
  columns: number;
  /** Pairs of edge segments that cross (in the same column gap): lower is tidier. */
  crossings: number;
}

type Item = { id: string; col: number; height: number; lane: boolean };

const collator = new Intl.Collator(undefined, { numeric: true });

/** Column per node: one per non-empty group; nodes inside a group that feed each other get sub-columns. */
function assignColumns(input: LayoutInput): Map<string, number> {
  const group = new Map(input.nodes.map((n) => [n.id, n.group]));
  const depth = new Map(input.nodes.map((n) => [n.id, 0]));
  // Longest path among same-group nodes (a VLAN on a bond); bounded so a bad cycle cannot hang.
  for (let round = 0; round < input.nodes.length; round++) {
    let changed = false;
    for (const e of input.edges) {
      if (group.get(e.source) !== group.get(e.target)) continue;
      const d = (depth.get(e.source) ?? 0) + 1;
      if (d > (depth.get(e.target) ?? 0)) {
        depth.set(e.target, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const groups = [...new Set(input.nodes.map((n) => n.group))].sort((a, b) => a - b);
  const offset = new Map<number, number>();
  let next = 0;
  for (const g of groups) {
    offset.set(g, next);
    next += 1 + Math.max(0, ...input.nodes.filter((n) => n.group === g).map((n) => depth.get(n.id) ?? 0));
  }
  return new Map(input.nodes.map((n) => [n.id, (offset.get(n.group) ?? 0) + (depth.get(n.id) ?? 0)]));
}

export function layoutTopology(input: LayoutInput): Layout {
  const colOf = assignColumns(input);
  const items = new Map<string, Item>();
  for (const n of input.nodes) items.set(n.id, { id: n.id, col: colOf.get(n.id) ?? 0, height: NODE_H, lane: false });

  // Split every edge into one-column segments, through lanes; a right-to-left edge is laid out reversed.
  const segments: { edge: string; a: string; b: string }[] = [];
  const chains = new Map<string, string[]>();
  for (const e of input.edges) {
    const s = items.get(e.source);
    const t = items.get(e.target);
    if (!s || !t || s.col === t.col) continue;
    const [left, right] = s.col < t.col ? [s, t] : [t, s];
    const chain = [left.id];
    for (let c = left.col + 1; c < right.col; c++) {
      const lane = `lane:${e.id}:${c}`;
      items.set(lane, { id: lane, col: c, height: LANE_H, lane: true });
      chain.push(lane);
    }
    chain.push(right.id);
    chains.set(e.id, s.col < t.col ? chain : [...chain].reverse());
    for (let i = 0; i + 1 < chain.length; i++) segments.push({ edge: e.id, a: chain[i]!, b: chain[i + 1]! });
  }

  const columnCount = Math.max(0, ...[...items.values()].map((i) => i.col + 1));
  const sortKey = new Map(input.nodes.map((n) => [n.id, n.sortKey]));
  const columns: string[][] = Array.from({ length: columnCount }, () => []);
  for (const it of items.values()) columns[it.col]!.push(it.id);
  for (const col of columns) col.sort((a, b) => collator.compare(sortKey.get(a) ?? a, sortKey.get(b) ?? b));

  const neighbours = new Map<string, string[]>();
  for (const s of segments) {
    neighbours.set(s.a, [...(neighbours.get(s.a) ?? []), s.b]);
    neighbours.set(s.b, [...(neighbours.get(s.b) ?? []), s.a]);
  }

  const slot = (): Map<string, number> => {
    const m = new Map<string, number>();
    for (const col of columns) col.forEach((id, i) => m.set(id, (i + 0.5) / col.length));
    return m;
  };
  const countCrossings = (): number => {
    const pos = slot();
    let n = 0;
    for (let i = 0; i < segments.length; i++) {
      for (let j = i + 1; j < segments.length; j++) {
        const p = segments[i]!;
        const q = segments[j]!;
        if (items.get(p.a)!.col !== items.get(q.a)!.col) continue;
        if (p.a === q.a || p.b === q.b) continue;
        if ((pos.get(p.a)! - pos.get(q.a)!) * (pos.get(p.b)! - pos.get(q.b)!) < 0) n++;
      }
    }
    return n;
  };

  let best = columns.map((c) => [...c]);
  let bestCrossings = countCrossings();
  for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
    const rightward = sweep % 2 === 0;
    const order = rightward ? columns.map((_, i) => i).slice(1) : columns.map((_, i) => i).reverse().slice(1);
    for (const c of order) {
      const pos = slot();
      const ref = rightward ? c - 1 : c + 1;
      const bary = new Map<string, number>();
      for (const id of columns[c]!) {
        const ns = (neighbours.get(id) ?? []).filter((n) => items.get(n)!.col === ref);
        bary.set(id, ns.length > 0 ? ns.reduce((sum, n) => sum + pos.get(n)!, 0) / ns.length : pos.get(id)!);
      }
      columns[c]!.sort((a, b) => bary.get(a)! - bary.get(b)!);
    }
    const crossings = countCrossings();
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = columns.map((col) => [...col]);
    }
  }
  best.forEach((col, i) => (columns[i] = col));

  // Transpose: swap neighbours in a column while that removes crossings on either side of it.
  const pairCrossings = (u: string, v: string, pos: Map<string, number>): number => {
    let n = 0;
    const col = items.get(u)!.col;
    for (const side of [-1, 1]) {
      const nu = (neighbours.get(u) ?? []).filter((x) => items.get(x)!.col === col + side).map((x) => pos.get(x)!);
      const nv = (neighbours.get(v) ?? []).filter((x) => items.get(x)!.col === col + side).map((x) => pos.get(x)!);
      for (const a of nu) for (const b of nv) if (a > b) n++;
    }
    return n;
  };
  for (let round = 0, improved = true; improved && round < 20; round++) {
    improved = false;
    for (const col of columns) {
      for (let i = 0; i + 1 < col.length; i++) {
        const pos = slot();
        const u = col[i]!;
        const v = col[i + 1]!;
        if (pairCrossings(v, u, pos) < pairCrossings(u, v, pos)) {
          col[i] = v;
          col[i + 1] = u;
          improved = true;
        }
      }
    }
  }
  bestCrossings = countCrossings();

  // y: the tallest column evenly, then outwards, each node near the mean of its placed neighbours.
  const y = new Map<string, number>();
  const stackHeight = (col: string[]): number => col.reduce((h, id) => h + items.get(id)!.height + GAP, -GAP);
  const tallest = columns.reduce((bi, col, i) => (stackHeight(col) > stackHeight(columns[bi]!) ? i : bi), 0);
  const byDistance = columns.map((_, i) => i).sort((a, b) => Math.abs(a - tallest) - Math.abs(b - tallest));
  for (const c of byDistance) {
    const col = columns[c]!;
    const want = col.map((id) => {
      const placed = (neighbours.get(id) ?? []).filter((n) => y.has(n));
      if (placed.length === 0) return undefined;
      return placed.reduce((sum, n) => sum + y.get(n)! + items.get(n)!.height / 2, 0) / placed.length - items.get(id)!.height / 2;
    });
    const ys: number[] = [];
    let floor = 0;
    col.forEach((id, i) => {
      const v = Math.max(floor, want[i] ?? floor);
      ys.push(v);
      floor = v + items.get(id)!.height + GAP;
    });
    // Pushing down only ever moves nodes away from their neighbours: move the block back up as far as it may go.
    const drift = ys.reduce((sum, v, i) => sum + (v - (want[i] ?? v)), 0) / Math.max(1, col.length);
    const up = Math.min(Math.max(0, drift), ys[0] ?? 0);
    col.forEach((id, i) => y.set(id, ys[i]! - up));
  }
  const top = Math.min(0, ...y.values());
  for (const [id, v] of y) y.set(id, v - top);

  const colX = (c: number): number => c * (NODE_W + COL_GAP);
  const positions = new Map<string, Point>();
  for (const n of input.nodes) positions.set(n.id, { x: colX(items.get(n.id)!.col), y: y.get(n.id) ?? 0 });

  const routes = new Map<string, Point[]>();
  for (const e of input.edges) {
    const chain = chains.get(e.id);
    if (!chain) continue;
    const pts: Point[] = [];
    const leftToRight = items.get(chain[0]!)!.col < items.get(chain.at(-1)!)!.col;
    chain.forEach((id, i) => {
      const it = items.get(id)!;
      const cy = y.get(id)! + it.height / 2;
      const x0 = colX(it.col);
      if (it.lane) {
        // A lane crosses its column straight: in on one side, out on the other.
        pts.push(leftToRight ? { x: x0, y: cy } : { x: x0 + NODE_W, y: cy }, leftToRight ? { x: x0 + NODE_W, y: cy } : { x: x0, y: cy });
      } else if (i === 0) pts.push({ x: leftToRight ? x0 + NODE_W : x0, y: cy });
      else pts.push({ x: leftToRight ? x0 : x0 + NODE_W, y: cy });
    });
    routes.set(e.id, pts);
  }

  const height = Math.max(0, ...[...items.values()].map((it) => (y.get(it.id) ?? 0) + it.height));
  return { positions, routes, width: columnCount > 0 ? colX(columnCount - 1) + NODE_W : 0, height, columns: columnCount, crossings: bestCrossings };
}

/** Smooth SVG path through route points: straight across lanes, S-curves across column gaps. */
export function routePath(points: Point[]): string {
  if (points.length < 2) return '';
  let d = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    // Lanes are level, so only gap segments ever curve.
    if (p.y !== q.y) {
      const mid = (p.x + q.x) / 2;
      d += ` C ${mid} ${p.y} ${mid} ${q.y} ${q.x} ${q.y}`;
    } else d += ` L ${q.x} ${q.y}`;
  }
  return d;
}
