/**
 * A small layered ("Sugiyama") layout, one phase a file under layout/: columns by node family,
 * edges that skip columns get a waypoint (a lane) in each column they cross so they never run
 * behind a node, rows ordered by barycentre sweeps and transposition to cut crossings, then y
 * placed near each node's neighbours, and finally each edge's route.
 */
import { assignColumns } from './layout/columns';
import { splitIntoLanes, neighboursOf } from './layout/lanes';
import type { Layout, LayoutInput } from './layout/layout-types';
import { countCrossings, initialColumns, sweepBarycentres, transpose } from './layout/row-order';
import { placeRows } from './layout/row-position';
import { columnXs, routeEdges } from './layout/routes';

export { COL_GAP, NODE_H, NODE_W, type Layout, type LayoutInput, type Point } from './layout/layout-types';
export { routePath } from './layout/routes';

export function layoutTopology(input: LayoutInput): Layout {
  const { items, chains, segments } = splitIntoLanes(input, assignColumns(input));
  const neighbours = neighboursOf(segments);
  const sortKey = new Map(input.nodes.map((n) => [n.id, n.sortKey]));
  const columns = transpose(
    sweepBarycentres(initialColumns(items, sortKey), items, segments, neighbours),
    items,
    neighbours,
  );
  const y = placeRows(columns, items, neighbours);
  const { xs, widths } = columnXs(items, columns.length);
  const positions = new Map(
    input.nodes.map((n) => {
      const it = items.get(n.id)!;
      return [n.id, { x: xs[it.col]!, y: y.get(n.id) ?? 0 }] as const;
    }),
  );
  const height = Math.max(0, ...[...items.values()].map((it) => (y.get(it.id) ?? 0) + it.height));
  const last = columns.length - 1;
  return {
    positions,
    routes: routeEdges(chains, items, y, xs, widths),
    width: last >= 0 ? xs[last]! + widths[last]! : 0,
    height,
    columns: columns.length,
    crossings: countCrossings(columns, items, segments),
  };
}
