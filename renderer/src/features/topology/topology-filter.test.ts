import { describe, expect, it } from 'vitest';
import { HostMarks } from '../../../../shared/compose/marks';
import labhost1 from '../../../../shared/snapshot/fixtures/labhost1.txt?raw';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { hostWarnings } from '../../../../shared/warnings';
import { withThirtyVms } from '../../../../shared/warnings/thirty-vms.test-util';
import { buildTopology } from './topology-graph';
import { filterGraph, isFiltering, noFilter, vmAttachPoints } from './topology-filter';

const s = withThirtyVms(parseSnapshotOutput(labhost1, '2026-01-01T00:00:00.000Z'));
const marks = HostMarks.parse({});
const graph = buildTopology(s, marks, hostWarnings(s, marks));
const vmNames = (g: typeof graph): string[] =>
  g.nodes
    .filter((n) => n.kind === 'vm')
    .map((n) => n.name)
    .sort();
const otherIds = (g: typeof graph): string[] =>
  g.nodes
    .filter((n) => n.kind !== 'vm')
    .map((n) => n.id)
    .sort();

describe('filterGraph', () => {
  it('without a filter leaves the very same graph (nothing to lay out again)', () => {
    expect(isFiltering(noFilter)).toBe(false);
    const f = filterGraph(graph, noFilter);
    expect(f.graph).toBe(graph);
    expect(f).toMatchObject({ matched: 30, drawn: 30, total: 30 });
  });

  it('by name (any case) keeps the VM and only the path to its wire', () => {
    const f = filterGraph(graph, { ...noFilter, vm: 'VM-08' });
    expect(vmNames(f.graph)).toEqual(['vm-08']);
    const vm = s.libvirt!.domains.find((d) => d.name === 'vm-08')!;
    expect(vm.nics.map((n) => n.source)).toEqual(['maas']);
    expect(otherIds(f.graph)).toEqual(['bridge:virbr1', 'network:maas']);
    expect(f.graph.edges.map((e) => e.text).sort()).toEqual(['maas → vm-08', 'virbr1 → maas (network bridge)']);
    expect(f).toMatchObject({ matched: 1, drawn: 1, total: 30 });
  });

  it('by state keeps only VMs in that state', () => {
    const f = filterGraph(graph, { ...noFilter, state: 'stopped' });
    const stopped = graph.nodes
      .filter((n) => n.kind === 'vm' && n.status === 'stopped')
      .map((n) => n.name)
      .sort();
    expect(stopped.length).toBeGreaterThan(3);
    expect(vmNames(f.graph)).toEqual(stopped);
  });

  it('by network keeps the VMs linked to it, and the network even when none is', () => {
    const points = vmAttachPoints(graph).map((n) => n.id);
    expect(points).toEqual(['bridge:br0', 'network:default', 'interface:eth0', 'interface:eth1', 'network:maas']);
    const f = filterGraph(graph, { ...noFilter, via: 'interface:eth0' });
    expect(
      f.graph.edges
        .filter((e) => e.target.startsWith('vm:'))
        .every((e) => e.source === 'interface:eth0' || f.graph.nodes.some((n) => n.id === e.source)),
    ).toBe(true);
    expect(vmNames(f.graph).length).toBe(
      graph.edges.filter((e) => e.source === 'interface:eth0' && e.kind === 'macvtap').length,
    );
    const none = filterGraph(graph, { ...noFilter, via: 'interface:eth0', state: 'paused' });
    expect(none.graph.nodes.map((n) => n.id)).toEqual(['interface:eth0']);
    expect(none.matched).toBe(0);
  });

  it('filters combine', () => {
    const f = filterGraph(graph, { vm: 'vm-1', via: 'network:default', state: 'running' });
    for (const n of f.graph.nodes.filter((x) => x.kind === 'vm')) {
      expect(n.name).toContain('vm-1');
      expect(n.status).toBe('running');
      expect(f.graph.edges.some((e) => e.source === 'network:default' && e.target === n.id)).toBe(true);
    }
    expect(f.matched).toBeGreaterThan(0);
  });

  it('draws at most the limit, first by name, and says how many matched', () => {
    const f = filterGraph(graph, noFilter, 5);
    expect(vmNames(f.graph)).toEqual(['lab-running', 'lab-shutoff', 'vm-01', 'vm-02', 'vm-03']);
    expect(f).toMatchObject({ matched: 30, drawn: 5, total: 30 });
    // Without a filter the whole plumbing stays, even what no drawn VM uses.
    expect(otherIds(f.graph)).toEqual(otherIds(graph));
    expect(f.graph.edges.every((e) => f.graph.nodes.some((n) => n.id === e.target))).toBe(true);
  });
});

describe('warnings on nodes', () => {
  it('are the same as warningsToFlag gives for each node, from one index', async () => {
    const { warningsToFlag } = await import('../../../../shared/warnings');
    const { warningFlagger } = await import('./node-warnings');
    const warnings = hostWarnings(s, marks);
    const flag = warningFlagger(warnings);
    const kinds = { vm: 'domain', network: 'network', interface: 'interface', bridge: 'interface' } as const;
    for (const n of graph.nodes) {
      const subject = { kind: kinds[n.kind], name: n.name };
      expect(flag(subject), n.id).toEqual(warningsToFlag(warnings, subject));
    }
    expect(graph.nodes.some((n) => n.warnings.length > 0)).toBe(true);
  });
});
