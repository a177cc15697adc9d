import { COL_GAP, NODE_W, type Item, type Point } from './layout-types';

/** Left edge of each column: as wide as its widest node, COL_GAP apart. */
export function columnXs(items: Map<string, Item>, columnCount: number): { xs: number[]; widths: number[] } {
  const widths = Array.from({ length: columnCount }, () => NODE_W);
  for (const it of items.values()) widths[it.col] = Math.max(widths[it.col]!, it.width);
  const xs: number[] = [];
  let x = 0;
  for (const w of widths) {
    xs.push(x);
    x += w + COL_GAP;
  }
  return { xs, widths };
}

/**
 * The points each edge's line passes: out of its source's side, level through each lane (across
 * the whole column), into its target's side.
 */
export function routeEdges(
  chains: Map<string, string[]>,
  items: Map<string, Item>,
  y: Map<string, number>,
  xs: number[],
  widths: number[],
): Map<string, Point[]> {
  const routes = new Map<string, Point[]>();
  for (const [edge, chain] of chains) {
    const pts: Point[] = [];
    const leftToRight = items.get(chain[0]!)!.col < items.get(chain.at(-1)!)!.col;
    chain.forEach((id, i) => {
      const it = items.get(id)!;
      const cy = y.get(id)! + it.height / 2;
      const left = xs[it.col]!;
      const right = left + (it.lane ? widths[it.col]! : it.width);
      if (it.lane) pts.push({ x: leftToRight ? left : right, y: cy }, { x: leftToRight ? right : left, y: cy });
      else if (i === 0) pts.push({ x: leftToRight ? right : left, y: cy });
      else pts.push({ x: leftToRight ? left : right, y: cy });
    });
    routes.set(edge, pts);
  }
  return routes;
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
