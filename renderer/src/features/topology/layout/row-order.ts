import type { Item, Segment } from './layout-types';

const SWEEPS = 8;
const TRANSPOSE_ROUNDS = 20;
const collator = new Intl.Collator(undefined, { numeric: true });

type Columns = string[][];

/** Each item's place in its column as a fraction of the column (0..1), so columns of any length compare. */
export function slots(columns: Columns): Map<string, number> {
  const m = new Map<string, number>();
  for (const col of columns) col.forEach((id, i) => m.set(id, (i + 0.5) / col.length));
  return m;
}

/** Pairs of segments in the same column gap whose ends are in opposite order. */
export function countCrossings(columns: Columns, items: Map<string, Item>, segments: Segment[]): number {
  const pos = slots(columns);
  const byGap = new Map<number, Segment[]>();
  for (const s of segments) {
    const col = items.get(s.a)!.col;
    const list = byGap.get(col);
    if (list) list.push(s);
    else byGap.set(col, [s]);
  }
  let n = 0;
  for (const list of byGap.values()) {
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const q = list[j]!;
        if (p.a === q.a || p.b === q.b) continue;
        if ((pos.get(p.a)! - pos.get(q.a)!) * (pos.get(p.b)! - pos.get(q.b)!) < 0) n++;
      }
    }
  }
  return n;
}

/** Items per column, in sort-key order (lanes by their own id): the stable start the sweeps improve on. */
export function initialColumns(items: Map<string, Item>, sortKey: Map<string, string>): Columns {
  const count = Math.max(0, ...[...items.values()].map((i) => i.col + 1));
  const columns: Columns = Array.from({ length: count }, () => []);
  for (const it of items.values()) columns[it.col]!.push(it.id);
  for (const col of columns) col.sort((a, b) => collator.compare(sortKey.get(a) ?? a, sortKey.get(b) ?? b));
  return columns;
}

/** Barycentre sweeps, left to right then back, keeping the order with the fewest crossings seen. */
export function sweepBarycentres(
  start: Columns,
  items: Map<string, Item>,
  segments: Segment[],
  neighbours: Map<string, string[]>,
): Columns {
  const columns = start.map((c) => [...c]);
  let best = columns.map((c) => [...c]);
  let bestCrossings = countCrossings(columns, items, segments);
  for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
    const rightward = sweep % 2 === 0;
    const order = rightward
      ? columns.map((_, i) => i).slice(1)
      : columns
          .map((_, i) => i)
          .reverse()
          .slice(1);
    for (const c of order) {
      const pos = slots(columns);
      const ref = rightward ? c - 1 : c + 1;
      const bary = new Map<string, number>();
      for (const id of columns[c]!) {
        const ns = (neighbours.get(id) ?? []).filter((n) => items.get(n)!.col === ref);
        bary.set(id, ns.length > 0 ? ns.reduce((sum, n) => sum + pos.get(n)!, 0) / ns.length : pos.get(id)!);
      }
      columns[c]!.sort((a, b) => bary.get(a)! - bary.get(b)!);
    }
    const crossings = countCrossings(columns, items, segments);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = columns.map((col) => [...col]);
    }
  }
  return best;
}

/** Swaps neighbours in a column while that removes crossings on either side of it. */
export function transpose(start: Columns, items: Map<string, Item>, neighbours: Map<string, string[]>): Columns {
  const columns = start.map((c) => [...c]);
  const pos = slots(columns);
  const sideNeighbours = (id: string, col: number): number[] =>
    (neighbours.get(id) ?? []).filter((x) => items.get(x)!.col === col).map((x) => pos.get(x)!);
  const pairCrossings = (u: string, v: string): number => {
    let n = 0;
    const col = items.get(u)!.col;
    for (const side of [col - 1, col + 1]) {
      const nv = sideNeighbours(v, side);
      for (const a of sideNeighbours(u, side)) for (const b of nv) if (a > b) n++;
    }
    return n;
  };
  for (let round = 0, improved = true; improved && round < TRANSPOSE_ROUNDS; round++) {
    improved = false;
    for (const col of columns) {
      for (let i = 0; i + 1 < col.length; i++) {
        const u = col[i]!;
        const v = col[i + 1]!;
        if (pairCrossings(v, u) < pairCrossings(u, v)) {
          col[i] = v;
          col[i + 1] = u;
          const pu = pos.get(u)!;
          pos.set(u, pos.get(v)!);
          pos.set(v, pu);
          improved = true;
        }
      }
    }
  }
  return columns;
}
