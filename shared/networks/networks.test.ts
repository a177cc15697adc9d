import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkChange, NetworkSpec, type NetworkSpec as Spec } from '../contract/networks';
import { parseNetworkXml } from '../snapshot/parse-network-xml';
import { parseSnapshotOutput } from '../snapshot/parse-snapshot';
import type { HostSnapshot } from '../snapshot/types';
import { nic, variant, vm } from '../warnings/lab-fixture.test-util';
import { checkSpec } from './checks';
import { diffLines } from './diff';
import { planNetworkChange } from './plan';
import { maasPreset, suggestSubnet } from './presets';
import { buildNetworkXml, editNetworkXml } from './xml';

const lab: HostSnapshot = parseSnapshotOutput(
  readFileSync(path.join(__dirname, '../snapshot/fixtures/labhost1.txt'), 'utf8'),
  '2026-01-01T00:00:00.000Z',
);
const host = { id: 'h1', name: 'labhost1', libvirtUri: 'qemu:///system', pod: { installMode: 'manual' as const } };
const spec = (s: Spec) => NetworkSpec.parse(s);
const plan = (change: NetworkChange, snapshot = lab, currentXml?: string) =>
  planNetworkChange({
    host,
    snapshot,
    marks: { interfaces: {}, subnets: {} } as never,
    change: NetworkChange.parse(change),
    currentXml,
  });

