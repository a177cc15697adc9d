import type { LayoutInput } from './layout-types';

/**
 * Column per node: one per non-empty group, left to right by group number; nodes inside a group
 * that feed each other (a VLAN on a bond) get sub-columns by their longest path.
 */
export function assignColumns(input: LayoutInput): Map<string, number> {
  const group = new Map(input.nodes.map((n) => [n.id, n.group]));
  const depth = new Map(input.nodes.map((n) => [n.id, 0]));
  // Bounded by the node count so a bad cycle cannot hang.
  for (let round = 0; round < input.nodes.length; round++) {
    let changed = false;
    for (const e of input.edges) {
      if (!group.has(e.source) || group.get(e.source) !== group.get(e.target)) continue;
      const d = (depth.get(e.source) ?? 0) + 1;
      if (d > (depth.get(e.target) ?? 0)) {
        depth.set(e.target, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const deepest = new Map<number, number>();
  for (const n of input.nodes) deepest.set(n.group, Math.max(deepest.get(n.group) ?? 0, depth.get(n.id) ?? 0));
  const offset = new Map<number, number>();
  let next = 0;
  for (const g of [...deepest.keys()].sort((a, b) => a - b)) {
    offset.set(g, next);
    next += 1 + deepest.get(g)!;
  }
  return new Map(input.nodes.map((n) => [n.id, (offset.get(n.group) ?? 0) + (depth.get(n.id) ?? 0)]));
}
