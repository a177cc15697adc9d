import { describe, expect, it } from 'vitest';
import { HostMarks } from '../../../../shared/compose/marks';
import labhost1 from '../../../../shared/snapshot/fixtures/labhost1.txt?raw';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { hostWarnings } from '../../../../shared/warnings';
import { layoutGraph } from './layout-graph';
import { withThirtyVms } from '../../../../shared/warnings/thirty-vms.test-util';
import { buildTopology } from './topology-graph';
import { COL_GAP, NODE_H, NODE_W, routePath, type Layout } from './topology-layout';
import type { TopoGraph } from './topology-types';

// Vite's ?raw import: the renderer's tests run without Node's fs.
const lab = parseSnapshotOutput(labhost1, '2026-01-01T00:00:00.000Z');
const graphOf = (s = lab, marks = HostMarks.parse({})): TopoGraph => buildTopology(s, marks, hostWarnings(s, marks));

/** Every node rectangle apart from every other, and no lane (a long edge's pass through a column) behind a node. */
function expectTidy(graph: TopoGraph, layout: Layout): void {
  const rects = graph.nodes.map((n) => ({ id: n.id, ...layout.positions.get(n.id)! }));
  for (const a of rects) {
    for (const b of rects) {
      if (a.id >= b.id || a.x !== b.x) continue;
      expect(Math.abs(a.y - b.y), `${a.id} overlaps ${b.id}`).toBeGreaterThanOrEqual(NODE_H + 10);
    }
  }
  for (const [id, pts] of layout.routes) {
    for (let i = 1; i + 1 < pts.length; i += 2) {
      const lane = pts[i]!;
      for (const r of rects) {
        if (r.x !== Math.min(lane.x, pts[i + 1]!.x)) continue;
        const behind = lane.y > r.y - 2 && lane.y < r.y + NODE_H + 2;
        expect(behind, `${id} runs behind ${r.id}`).toBe(false);
      }
    }
  }
}

describe('buildTopology on labhost1', () => {
  const g = graphOf();

  it('has one named node per NIC, bridge, network and VM, and no lo or taps', () => {
    expect(g.nodes.map((n) => n.label).sort()).toEqual(
      [
        'interface eth0',
        'interface eth1',
        'interface eth2',
        'bridge br0',
        'bridge virbr0',
        'bridge virbr1',
        'network default',
        'network maas',
        'VM lab-running',
        'VM lab-shutoff',
      ].sort(),
    );
  });

  it('draws port, network-bridge, network, bridge and macvtap links, in words', () => {
    expect(g.edges.map((e) => e.text).sort()).toEqual(
      [
        'eth2 → br0 (port)',
        'virbr0 → default (network bridge)',
        'virbr1 → maas (network bridge)',
        'default → lab-running',
        'br0 → lab-running (bridge)',
        'eth1 → lab-shutoff (macvtap vepa)',
        'maas → lab-shutoff',
      ].sort(),
    );
    expect(g.edges.find((e) => e.kind === 'macvtap')).toMatchObject({
      source: 'interface:eth1',
      target: 'vm:lab-shutoff',
      label: 'macvtap vepa',
    });
  });

  it('badges DHCP: libvirt’s on default, none on maas, external once marked, both as a conflict', () => {
    const dhcp = (graph: TopoGraph, name: string) => graph.nodes.find((n) => n.id === `network:${name}`)?.dhcp;
    expect(dhcp(g, 'default')).toBe('libvirt');
    expect(dhcp(g, 'maas')).toBe('none');
    const marked = graphOf(
      lab,
      HostMarks.parse({ interfaces: { virbr1: { externalDhcp: true }, virbr0: { externalDhcp: true } } }),
    );
    expect(dhcp(marked, 'maas')).toBe('external');
    expect(dhcp(marked, 'default')).toBe('both');
  });

  it('puts warnings on the nodes they concern', () => {
    const codes = (id: string) => g.nodes.find((n) => n.id === id)!.warnings.map((w) => w.code);
    expect(codes('vm:lab-shutoff')).toEqual(['macvtap-host-isolation']);
    expect(codes('interface:eth1')).toEqual(['macvtap-host-isolation']);
    expect(codes('network:maas')).toEqual(['fallback-network-no-dhcp']);
    expect(codes('vm:lab-running')).toEqual([]);
  });

  it('lays NICs, bridges, networks and VMs out in four columns, left to right, tidily', () => {
    const layout = layoutGraph(g);
    const x = (id: string) => layout.positions.get(id)!.x;
    expect(layout.columns).toBe(4);
    expect([x('interface:eth1'), x('bridge:br0'), x('network:maas'), x('vm:lab-shutoff')]).toEqual(
      [0, 1, 2, 3].map((c) => c * (NODE_W + COL_GAP)),
    );
    expect(layout.crossings).toBe(0);
    expectTidy(g, layout);
    // eth1's macvtap passes the bridge and network columns through lanes, ending at the VM's left side.
    const route = layout.routes.get(g.edges.find((e) => e.kind === 'macvtap')!.id)!;
    expect(route).toHaveLength(6);
    expect(route[0]).toEqual({ x: NODE_W, y: layout.positions.get('interface:eth1')!.y + NODE_H / 2 });
    expect(route.at(-1)).toEqual({ x: x('vm:lab-shutoff'), y: layout.positions.get('vm:lab-shutoff')!.y + NODE_H / 2 });
  });
});