const validator = existsSync('/usr/bin/virt-xml-validate') && existsSync('/usr/bin/xmllint');
function validate(xml: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netxml-'));
  try {
    writeFileSync(path.join(dir, 'n.xml'), xml);
    execFileSync('virt-xml-validate', [path.join(dir, 'n.xml'), 'network'], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kinds: [string, Spec][] = [
  [
    'NAT with DHCP',
    { name: 'n1', kind: 'nat', ipv4: '10.77.0.1/24', dhcp: { start: '10.77.0.100', end: '10.77.0.200' } },
  ],
  ['routed', { name: 'n2', kind: 'route', ipv4: '10.78.0.1/24' }],
  ['isolated', { name: 'n3', kind: 'isolated', ipv4: '10.79.0.1/24' }],
  ['bridged to br0', { name: 'n4', kind: 'bridge', bridge: 'br0' }],
  ['macvtap private on eth1', { name: 'n5', kind: 'macvtap', macvtapMode: 'private', devices: ['eth1'] }],
  ['macvtap passthrough', { name: 'n6', kind: 'macvtap', macvtapMode: 'passthrough', devices: ['eth1'] }],
];

describe('network XML', () => {
  it.each(kinds)('%s: built with the XML builder, parsed back as asked%s', (_, s) => {
    const xml = buildNetworkXml(spec(s));
    const back = parseNetworkXml(
      xml.replace('<network>', '<network>\n  <uuid>00000000-0000-0000-0000-000000000001</uuid>'),
    );
    expect(back?.name).toBe(s.name);
    const mode = s.kind === 'macvtap' ? s.macvtapMode : s.kind;
    expect(back?.forwardMode).toBe(mode);
    if (s.kind === 'bridge') expect(back?.bridge).toBe('br0');
    if (s.kind === 'macvtap') expect(back?.forwardDevs).toEqual(s.devices);
    if (s.ipv4)
      expect(back?.ips[0]).toMatchObject({
        address: s.ipv4.split('/')[0],
        prefixLen: 24,
        dhcp: s.dhcp ? { ranges: [s.dhcp], hosts: [] } : null,
      });
    if (validator) validate(xml);
  });

  it('escapes what it writes (no string concatenation)', () => {
    const xml = buildNetworkXml(spec({ name: 'a&b', kind: 'bridge', bridge: "br'<0" }));
    expect(xml).toContain('<name>a&amp;b</name>');
    expect(xml).not.toContain("br'<0");
  });

  it('turns DHCP off and on in an existing XML, keeping everything else', () => {
    const maasXml =
      readFileSync(path.join(__dirname, '../snapshot/fixtures/labhost1.txt'), 'utf8').match(
        /<network>\s*<name>maas<\/name>[\s\S]*?<\/network>/,
      )?.[0] ?? '';
    const on = editNetworkXml(maasXml, {
      dhcp: { start: '10.99.50.100', end: '10.99.50.150' },
      addHosts: [{ mac: '52:54:00:AA:00:01', ip: '10.99.50.7' }],
    });
    expect(on.ok).toBe(true);
    if (!on.ok) return;
    const parsed = parseNetworkXml(on.xml);
    expect(parsed?.uuid).toBe('6c616264-6563-6b00-0000-000000000002');
    expect(parsed?.ips[0]?.dhcp).toEqual({
      ranges: [{ start: '10.99.50.100', end: '10.99.50.150' }],
      hosts: [{ mac: '52:54:00:aa:00:01', ip: '10.99.50.7' }],
    });
    expect(on.xml).toContain('<dns enable="no"');
    const off = editNetworkXml(on.xml, { dhcp: null });
    expect(off.ok && parseNetworkXml(off.xml)?.ips[0]?.dhcp).toBeNull();
    if (validator && off.ok) validate(off.xml);
    if (validator) validate(on.xml);
  });

  it('diffs line by line', () => {
    expect(diffLines('a\nb\nc\n', 'a\nx\nc\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'remove', text: 'b' },
      { kind: 'add', text: 'x' },
      { kind: 'same', text: 'c' },
    ]);
    expect(diffLines(null, 'a').map((l) => l.kind)).toEqual(['add']);
  });
});

describe('checks against the host', () => {
  const problems = (s: Spec, snap = lab) => checkSpec(spec(s), snap).problems;
  it('accepts each kind on the lab host (with no VM on eth1, for passthrough)', () => {
    const free = variant(lab, (s) => {
      s.libvirt.domains = [];
    });
    for (const [, s] of kinds) expect(problems(s, free), s.name).toEqual([]);
  });
  it('refuses an existing name, a bad name, an overlapping or bad subnet, a range outside it', () => {
    expect(problems({ name: 'maas', kind: 'nat', ipv4: '10.77.0.1/24' })[0]).toMatch(
      /already has a network named 'maas'/,
    );
    expect(problems({ name: '-x', kind: 'nat', ipv4: '10.77.0.1/24' })[0]).toMatch(/not a usable network name/);
    expect(problems({ name: 'n', kind: 'nat', ipv4: '10.99.50.129/25' })[0]).toMatch(
      /overlaps 10\.99\.50\.0\/24, the libvirt network 'maas'/,
    );
    expect(problems({ name: 'n', kind: 'nat', ipv4: '192.168.50.1/24' })[0]).toMatch(
      /overlaps 192\.168\.50\.0\/24, the address .* on br0/,
    );
    expect(problems({ name: 'n', kind: 'nat', ipv4: '10.77.0.0/24' })[0]).toMatch(/network address/);
    expect(problems({ name: 'n', kind: 'nat', ipv4: 'ten/24' })[0]).toMatch(/not an IPv4 address with a prefix/);
    expect(
      problems({ name: 'n', kind: 'nat', ipv4: '10.77.0.1/24', dhcp: { start: '10.77.1.2', end: '10.77.0.9' } })[0],
    ).toMatch(/start 10\.77\.1\.2 is outside 10\.77\.0\.0\/24/);
    expect(
      problems({ name: 'n', kind: 'nat', ipv4: '10.77.0.1/24', dhcp: { start: '10.77.0.1', end: '10.77.0.9' } })[0],
    ).toMatch(/holds the host's own address/);
  });
  it('refuses a bridge that does not exist or is not a bridge, and a macvtap on a bridge port or a passthrough NIC', () => {
    expect(problems({ name: 'n', kind: 'bridge', bridge: 'br9' })[0]).toMatch(
      /no interface named 'br9'.*Bridges here: br0/,
    );
    expect(problems({ name: 'n', kind: 'bridge', bridge: 'eth1' })[0]).toMatch(/eth1 is not a bridge/);
    expect(problems({ name: 'n', kind: 'bridge', bridge: 'virbr0' })[0]).toMatch(/network 'default''s own bridge/);
    expect(problems({ name: 'n', kind: 'macvtap', macvtapMode: 'bridge', devices: ['eth2'] })[0]).toMatch(
      /port of bridge br0/,
    );
    const withPassthrough = variant(lab, (s) => {
      s.libvirt.domains.push(vm('pt', 'running', [nic('direct', 'eth1', { mode: 'passthrough' })]));
    });
    expect(
      problems({ name: 'n', kind: 'macvtap', macvtapMode: 'vepa', devices: ['eth1'] }, withPassthrough)[0],
    ).toMatch(/eth1 is already used by passthrough \(VM pt\)/);
    const withVepa = variant(lab, (s) => {
      s.libvirt.domains.push(vm('v', 'running', [nic('direct', 'eth1', { mode: 'vepa' })]));
    });
    expect(
      problems({ name: 'n', kind: 'macvtap', macvtapMode: 'passthrough', devices: ['eth1'] }, withVepa)[0],
    ).toMatch(/passthrough needs eth1 to itself, but .*VM v/);
  });
  it('suggests a free subnet for the MAAS preset', () => {
    const s = maasPreset(lab, { kind: 'nat' });
    expect(s).toMatchObject({ name: 'maas', kind: 'nat', dhcp: null });
    expect(suggestSubnet(lab)).toBe(s.ipv4);
    expect(checkSpec(spec({ ...s, name: 'maas2' }), lab).problems).toEqual([]);
  });
});

describe('planning a change', () => {
  const noMaas = variant(lab, (s) => {
    s.libvirt.networks = s.libvirt.networks.filter((n) => n.name !== 'maas');
  });
  it('create: net-define with the XML on stdin, start, autostart, each with its undo; the maas preset changes where composes land', () => {
    const { plan: p, steps } = plan({ op: 'create', spec: maasPreset(noMaas, { kind: 'nat' }) }, noMaas);
    expect(p.problems).toEqual([]);
    expect(p.commands.map((c) => c.command)).toEqual([
      'virsh --connect qemu:///system net-define --file /dev/stdin --validate',
      'virsh --connect qemu:///system net-autostart --network maas',
      'virsh --connect qemu:///system net-start --network maas',
    ]);
    expect(steps[0]?.stdin).toBe(p.xmlAfter);
    expect(p.commands[0]?.rollback).toBe('virsh --connect qemu:///system net-undefine --network maas');
    expect(p.notes[0]).toMatch(/MAAS asks for a separate libvirt network named 'maas' with DHCP disabled/);
    const manual = p.composeEffects[0];
    expect(manual?.changed).toBe(true);
    expect(manual?.before).toMatch(/lands on network 'default' and gets an address/);
    expect(manual?.after).toMatch(/lands on network 'maas' and gets no address/);
    expect(manual?.noAddress).toBe(true);
  });

  const defaultXml =
    readFileSync(path.join(__dirname, '../snapshot/fixtures/labhost1.txt'), 'utf8').match(
      /<network[^>]*>\s*<name>default<\/name>[\s\S]*?<\/network>/,
    )?.[0] ?? '';
  it('edit: DHCP off on an active network restarts it, names the running VMs and re-attaches their NICs', () => {
    const snap = variant(noMaas, (s) => {
      s.libvirt.domains.push(vm('web1', 'running', [nic('network', 'default', { target: 'vnet3' })]));
    });
    const { plan: p } = plan({ op: 'edit', network: 'default', dhcp: null }, snap, defaultXml);
    expect(p.problems).toEqual([]);
    expect(p.restart).toBe(true);
    expect(p.vmsCutOff).toEqual(['lab-running', 'web1']);
    expect(p.commands.map((c) => c.command).slice(0, 3)).toEqual([
      'virsh --connect qemu:///system net-destroy --network default',
      'virsh --connect qemu:///system net-define --file /dev/stdin --validate',
      'virsh --connect qemu:///system net-start --network default',
    ]);
    expect(p.commands.at(-1)?.command).toBe('ip link set dev vnet3 master virbr0');
    expect(p.notes.join(' ')).toMatch(/restarts 'default'.*lab-running, web1/);
    expect(p.diff.filter((l) => l.kind === 'remove').map((l) => l.text.trim())).toContain('<dhcp>');
    expect(p.composeEffects[0]?.after).toMatch(/lands on network 'default' and gets no address/);
  });
  it('edit: a new range and static hosts change live with net-update (no restart)', () => {
    const { plan: p } = plan(
      {
        op: 'edit',
        network: 'default',
        dhcp: { start: '192.168.122.50', end: '192.168.122.60' },
        addHosts: [{ mac: '52:54:00:00:00:09', ip: '192.168.122.9', name: 'db' }],
      },
      lab,
      defaultXml,
    );
    expect(p.problems).toEqual([]);
    expect(p.restart).toBe(false);
    expect(p.commands.map((c) => c.command).join('\n')).toContain(
      'net-update --network default --command add --section ip-dhcp-range --xml \'<range start="192.168.122.50" end="192.168.122.60"/>\' --live --config',
    );
    expect(p.commands.at(-1)?.command).toContain(
      '--section ip-dhcp-host --xml \'<host mac="52:54:00:00:00:09" name="db" ip="192.168.122.9"/>\'',
    );
  });
  it('edit: a host entry outside the subnet or on a network without DHCP is refused', () => {
    expect(
      plan(
        { op: 'edit', network: 'default', addHosts: [{ mac: '52:54:00:00:00:09', ip: '10.0.0.9' }] },
        lab,
        defaultXml,
      ).plan.problems[0],
    ).toMatch(/outside 192\.168\.122\.0\/24/);
  });
  it('delete: refused while VMs use the network, naming them', () => {
    const snap = variant(lab, (s) => {
      s.libvirt.domains.push(vm('web1', 'shut off', [nic('network', 'default')]));
    });
    const { plan: p } = plan({ op: 'delete', network: 'default' }, snap, defaultXml);
    expect(p.problems[0]).toMatch(/VMs use network 'default': .*web1/);
  });
  it('stop: names the running VMs that lose their link', () => {
    const snap = variant(lab, (s) => {
      s.libvirt.domains.push(vm('web2', 'running', [nic('network', 'default')]));
    });
    expect(plan({ op: 'stop', network: 'default' }, snap, defaultXml).plan.vmsCutOff).toContain('web2');
  });
});
