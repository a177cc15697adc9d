import { GAP, type Item } from './layout-types';

/**
 * y of every item: the tallest column evenly stacked first, then columns outwards from it, each
 * item near the mean of its already placed neighbours, never overlapping the one above.
 */
export function placeRows(
  columns: string[][],
  items: Map<string, Item>,
  neighbours: Map<string, string[]>,
): Map<string, number> {
  const y = new Map<string, number>();
  if (columns.length === 0) return y;
  const stackHeight = (col: string[]): number => col.reduce((h, id) => h + items.get(id)!.height + GAP, -GAP);
  const tallest = columns.reduce((bi, col, i) => (stackHeight(col) > stackHeight(columns[bi]!) ? i : bi), 0);
  const byDistance = columns.map((_, i) => i).sort((a, b) => Math.abs(a - tallest) - Math.abs(b - tallest));
  for (const c of byDistance) {
    const col = columns[c]!;
    const want = col.map((id) => {
      const placed = (neighbours.get(id) ?? []).filter((n) => y.has(n));
      if (placed.length === 0) return undefined;
      return (
        placed.reduce((sum, n) => sum + y.get(n)! + items.get(n)!.height / 2, 0) / placed.length -
        items.get(id)!.height / 2
      );
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
  if (top < 0) for (const [id, v] of y) y.set(id, v - top);
  return y;
}