describe('a host with 30 VMs', () => {
  const s = withThirtyVms(lab);
  const g = graphOf(s);
  const layout = layoutGraph(g);

  it('keeps every VM and every link', () => {
    expect(g.nodes.filter((n) => n.kind === 'vm')).toHaveLength(30);
    expect(g.edges.length).toBeGreaterThan(35);
    expect([...layout.routes.keys()].sort()).toEqual(g.edges.map((e) => e.id).sort());
  });

  it('stays tidy: no overlaps, no edge hidden behind a node, one readable column of VMs', () => {
    expectTidy(g, layout);
    const vmX = new Set(g.nodes.filter((n) => n.kind === 'vm').map((n) => layout.positions.get(n.id)!.x));
    expect(vmX.size).toBe(1);
    // Nodes are drawn at full size; the picture grows downwards instead of shrinking.
    expect(layout.height).toBeLessThan(30 * (NODE_H + 14) + 400);
    expect(layout.width).toBeLessThan(1200);
  });

  it('orders rows so links cross far less than in plain name order', () => {
    // Plain name order interleaves default/br0/eth1/maas/eth0 VMs: 312 crossings. What is left
    // after ordering comes from VMs with two NICs on different sides.
    expect(layout.crossings).toBeLessThanOrEqual(90);
  });
});

describe('routePath', () => {
  it('curves across a gap and runs straight through a lane', () => {
    expect(
      routePath([
        { x: 0, y: 0 },
        { x: 100, y: 50 },
        { x: 284, y: 50 },
      ]),
    ).toBe('M 0 0 C 50 0 50 50 100 50 L 284 50');
  });
});

describe('topologySvg', () => {
  it('is a well-formed standalone SVG with names escaped, labels split, and a legend', async () => {
    const { XMLValidator } = await import('fast-xml-parser');
    const { topologySvg } = await import('./topology-svg');
    const odd = structuredClone(lab);
    odd.libvirt!.domains[0]!.name = 'web & "db" <1>';
    const g = graphOf(odd);
    const svg = topologySvg(g, layoutGraph(g), 'labhost1 — network topology');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg).toContain('web &amp; &quot;db&quot; &lt;1&gt;');
    expect(svg).toContain('>macvtap</text>');
    expect(svg).toContain('>vepa</text>');
    expect(svg).toContain('VM NIC by macvtap (mode on the line)');
    expect(svg).toContain('<title>eth1 → lab-shutoff (macvtap vepa)</title>');
  });
});

describe('edge labels', () => {
  it('label every macvtap line with its own mode, next to its VM, never on top of each other', async () => {
    const { edgeLabelSpots, LABEL_STEP } = await import('./edge-labels');
    const g = graphOf(withThirtyVms(lab));
    const layout = layoutGraph(g);
    const spots = edgeLabelSpots(g, layout);
    const macvtaps = g.edges.filter((e) => e.kind === 'macvtap');
    expect(macvtaps.length).toBeGreaterThan(10);
    for (const e of macvtaps) {
      const spot = spots.get(e.id)!;
      expect(spot.text, e.text).toBe(e.label);
      // In the gap before the VM, level with it.
      const vm = layout.positions.get(e.target)!;
      expect(spot.x).toBe(vm.x - COL_GAP / 2);
      expect(Math.abs(spot.y - (vm.y + NODE_H / 2))).toBeLessThanOrEqual(LABEL_STEP / 2);
    }
    const all = [...spots.values()];
    for (const a of all) {
      for (const b of all) {
        if (a === b) continue;
        expect(
          Math.abs(a.x - b.x) >= COL_GAP || Math.abs(a.y - b.y) >= LABEL_STEP,
          `${a.text} overlaps ${b.text}`,
        ).toBe(true);
      }
    }
    const one = [...edgeLabelSpots(graphOf(), layoutGraph(graphOf())).values()];
    expect(one).toEqual([{ x: 3 * (NODE_W + COL_GAP) - COL_GAP / 2, y: expect.any(Number), text: 'macvtap vepa' }]);
  });

  it('keep two macvtaps of one VM in different modes apart, stacked at the VM', async () => {
    const { edgeLabelSpots } = await import('./edge-labels');
    const s = structuredClone(lab);
    const vm = s.libvirt!.domains.find((d) => d.name === 'lab-shutoff')!;
    const macvtap = vm.nics.find((n) => n.type === 'direct')!;
    vm.nics.push({ ...macvtap, mac: '52:54:00:1a:b0:99', mode: 'private' });
    const g = graphOf(s);
    const labels = g.edges.filter((e) => e.kind === 'macvtap').map((e) => e.label);
    expect(labels.sort()).toEqual(['macvtap private', 'macvtap vepa']);
    const ys = [...edgeLabelSpots(g, layoutGraph(g)).values()].map((p) => p.y);
    expect(new Set(ys).size).toBe(2);
  });
});
