import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import {
  buildComposeCommands,
  rollbackCalls,
  volumeName,
  type ComposeCommandInput,
  type ComposeStep,
} from './commands';
import { resolveInstall, type InstallInput } from './install/resolve';
import { parseInterfaceConstraints } from './constraints/parse';
import { labSnapshot } from './planner/fixtures.test-util';
import { planAttachments } from './planner/plan';
import type { AttachmentPlan } from './planner/types';
import { parseStorage } from './storage/parse';
import { resolveStoragePools } from './storage/pools';

const hasValidator = spawnSync('sh', ['-c', 'command -v virt-xml-validate && command -v xmllint']).status === 0;

function planFor(text: string): AttachmentPlan {
  const c = parseInterfaceConstraints(text);
  if (!c.ok) throw new Error(c.error.message);
  const p = planAttachments({ snapshot: labSnapshot(), constraints: c.value, installMode: 'manual' });
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

function disks(text: string, pools: string[], dflt: string) {
  const s = parseStorage(text);
  if (!s.ok) throw new Error(s.error.message);
  const r = resolveStoragePools(s.value, pools, dflt);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const baseInput = (): ComposeCommandInput => ({
  name: 'web-1',
  virtType: 'qemu',
  vcpus: 1,
  memoryMiB: 1024,
  arch: 'x86_64',
  disks: disks('root:8(local),data:0.5(fast)', ['default', 'fast'], 'default'),
  pools: [
    { name: 'default', type: 'dir', targetPath: '/var/lib/libvirt/images' },
    { name: 'fast', type: 'logical', targetPath: '/dev/fastvg' },
  ],
  plan: planFor('0:ip=192.168.122.60;1:name=eth1'),
  networks: [{ name: 'default', active: true, persistent: true }],
  macs: ['52:54:00:00:00:01', '52:54:00:00:00:02'],
  start: true,
});

describe('buildComposeCommands', () => {
  it('lists the exact virsh argv arrays, in order, each with its rollback', () => {
    const r = buildComposeCommands(baseInput());
    if (!r.ok) throw new Error(r.error);
    const { steps } = r.value;
    expect(steps.map((s) => s.kind)).toEqual(['create-volume', 'create-volume', 'reserve-ip', 'define', 'start']);
    expect(steps[0]?.argv).toEqual([
      'vol-create-as',
      '--pool',
      'default',
      '--name',
      'web-1-root.qcow2',
      '--capacity',
      '8000000000',
      '--format',
      'qcow2',
    ]);
    expect(steps[0]?.rollback?.argv).toEqual(['vol-delete', '--pool', 'default', '--vol', 'web-1-root.qcow2']);
    // A logical pool holds raw block volumes: no qcow2 there.
    expect(steps[1]?.argv).toEqual([
      'vol-create-as',
      '--pool',
      'fast',
      '--name',
      'web-1-data',
      '--capacity',
      '500000000',
    ]);
    expect(steps[2]?.argv).toEqual([
      'net-update',
      '--network',
      'default',
      '--command',
      'add',
      '--section',
      'ip-dhcp-host',
      '--xml',
      '<host mac="52:54:00:00:00:01" ip="192.168.122.60"/>',
      '--live',
      '--config',
    ]);
    expect(steps[2]?.rollback?.argv).toEqual([
      'net-update',
      '--network',
      'default',
      '--command',
      'delete',
      '--section',
      'ip-dhcp-host',
      '--xml',
      '<host mac="52:54:00:00:00:01" ip="192.168.122.60"/>',
      '--live',
      '--config',
    ]);
    expect(steps[3]?.argv).toEqual(['define', '--file', '/dev/stdin', '--validate']);
    expect(steps[3]?.stdin).toBe(r.value.domainXml);
    expect(steps[3]?.rollback?.argv).toEqual(['undefine', '--domain', 'web-1', '--nvram']);
    expect(steps[4]?.argv).toEqual(['start', '--domain', 'web-1']);
    expect(r.value.domainXml).toContain('<source file="/var/lib/libvirt/images/web-1-root.qcow2"/>');
    expect(r.value.domainXml).toContain('<source dev="/dev/fastvg/web-1-data"/>');
    expect(r.value.domainXml).toContain('<source network="default"/>');
    expect(r.value.domainXml).toContain('<source dev="eth1" mode="bridge"/>');
    for (const s of steps) for (const a of s.argv) expect(typeof a).toBe('string');
  });

  it('only --config for an inactive network; no start step unless asked', () => {
    const r = buildComposeCommands({
      ...baseInput(),
      networks: [{ name: 'default', active: false, persistent: true }],
      start: false,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.steps.find((s) => s.kind === 'reserve-ip')?.argv.slice(-1)).toEqual(['--config']);
    expect(r.value.steps.some((s) => s.kind === 'start')).toBe(false);
  });

  it('keeps hostile names as single argv elements', () => {
    const name = `-x; rm -rf ~ 'q' "d" $(id)`;
    const r = buildComposeCommands({ ...baseInput(), name });
    if (!r.ok) throw new Error(r.error);
    const start = r.value.steps.find((s) => s.kind === 'start');
    expect(start?.argv).toEqual(['start', '--domain', name]);
    expect(r.value.volumes[0]?.name).toBe('_x__rm_-rf____q___d____id_-root.qcow2');
  });

  it('generates MACs from the random source, avoiding taken ones', () => {
    let i = 0;
    const bytes = [1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8, 9];
    const random = (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length] ?? 0);
    const input = baseInput();
    delete input.macs;
    const r = buildComposeCommands({ ...input, random, takenMacs: ['52:54:00:01:02:03'] });
    expect(r.ok && r.value.macs).toEqual(['52:54:00:04:05:06', '52:54:00:07:08:09']);
    const stuck = buildComposeCommands({
      ...input,
      random: (n) => new Uint8Array(n),
      takenMacs: ['52:54:00:00:00:00'],
    });
    expect(stuck).toEqual({ ok: false, error: 'NIC 0: could not find a free MAC address in 64 tries' });
    const noRandom = baseInput();
    delete noRandom.macs;
    expect(buildComposeCommands(noRandom)).toEqual({
      ok: false,
      error: 'NIC 0 has no MAC address and no random source was given to make one.',
    });
  });

  it('fails plainly on an unknown pool or a pool without a path', () => {
    expect(buildComposeCommands({ ...baseInput(), pools: [] })).toEqual({
      ok: false,
      error: "Disk root: storage pool 'default' is not on this host.",
    });
    const r = buildComposeCommands({
      ...baseInput(),
      pools: [
        { name: 'default', type: 'dir' },
        { name: 'fast', type: 'dir' },
      ],
    });
    expect(r.ok || r.error).toMatch(/has no target path/);
  });

  it('rolls back completed steps newest first', () => {
    const r = buildComposeCommands(baseInput());
    if (!r.ok) throw new Error(r.error);
    expect(rollbackCalls(r.value.steps, 3).map((c) => c.argv[0])).toEqual(['net-update', 'vol-delete', 'vol-delete']);
    expect(rollbackCalls(r.value.steps, 0)).toEqual([]);
    expect(rollbackCalls(r.value.steps, 99)).toHaveLength(5);
  });

  it('volumeName sanitises', () => {
    expect(volumeName('a b', 'root', true)).toBe('a_b-root.qcow2');
    expect(volumeName('.hidden', 'd', false)).toBe('_hidden-d');
  });
});

describe('buildComposeCommands with install sources, seeds and CPU modes', () => {
  const POOL = '/var/lib/libvirt/images';
  const rootPath = `${POOL}/web-1-root.qcow2`;
  const pools = [
    {
      name: 'default',
      type: 'dir',
      targetPath: POOL,
      active: true,
      availableBytes: 100e9,
      volumes: ['tiny.img', 'debian.iso'],
    },
    { name: 'fast', type: 'logical', targetPath: '/dev/fastvg', active: true, availableBytes: 100e9, volumes: [] },
  ];
  const baseVol = {
    name: 'tiny.img',
    path: `${POOL}/tiny.img`,
    type: 'file',
    capacityBytes: 20e6,
    allocationBytes: 20e6,
    format: 'raw',
  };
  const isoVol = {
    name: 'debian.iso',
    path: `${POOL}/debian.iso`,
    type: 'file',
    capacityBytes: 650e6,
    allocationBytes: 650e6,
    format: 'iso',
  };
  const install = (over: Partial<InstallInput>) => {
    const r = resolveInstall({
      bootDisk: { name: 'root', sizeBytes: 8e9, pool: 'default', volume: 'web-1-root.qcow2', path: rootPath },
      pools,
      ...over,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const seedSteps: ComposeStep[] = [
    {
      kind: 'build-seed',
      program: 'sh',
      argv: ['sh', '-c', 'echo build', 'labdeck-seed', 'default', 'web-1-seed.iso'],
      description: 'Build the seed.',
      rollback: {
        argv: ['vol-delete', '--pool', 'default', '--vol', 'web-1-seed.iso'],
        description: 'Delete the seed.',
      },
    },
  ];
  const seed = { pool: 'default', volume: 'web-1-seed.iso', path: `${POOL}/web-1-seed.iso`, steps: seedSteps };
  const xp = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (n) => n === 'disk' || n === 'interface',
  });
  type Disk = {
    '@_device': string;
    source: { '@_file'?: string; '@_dev'?: string };
    driver: { '@_type': string };
    target: { '@_dev': string };
    boot?: { '@_order': string };
  };
  const disksOf = (xml: string): Disk[] => xp.parse(xml).domain.devices.disk;
  const run = (over: Partial<ComposeCommandInput>) => {
    const r = buildComposeCommands({ ...baseInput(), ...over });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('cloud image overlay + seed: overlay, other disks, seed steps, then define; the seed is the CD-ROM', () => {
    const r = run({
      install: install({
        source: { kind: 'cloud-image', pool: 'default', volume: 'tiny.img', clone: 'overlay' },
        sourceVolume: baseVol,
        seed: true,
      }),
      seed,
      cpuMode: 'host-model',
    });
    expect(r.steps.map((s) => `${s.kind}:${s.argv[0]}`)).toEqual([
      'create-volume:vol-create-as',
      'create-volume:vol-create-as',
      'build-seed:sh',
      'reserve-ip:net-update',
      'define:define',
      'start:start',
    ]);
    expect(r.steps[0]?.argv).toContain('--backing-vol');
    expect(r.steps[2]?.program).toBe('sh');
    const disks = disksOf(r.domainXml);
    expect(
      disks.map((d) => [
        d['@_device'],
        d.source['@_file'] ?? d.source['@_dev'],
        d.driver['@_type'],
        d.target['@_dev'],
        d.boot?.['@_order'],
      ]),
    ).toEqual([
      ['disk', rootPath, 'qcow2', 'vda', '1'],
      ['disk', '/dev/fastvg/web-1-data', 'raw', 'vdb', undefined],
      ['cdrom', `${POOL}/web-1-seed.iso`, 'raw', 'hdc', undefined],
    ]);
    expect(xp.parse(r.domainXml).domain.cpu).toEqual({ '@_mode': 'host-model' });
    // Only the VM's own disks are its volumes: not the base image, not the seed (its steps delete it).
    expect(r.volumes.map((v) => v.name)).toEqual(['web-1-root.qcow2', 'web-1-data']);
    // The domain remembers what deleting it may remove: its disks and its seed, not the base.
    const owned = xp.parse(r.domainXml).domain.metadata['labdeck:compose'];
    expect(owned['@_xmlns:labdeck']).toBe('https://labdeck.dev/xmlns/compose/1');
    expect([owned['labdeck:volume']].flat().map((v: { '@_name': string }) => v['@_name'])).toEqual([
      'web-1-root.qcow2',
      'web-1-data',
      'web-1-seed.iso',
    ]);
    // Rolling back after define undoes the seed too.
    expect(rollbackCalls(r.steps, 5).map((c) => c.argv.slice(0, 2).join(' '))).toEqual([
      'undefine --domain',
      'net-update --network',
      'vol-delete --pool',
      'vol-delete --pool',
      'vol-delete --pool',
    ]);
  });

  it('cloud image copy of a raw image: the domain names raw for the clone', () => {
    const r = run({
      install: install({
        source: { kind: 'cloud-image', pool: 'default', volume: 'tiny.img', clone: 'copy' },
        sourceVolume: baseVol,
      }),
    });
    expect(r.steps.slice(0, 3).map((s) => s.argv[0])).toEqual(['vol-clone', 'vol-resize', 'vol-create-as']);
    expect(disksOf(r.domainXml)[0]).toMatchObject({
      source: { '@_file': `${POOL}/web-1-root.img` },
      driver: { '@_type': 'raw' },
    });
    expect(r.volumes[0]).toEqual({
      pool: 'default',
      name: 'web-1-root.img',
      path: `${POOL}/web-1-root.img`,
      format: 'raw',
    });
  });

  it('iso: the ISO attached read-only and booted first, never created, copied or deleted', () => {
    const r = run({
      install: install({ source: { kind: 'iso', pool: 'default', volume: 'debian.iso' }, sourceVolume: isoVol }),
      cpuMode: 'custom',
      cpuModel: 'qemu64',
    });
    const disks = disksOf(r.domainXml);
    expect(disks.map((d) => [d['@_device'], d.target['@_dev'], d.boot?.['@_order']])).toEqual([
      ['disk', 'vda', '2'],
      ['disk', 'vdb', undefined],
      ['cdrom', 'hdc', '1'],
    ]);
    expect(r.domainXml).toContain('<readonly/>');
    const touched = r.steps.flatMap((s) => [...s.argv, ...(s.rollback?.argv ?? [])]).join(' ');
    expect(touched).not.toContain('debian.iso');
    expect(r.volumes.map((v) => v.path)).not.toContain(`${POOL}/debian.iso`);
    expect(r.domainXml.match(/<labdeck:volume [^>]*>/g)).toEqual([
      `<labdeck:volume pool="default" name="web-1-root.qcow2" path="${POOL}/web-1-root.qcow2"/>`,
      '<labdeck:volume pool="fast" name="web-1-data" path="/dev/fastvg/web-1-data"/>',
    ]);
    expect(xp.parse(r.domainXml).domain.cpu.model['#text']).toBe('qemu64');
  });

  it('network and none set their boot orders; an explicit bootOrder still wins', () => {
    const net = run({ install: install({}) });
    expect(xp.parse(net.domainXml).domain.devices.interface[0].boot).toEqual({ '@_order': '1' });
    const none = run({ install: install({ source: { kind: 'none' } }), cpuMode: 'default', virtType: 'kvm' });
    expect(xp.parse(none.domainXml).domain.devices.interface[0].boot).toBeUndefined();
    expect(xp.parse(none.domainXml).domain.cpu).toBeUndefined();
    const forced = run({ install: install({ source: { kind: 'none' } }), bootOrder: ['network'] });
    expect(disksOf(forced.domainXml)[0]?.boot).toBeUndefined();
  });

  it('refuses an install resolved for another pool than the boot disk’s', () => {
    const other = install({
      bootDisk: { name: 'root', sizeBytes: 8e9, pool: 'fast', volume: 'web-1-root', path: '/dev/fastvg/web-1-root' },
    });
    expect(buildComposeCommands({ ...baseInput(), install: other })).toEqual({
      ok: false,
      error: "The install's boot disk is in pool fast, but disk root was placed in default.",
    });
  });

  it.skipIf(!hasValidator)(
    'every install kind × CPU mode passes virt-xml-validate',
    () => {
      const installs = {
        network: install({}),
        none: install({ source: { kind: 'none' } }),
        iso: install({ source: { kind: 'iso', pool: 'default', volume: 'debian.iso' }, sourceVolume: isoVol }),
        overlay: install({
          source: { kind: 'cloud-image', pool: 'default', volume: 'tiny.img', clone: 'overlay' },
          sourceVolume: baseVol,
          seed: true,
        }),
        copy: install({
          source: { kind: 'cloud-image', pool: 'default', volume: 'tiny.img', clone: 'copy' },
          sourceVolume: baseVol,
          seed: true,
        }),
      };
      const dir = mkdtempSync(join(tmpdir(), 'labdeck-cmdxml-'));
      try {
        for (const [kind, inst] of Object.entries(installs)) {
          for (const [cpuMode, cpuModel] of [
            ['host-passthrough'],
            ['host-model'],
            ['custom', 'Haswell-noTSX'],
            ['default'],
          ] as const) {
            for (const machine of ['pc', 'q35']) {
              const r = run({
                install: inst,
                ...(kind === 'overlay' || kind === 'copy' ? { seed } : {}),
                cpuMode,
                ...(cpuModel ? { cpuModel } : {}),
                machine,
              });
              const file = join(dir, `${kind}-${cpuMode}-${machine}.xml`);
              writeFileSync(file, r.domainXml);
              const v = spawnSync('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' });
              expect(v.status, `${kind} ${cpuMode} ${machine}: ${v.stdout}${v.stderr}`).toBe(0);
            }
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

/** Quotes one argv element for virsh's own interactive parser (single quotes, ' as '\''). */
const virshQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const hasVirsh = spawnSync('virsh', ['-c', 'test:///default', 'uri'], { encoding: 'utf8' }).status === 0;
if (!hasVirsh) console.warn("virsh with the test driver is not available: skipping the run against 'test:///default'");

describe.skipIf(!hasVirsh)('the generated commands run in real virsh (test:///default driver)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labdeck-virsh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, reserves, defines, starts — and rolls everything back', () => {
    const name = `-odd 'name' "x" <&>`;
    const r = buildComposeCommands({
      ...baseInput(),
      name,
      disks: disks('root:1', ['default-pool'], 'default-pool'),
      pools: [{ name: 'default-pool', type: 'dir', targetPath: '/default-pool' }],
      plan: planFor('0:ip=192.168.122.60'),
      macs: ['52:54:00:00:00:01'],
      networks: [{ name: 'default', active: true, persistent: true }],
    });
    if (!r.ok) throw new Error(r.error);
    const xmlFile = join(dir, 'domain.xml');
    writeFileSync(xmlFile, r.value.domainXml);
    // One virsh process (the test driver keeps state per connection); /dev/stdin → a file here.
    const line = (argv: string[]) =>
      argv
        .map((a) => (a === '/dev/stdin' ? xmlFile : a))
        .filter((a) => a !== '--nvram') // the test driver does not support it; qemu does
        .map(virshQuote)
        .join(' ');
    const forward = r.value.steps.map((s) => line(s.argv));
    const back = rollbackCalls(r.value.steps, r.value.steps.length).map((c) => line(c.argv));
    const script = [
      ...forward,
      'list --all --name',
      'net-dumpxml default',
      ...back,
      'list --all --name',
      'vol-list default-pool',
    ].join('\n');
    const out = spawnSync('virsh', ['-c', 'test:///default'], { input: `${script}\n`, encoding: 'utf8' });
    const text = `${out.stdout}${out.stderr}`;
    expect(text).not.toMatch(/error:/);
    expect(text).toMatch(/Vol .*-root\.qcow2 created/);
    expect(text).toContain(`<host mac='52:54:00:00:00:01' ip='192.168.122.60'/>`);
    expect(text).toContain(`Domain '${name}' started`);
    expect(text).toContain(`Domain '${name}' destroyed`);
    expect(text).toContain(`Domain '${name}' has been undefined`);
    expect(text).toMatch(/Vol .*-root\.qcow2 deleted/);
  });
});
