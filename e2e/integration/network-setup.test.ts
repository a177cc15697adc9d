import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig, NetworkChange, NetworkSpec } from '../../shared/contract';
import type { ComposeRequest, JobView } from '../../shared/contract/compose';
import { maasPreset } from '../../shared/networks/presets';
import { parseNetworkXml } from '../../shared/snapshot/parse-network-xml';
import { parseDomainXml } from '../../shared/snapshot/parse-domain-xml';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';
import { labHostConfig, virsh, virshMaybe } from './compose-helpers';

/**
 * Network setup against labhost1's real libvirt, through LabDeck's engine: every kind created,
 * read back with net-dumpxml and compared; DHCP edits (live and with a restart); delete refused
 * while a VM uses the network; the MAAS preset as a compose's landing network; a tiny guest's
 * lease on a new NAT network and none with its DHCP off. Everything made here is named it-net-*
 * and removed in afterAll; the lab's own networks are compared before and after.
 */
const L = lab();
const guest = L.guest as (typeof L)['guest'] | undefined;
const tag = `${process.pid.toString(36)}${Math.floor(Math.random() * 1e3).toString(36)}`;
const NET = (what: string): string => `it-net-${what}-${tag}`;
const VM = (what: string): string => `it-net-vm-${what}-${tag}`;

let c: TestCore;
let host: HostConfig;
let labNetworksBefore: Record<string, string>;

/** The lab's own networks; DHCP host entries left out (other suites reserve addresses on `default` meanwhile). */
const labNetworkXml = async (): Promise<Record<string, string>> => ({
  default: (await virsh(c, host, 'net-dumpxml', '--network', 'default', '--inactive')).replace(
    /^\s*<host\s[^>]*\/>\n/gm,
    '',
  ),
  maas: await virsh(c, host, 'net-dumpxml', '--network', 'maas', '--inactive'),
});

async function cleanup(): Promise<void> {
  const doms = (await virsh(c, host, 'list', '--all', '--name'))
    .split('\n')
    .map((s) => s.trim())
    .filter((n) => n.startsWith('it-net-vm-') && n.endsWith(tag));
  for (const d of doms) await c.actions.domain(host.id, d, 'delete', true).catch(() => undefined);
  const nets = (await virsh(c, host, 'net-list', '--all', '--name'))
    .split('\n')
    .map((s) => s.trim())
    .filter((n) => n.startsWith('it-net-') && n.endsWith(tag));
  for (const n of nets) {
    await virshMaybe(c, host, 'net-destroy', '--network', n);
    await virshMaybe(c, host, 'net-undefine', '--network', n);
  }
}

beforeAll(async () => {
  c = await startCore();
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
  labNetworksBefore = await labNetworkXml();
});

afterAll(async () => {
  if (!c) return;
  try {
    await cleanup();
    expect(await labNetworkXml()).toEqual(labNetworksBefore);
  } finally {
    await c.cleanup();
  }
});

const plan = (change: NetworkChange) => c.networks.plan({ hostId: host.id, change });
const apply = (change: NetworkChange, acknowledgeVms: string[] = []) =>
  c.networks.apply({ hostId: host.id, change, acknowledgeVms });
const dumped = async (name: string) =>
  parseNetworkXml(await virsh(c, host, 'net-dumpxml', '--network', name, '--inactive'));
const state = async (name: string) =>
  (await c.hosts.refresh(host.id, { interactive: true })).libvirt?.networks.find((n) => n.name === name);

/** The parts LabDeck decides (libvirt adds uuid, mac, a virbrN bridge, nat ports). */
const decided = (n: ReturnType<typeof parseNetworkXml>, withBridge: boolean) =>
  n && {
    name: n.name,
    forwardMode: n.forwardMode,
    forwardDevs: n.forwardDevs,
    ips: n.ips,
    ...(withBridge ? { bridge: n.bridge } : {}),
  };

