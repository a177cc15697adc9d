import { describe, expect, it } from 'vitest';
import { assignColumns } from './columns';
import { neighboursOf, splitIntoLanes } from './lanes';
import { COL_GAP, GAP, NODE_H, NODE_W, type LayoutInput } from './layout-types';
import { countCrossings, initialColumns, sweepBarycentres, transpose } from './row-order';
import { placeRows } from './row-position';
import { columnXs, routeEdges } from './routes';

const node = (id: string, group: number, width?: number) => ({ id, group, sortKey: id, ...(width ? { width } : {}) });
const edge = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });

describe('assignColumns', () => {
  it('gives each non-empty group a column, left to right, skipping empty groups', () => {
    const cols = assignColumns({ nodes: [node('nic', 0), node('net', 3), node('vm', 4)], edges: [] });
    expect(Object.fromEntries(cols)).toEqual({ nic: 0, net: 1, vm: 2 });
  });

  it('gives a node fed by another of its group (a VLAN on a bond) a sub-column, and later groups move right', () => {
    const input: LayoutInput = {
      nodes: [node('bond0', 1), node('bond0.5', 1), node('br0', 2)],
      edges: [edge('bond0', 'bond0.5')],
    };
    expect(Object.fromEntries(assignColumns(input))).toEqual({ bond0: 0, 'bond0.5': 1, br0: 2 });
  });

  it('ends on a cycle inside a group', () => {
    const input: LayoutInput = { nodes: [node('a', 1), node('b', 1)], edges: [edge('a', 'b'), edge('b', 'a')] };
    expect(assignColumns(input).size).toBe(2);
  });
});

describe('splitIntoLanes', () => {
  const input: LayoutInput = {
    nodes: [node('eth1', 0), node('br0', 1), node('net', 2), node('vm', 3)],
    edges: [edge('eth1', 'vm'), edge('br0', 'net')],
  };
  const lanes = splitIntoLanes(input, assignColumns(input));

  it('puts a lane in every column a long edge crosses, and chains it source first', () => {
    expect(lanes.chains.get('eth1->vm')).toEqual(['eth1', 'lane:eth1->vm:1', 'lane:eth1->vm:2', 'vm']);
    expect(lanes.items.get('lane:eth1->vm:2')).toMatchObject({ col: 2, lane: true });
    expect(lanes.segments.filter((s) => s.edge === 'eth1->vm')).toHaveLength(3);
  });

  it('reverses the chain of a right-to-left edge, and skips edges within one column', () => {
    const back = splitIntoLanes(
      { nodes: [node('a', 0), node('b', 2), node('c', 2)], edges: [edge('b', 'a'), edge('b', 'c')] },
      new Map([
        ['a', 0],
        ['b', 2],
        ['c', 2],
      ]),
    );
    expect(back.chains.get('b->a')).toEqual(['b', 'lane:b->a:1', 'a']);
    expect(back.chains.has('b->c')).toBe(false);
  });

  it('knows each item’s neighbours in the next columns', () => {
    expect(neighboursOf(lanes.segments).get('lane:eth1->vm:1')).toEqual(['eth1', 'lane:eth1->vm:2']);
  });
});

describe('row order', () => {
  // a1 feeds b2 and a2 feeds b1: in name order the two links cross once.
  const input: LayoutInput = {
    nodes: [node('a1', 0), node('a2', 0), node('b1', 1), node('b2', 1)],
    edges: [edge('a1', 'b2'), edge('a2', 'b1')],
  };
  const { items, segments } = splitIntoLanes(input, assignColumns(input));
  const neighbours = neighboursOf(segments);
  const start = initialColumns(items, new Map(input.nodes.map((n) => [n.id, n.sortKey])));

  it('starts in name order and counts the crossing', () => {
    expect(start).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
    expect(countCrossings(start, items, segments)).toBe(1);
  });

  it('barycentre sweeps and transposition each remove it', () => {
    expect(countCrossings(sweepBarycentres(start, items, segments, neighbours), items, segments)).toBe(0);
    expect(countCrossings(transpose(start, items, neighbours), items, segments)).toBe(0);
    expect(start[1]).toEqual(['b1', 'b2']); // the input is left alone
  });
});

describe('placeRows', () => {
  it('stacks the tallest column and puts a lone neighbour level with the middle of what it links', () => {
    const input: LayoutInput = {
      nodes: [node('n', 0), node('v1', 1), node('v2', 1), node('v3', 1)],
      edges: [edge('n', 'v1'), edge('n', 'v2'), edge('n', 'v3')],
    };
    const { items, segments } = splitIntoLanes(input, assignColumns(input));
    const y = placeRows([['n'], ['v1', 'v2', 'v3']], items, neighboursOf(segments));
    expect([y.get('v1'), y.get('v2'), y.get('v3')]).toEqual([0, NODE_H + GAP, 2 * (NODE_H + GAP)]);
    expect(y.get('n')).toBe(y.get('v2'));
  });
});

describe('routeEdges', () => {
  it('leaves the source’s right side, runs level through lanes, and enters the wider target on its left', () => {
    const input: LayoutInput = {
      nodes: [node('eth1', 0), node('br0', 1), node('vm', 2, 230)],
      edges: [edge('eth1', 'vm')],
    };
    const { items, chains } = splitIntoLanes(input, assignColumns(input));
    const { xs, widths } = columnXs(items, 3);
    expect(xs).toEqual([0, NODE_W + COL_GAP, 2 * (NODE_W + COL_GAP)]);
    expect(widths[2]).toBe(230);
    const y = new Map([...items.keys()].map((id) => [id, 0]));
    const route = routeEdges(chains, items, y, xs, widths).get('eth1->vm')!;
    expect(route.map((p) => p.x)).toEqual([NODE_W, NODE_W + COL_GAP, 2 * NODE_W + COL_GAP, 2 * (NODE_W + COL_GAP)]);
  });
});