async function compose(req: ComposeRequest): Promise<JobView> {
  const { jobId } = c.compose.start(req);
  const job = await c.jobs.wait(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
  return job;
}

const cheapVm = (what: string, over: Partial<ComposeRequest> = {}): ComposeRequest => ({
  hostId: host.id,
  hostname: VM(what),
  cores: 1,
  memoryMiB: 32,
  virtType: 'qemu',
  nicRom: false,
  storage: 'root:0.05',
  interfaces: '',
  install: { kind: 'none' },
  start: false,
  ...over,
});

/** The NICs as defined (a running NIC on a macvtap network shows as 'direct' in the live XML), or as running. */
const nicsOf = async (vm: string, live = false) =>
  parseDomainXml(await virsh(c, host, 'dumpxml', '--domain', vm, ...(live ? [] : ['--inactive'])))?.nics ?? [];

describe('creating each kind of network on labhost1', () => {
  const kinds: [string, NetworkSpec][] = [
    [
      'NAT with DHCP',
      { name: NET('nat'), kind: 'nat', ipv4: '10.231.1.1/24', dhcp: { start: '10.231.1.100', end: '10.231.1.150' } },
    ],
    ['routed', { name: NET('route'), kind: 'route', ipv4: '10.231.2.1/24' }],
    [
      'isolated',
      { name: NET('iso'), kind: 'isolated', ipv4: '10.231.3.1/24', dhcp: { start: '10.231.3.10', end: '10.231.3.20' } },
    ],
    ['bridged to br0', { name: NET('br'), kind: 'bridge', bridge: 'br0' }],
    ['macvtap (private) on eth1', { name: NET('mvt'), kind: 'macvtap', macvtapMode: 'private', devices: ['eth1'] }],
  ];
  it.each(kinds)('%s: created as planned, read back equal, then deleted', async (_, spec) => {
    const p = await plan({ op: 'create', spec });
    expect(p.problems).toEqual([]);
    const r = await apply({ op: 'create', spec });
    expect(r.commands[0]).toBe('virsh --connect qemu:///system net-define --file /dev/stdin --validate');
    const back = await dumped(spec.name);
    const planned = parseNetworkXml(
      (p.xmlAfter ?? '').replace('<network>', '<network><uuid>00000000-0000-0000-0000-000000000000</uuid>'),
    );
    expect(decided(back, spec.kind === 'bridge')).toEqual(decided(planned, spec.kind === 'bridge'));
    const live = await state(spec.name);
    expect(live).toMatchObject({ active: true, autostart: true, persistent: true });
    const del = await apply({ op: 'delete', network: spec.name });
    expect(del.commands).toEqual([
      `virsh --connect qemu:///system net-destroy --network ${spec.name}`,
      `virsh --connect qemu:///system net-undefine --network ${spec.name}`,
    ]);
    expect(await state(spec.name)).toBeUndefined();
  });

  it('refuses what would not work, and changes nothing', async () => {
    const before = (await virsh(c, host, 'net-list', '--all', '--name')).trim();
    const bad: [NetworkSpec, RegExp][] = [
      [
        { name: NET('x'), kind: 'nat', ipv4: '192.168.122.7/24' },
        /overlaps 192\.168\.122\.0\/24, the libvirt network 'default'/,
      ],
      [
        { name: NET('x'), kind: 'nat', ipv4: '10.231.9.1/24', dhcp: { start: '10.231.8.1', end: '10.231.9.9' } },
        /outside 10\.231\.9\.0\/24/,
      ],
      [{ name: NET('x'), kind: 'bridge', bridge: 'br7' }, /no interface named 'br7'/],
      [
        { name: NET('x'), kind: 'macvtap', macvtapMode: 'passthrough', devices: ['eth1'] },
        /passthrough needs eth1 to itself, but VM lab-shutoff/,
      ],
      [{ name: 'maas', kind: 'nat', ipv4: '10.231.9.1/24' }, /already has a network named 'maas'/],
    ];
    for (const [spec, why] of bad) {
      await expect(apply({ op: 'create', spec })).rejects.toMatchObject({
        shape: { kind: 'validation', message: expect.stringMatching(why) },
      });
    }
    expect((await virsh(c, host, 'net-list', '--all', '--name')).trim()).toBe(before);
  });
});

describe('editing DHCP', () => {
  const name = NET('edit');
  beforeAll(async () => {
    await apply({
      op: 'create',
      spec: { name, kind: 'nat', ipv4: '10.231.4.1/24', dhcp: { start: '10.231.4.100', end: '10.231.4.150' } },
    });
  });
  afterAll(async () => {
    await apply({ op: 'delete', network: name }).catch(() => undefined);
  });

  it('a new range and static hosts change live (no restart), and come off again', async () => {
    const p = await plan({
      op: 'edit',
      network: name,
      dhcp: { start: '10.231.4.20', end: '10.231.4.40' },
      addHosts: [{ mac: '52:54:00:0a:0b:0c', ip: '10.231.4.5', name: 'fixed' }],
    });
    expect(p.problems).toEqual([]);
    expect(p.restart).toBe(false);
    await apply({
      op: 'edit',
      network: name,
      dhcp: { start: '10.231.4.20', end: '10.231.4.40' },
      addHosts: [{ mac: '52:54:00:0a:0b:0c', ip: '10.231.4.5', name: 'fixed' }],
    });
    expect((await dumped(name))?.ips[0]?.dhcp).toEqual({
      ranges: [{ start: '10.231.4.20', end: '10.231.4.40' }],
      hosts: [{ mac: '52:54:00:0a:0b:0c', name: 'fixed', ip: '10.231.4.5' }],
    });
    // The live state too (net-dumpxml without --inactive).
    expect(parseNetworkXml(await virsh(c, host, 'net-dumpxml', '--network', name))?.ips[0]?.dhcp?.hosts).toHaveLength(
      1,
    );
    await apply({ op: 'edit', network: name, removeHosts: [{ ip: '10.231.4.5' }] });
    expect((await dumped(name))?.ips[0]?.dhcp?.hosts).toEqual([]);
  });

  it('DHCP off restarts the network, and a running VM on it must be acknowledged and keeps its link', async () => {
    const vm = VM('edit');
    // Constraints name host interfaces: the network's own bridge lands the NIC on the network.
    const bridge = (await state(name))?.bridge ?? '?';
    await compose(cheapVm('edit', { interfaces: `eth0:name=${bridge}`, start: true }));
    expect((await nicsOf(vm))[0]).toMatchObject({ type: 'network', source: name });
    const p = await plan({ op: 'edit', network: name, dhcp: null });
    expect(p.restart).toBe(true);
    expect(p.vmsCutOff).toEqual([vm]);
    expect(p.commands.map((x) => x.command).at(-1)).toMatch(/^ip link set dev vnet\d+ master virbr\d+$/);
    await expect(apply({ op: 'edit', network: name, dhcp: null })).rejects.toMatchObject({
      shape: { kind: 'validation', message: expect.stringContaining(vm) },
    });
    expect((await dumped(name))?.ips[0]?.dhcp).not.toBeNull();
    await apply({ op: 'edit', network: name, dhcp: null }, [vm]);
    expect((await dumped(name))?.ips[0]?.dhcp).toBeNull();
    // The VM's tap is back on the network's bridge.
    const net = await state(name);
    const tap = (await nicsOf(vm, true))[0]?.target ?? '';
    const ports = await c.runner.run(host, ['ip', '-o', 'link', 'show', 'master', net?.bridge ?? '?']);
    expect(ports).toContain(`${tap}:`);
    // Delete is refused while the VM uses it, naming the VM; fine once the VM is gone.
    await expect(apply({ op: 'delete', network: name })).rejects.toMatchObject({
      shape: { message: expect.stringContaining(`VMs use network '${name}': ${vm} (running)`) },
    });
    expect(await state(name)).toBeDefined();
    await c.actions.domain(host.id, vm, 'delete', true);
  });
});

describe('the MAAS-ready preset and a macvtap network, used by composes', () => {
  it("the preset: no DHCP, the seed's reason, and a compose without constraints lands on it (as the pod's default network, since the lab already has a maas)", async () => {
    const snapshot = await c.hosts.refresh(host.id, { interactive: true });
    const spec = maasPreset(snapshot, { kind: 'nat' }, NET('maas'));
    const p = await plan({ op: 'create', spec });
    expect(p.problems).toEqual([]);
    await apply({ op: 'create', spec });
    try {
      await c.hosts.update(host.id, { pod: { defaultNetwork: spec.name } });
      const effect = (await plan({ op: 'stop', network: spec.name })).composeEffects[0];
      expect(effect?.before).toMatch(new RegExp(`lands on network '${spec.name}' and gets no address`));
      const job = await compose(cheapVm('maas'));
      expect((await nicsOf(job.domain!))[0]).toMatchObject({ type: 'network', source: spec.name });
      await c.actions.domain(host.id, job.domain!, 'delete', true);
    } finally {
      await c.hosts.update(host.id, { pod: { defaultNetwork: undefined } });
      await apply({ op: 'delete', network: spec.name });
    }
  });

  it("a macvtap (bridge mode) network on eth1 as the pod's default network: a compose lands on it with a macvtap on eth1", async () => {
    const name = NET('mvt2');
    await apply({ op: 'create', spec: { name, kind: 'macvtap', macvtapMode: 'bridge', devices: ['eth1'] } });
    try {
      // A macvtap network has no bridge a constraint could name: composes reach it as the pod's default network.
      await c.hosts.update(host.id, { pod: { defaultNetwork: name } });
      const job = await compose(cheapVm('mvt', { start: true }));
      expect((await nicsOf(job.domain!))[0]).toMatchObject({ type: 'network', source: name });
      const snap = await c.hosts.refresh(host.id, { interactive: true });
      expect(snap.interfaces.some((i) => i.kind === 'macvtap' && (i.macvlan?.parent ?? i.parent) === 'eth1')).toBe(
        true,
      );
      await c.actions.domain(host.id, job.domain!, 'delete', true);
    } finally {
      await c.hosts.update(host.id, { pod: { defaultNetwork: undefined } });
      await apply({ op: 'delete', network: name });
    }
  });
});

describe('a tiny guest on a new NAT network', () => {
  it.skipIf(!guest)(
    'gets a lease while DHCP is on, and none once it is off' +
      (guest ? '' : ' (skipped: lab.json has no `guest` field — the lab has no bootable tiny guest yet)'),
    async () => {
      const name = NET('lease');
      await apply({
        op: 'create',
        spec: { name, kind: 'nat', ipv4: '10.231.5.1/24', dhcp: { start: '10.231.5.100', end: '10.231.5.150' } },
      });
      const bridge = (await state(name))?.bridge ?? '?';
      const tiny = (what: string): ComposeRequest => ({
        hostId: host.id,
        hostname: VM(what),
        cores: 1,
        memoryMiB: guest!.minMemoryMiB,
        virtType: 'qemu',
        nicRom: false,
        storage: 'root:0.1',
        interfaces: `eth0:name=${bridge}`,
        install: { kind: 'cloud-image', pool: 'default', volume: guest!.cloudVolume, clone: 'overlay' },
        cloudInit: { user: 'lab', sshKeys: [L.clientPublicKey] },
        start: true,
      });
      try {
        const on = await compose(tiny('lease-on'));
        const got = await c.guests.read(host.id, on.domain!, { waitMs: 180_000 });
        const lease = got.addresses.find((a) => a.address.startsWith('10.231.5.'));
        expect(lease, JSON.stringify(got)).toBeDefined();
        await c.actions.domain(host.id, on.domain!, 'delete', true);

        await apply({ op: 'edit', network: name, dhcp: null });
        const off = await compose(tiny('lease-off'));
        // Give it the time the first guest needed, and then some: no address may appear.
        const none = await c.guests.read(host.id, off.domain!, { waitMs: 90_000 });
        expect(none.addresses.filter((a) => a.family === 'ipv4')).toEqual([]);
        await c.actions.domain(host.id, off.domain!, 'delete', true);
      } finally {
        await cleanup();
      }
    },
    420_000,
  );
});
