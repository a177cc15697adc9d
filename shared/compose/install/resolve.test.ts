import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVolumeXml, type VolumeInfo } from '../../snapshot/parse-vol-xml';
import { resolveInstall, type InstallInput, type InstallPool } from './resolve';
import { wholeGbAtLeast } from './sizes';

/** Real vol-dumpxml captures from the lab host's dir pool. */
const vol = (name: string): VolumeInfo => {
  const v = parseVolumeXml(readFileSync(path.join(__dirname, '../../snapshot/fixtures/vol', name), 'utf8'));
  if (!v) throw new Error(name);
  return v;
};
const POOL = '/work/main/e2e/lab/.state/labhost1/pool';
const raw = vol('raw-base.xml'); // b2probe-base.img, raw, 20 MiB
const qcow = vol('qcow2-base.xml');
const iso = vol('iso.xml');

const pools: InstallPool[] = [
  {
    name: 'default',
    type: 'dir',
    active: true,
    availableBytes: 200e9,
    targetPath: POOL,
    volumes: ['b2probe-base.img', 'b2probe-qbase.qcow2', 'b2probe-up.iso', 'b2probe-dir'],
  },
  { name: 'other', type: 'dir', active: true, availableBytes: 50e9, targetPath: '/srv/other', volumes: [] },
  { name: 'vg0', type: 'logical', active: true, availableBytes: 100e9, targetPath: '/dev/vg0', volumes: [] },
];
const bootDisk = {
  name: 'root',
  sizeBytes: 8e9,
  pool: 'default',
  volume: 'web-1-root.qcow2',
  path: `${POOL}/web-1-root.qcow2`,
};
const input = (over: Partial<InstallInput>): InstallInput => ({ bootDisk, pools, ...over });
const resolved = (over: Partial<InstallInput>) => {
  const r = resolveInstall(input(over));
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const error = (over: Partial<InstallInput>) => {
  const r = resolveInstall(input(over));
  return r.ok ? 'ok' : r.error;
};

describe('resolveInstall: network, none, iso', () => {
  it('network boots PXE first onto an empty disk (today’s vol-create-as)', () => {
    const r = resolved({});
    expect(r.bootOrder).toEqual(['network', 'disk']);
    expect(r.summary).toBe(`Network boot (PXE) first, then the empty 8 GB boot disk web-1-root.qcow2 in pool default.`);
    expect(r.bootDisk).toMatchObject({ how: 'create', format: 'qcow2', kind: 'file' });
    expect(r.bootDisk.steps.map((s) => s.argv)).toEqual([
      [
        'vol-create-as',
        '--pool',
        'default',
        '--name',
        'web-1-root.qcow2',
        '--capacity',
        '8000000000',
        '--format',
        'qcow2',
      ],
    ]);
    expect(r.bootDisk.steps[0]?.rollback?.argv).toEqual([
      'vol-delete',
      '--pool',
      'default',
      '--vol',
      'web-1-root.qcow2',
    ]);
    expect(resolved({ source: { kind: 'network' } }).bootOrder).toEqual(['network', 'disk']);
  });

  it('none boots only the disk; a block pool gets a raw volume', () => {
    const r = resolved({
      source: { kind: 'none' },
      bootDisk: { ...bootDisk, pool: 'vg0', volume: 'web-1-root', path: '/dev/vg0/web-1-root' },
    });
    expect(r.bootOrder).toEqual(['disk']);
    expect(r.bootDisk).toMatchObject({ how: 'create', format: 'raw', kind: 'block' });
    expect(r.bootDisk.steps[0]?.argv).toEqual([
      'vol-create-as',
      '--pool',
      'vg0',
      '--name',
      'web-1-root',
      '--capacity',
      '8000000000',
    ]);
    expect(r.summary).toMatch(/^No installer: the VM boots from its empty 8 GB disk/);
  });

  it('iso: the ISO as a read-only CD-ROM from its path, booted first, onto an empty disk', () => {
    const r = resolved({ source: { kind: 'iso', pool: 'default', volume: 'b2probe-up.iso' }, sourceVolume: iso });
    expect(r.bootOrder).toEqual(['cdrom', 'disk']);
    expect(r.cdrom).toEqual({ path: `${POOL}/b2probe-up.iso`, kind: 'file' });
    expect(r.source).toEqual({
      pool: 'default',
      volume: 'b2probe-up.iso',
      path: `${POOL}/b2probe-up.iso`,
      format: 'iso',
      capacityBytes: 372736,
    });
    expect(r.bootDisk.how).toBe('create');
    // Nothing touches the ISO: the only step creates the boot disk.
    expect(r.bootDisk.steps.flatMap((s) => [...s.argv, ...(s.rollback?.argv ?? [])]).join(' ')).not.toContain(
      'b2probe-up.iso',
    );
    expect(r.summary).toBe(
      'Boots the installer default/b2probe-up.iso (iso, 373 kB) from a read-only CD-ROM, then the empty 8 GB disk web-1-root.qcow2 in pool default.',
    );
    // An ISO uploaded but not yet probed by a pool refresh reads as raw: fine.
    expect(
      resolved({ source: { kind: 'iso', pool: 'default', volume: 'b2probe-base.img' }, sourceVolume: raw }).kind,
    ).toBe('iso');
  });

  it('refuses what is not an ISO', () => {
    expect(error({ source: { kind: 'iso', pool: 'default', volume: 'b2probe-qbase.qcow2' }, sourceVolume: qcow })).toBe(
      'default/b2probe-qbase.qcow2 is a qcow2 disk image, not an ISO: install it as a cloud image instead.',
    );
    expect(
      error({ source: { kind: 'iso', pool: 'default', volume: 'b2probe-dir' }, sourceVolume: vol('dir.xml') }),
    ).toBe('default/b2probe-dir is a directory, not an image.');
  });
});

describe('resolveInstall: missing things', () => {
  it('names what a pool does hold, and what pools exist', () => {
    expect(error({ source: { kind: 'iso', pool: 'default', volume: 'foo.img' } })).toBe(
      'Pool default has no volume foo.img; it has: b2probe-base.img, b2probe-qbase.qcow2, b2probe-up.iso, b2probe-dir.',
    );
    expect(error({ source: { kind: 'iso', pool: 'other', volume: 'foo.img' } })).toBe(
      'Pool other has no volume foo.img; it has: no volumes at all.',
    );
    expect(error({ source: { kind: 'cloud-image', pool: 'nope', volume: 'x', clone: 'overlay' } })).toBe(
      'There is no storage pool nope on this host (pools: default, other, vg0).',
    );
    expect(error({ bootDisk: { ...bootDisk, pool: 'gone' } })).toBe(
      'Storage pool gone for the root disk is not on this host.',
    );
    expect(error({ source: { kind: 'iso', pool: 'default', volume: 'b2probe-base.img' } })).toMatch(
      /^Could not read volume b2probe-base.img in pool default/,
    );
    const down = pools.map((p) => (p.name === 'other' ? { ...p, active: false } : p));
    expect(error({ pools: down, source: { kind: 'iso', pool: 'other', volume: 'x' } })).toMatch(
      /^Storage pool other is not active/,
    );
  });

  it('a seed only with a cloud image', () => {
    expect(error({ seed: true })).toMatch(/only read by a cloud image/);
    expect(
      error({ seed: true, source: { kind: 'iso', pool: 'default', volume: 'b2probe-up.iso' }, sourceVolume: iso }),
    ).toMatch(/only read by a cloud image/);
  });
});

describe('resolveInstall: cloud images', () => {
  const cloud = (clone: 'overlay' | 'copy', v: VolumeInfo = raw) => ({
    source: { kind: 'cloud-image' as const, pool: 'default', volume: v.name, clone },
    sourceVolume: v,
  });

  it('overlay: qcow2 on top of a raw base, the base path and format given, grown by --capacity', () => {
    const r = resolved({ ...cloud('overlay'), seed: true });
    expect(r.bootOrder).toEqual(['disk']);
    expect(r.bootDisk).toMatchObject({
      how: 'overlay',
      format: 'qcow2',
      volume: 'web-1-root.qcow2',
      path: `${POOL}/web-1-root.qcow2`,
    });
    expect(r.bootDisk.steps.map((s) => [s.kind, ...s.argv])).toEqual([
      [
        'create-volume',
        'vol-create-as',
        '--pool',
        'default',
        '--name',
        'web-1-root.qcow2',
        '--capacity',
        '8000000000',
        '--format',
        'qcow2',
        '--backing-vol',
        `${POOL}/b2probe-base.img`,
        '--backing-vol-format',
        'raw',
      ],
    ]);
    expect(r.bootDisk.steps[0]?.rollback?.argv).toEqual([
      'vol-delete',
      '--pool',
      'default',
      '--vol',
      'web-1-root.qcow2',
    ]);
    expect(r.summary).toBe(
      'Boot disk: a qcow2 overlay on default/b2probe-base.img (raw, 21 MB), grown to 8 GB, set up by a cloud-init seed on a second CD-ROM.',
    );
    expect(r.notes.join(' ')).toMatch(/must stay, unchanged/);
    expect(r.notes.join(' ')).toMatch(/asks for 67.1 MB free/);
    expect(resolved(cloud('overlay', qcow)).bootDisk.steps[0]?.argv.slice(-2)).toEqual([
      '--backing-vol-format',
      'qcow2',
    ]);
  });

  it('overlay needs a file pool and a little room', () => {
    expect(
      error({
        ...cloud('overlay'),
        bootDisk: { ...bootDisk, pool: 'vg0', volume: 'web-1-root', path: '/dev/vg0/web-1-root' },
      }),
    ).toBe(
      'Pool vg0 is a logical (block) pool: a qcow2 overlay needs a file pool (dir, fs, netfs). Put the root disk in a file pool, or make a full copy instead.',
    );
    const full = pools.map((p) => (p.name === 'default' ? { ...p, availableBytes: 10e6 } : p));
    expect(error({ ...cloud('overlay'), pools: full })).toMatch(
      /^Pool default has 10 MB free; LabDeck wants at least 67.1 MB for an overlay/,
    );
  });

  it('copy in the same pool: vol-clone keeps the format (raw → .img, and raw in the domain), then vol-resize', () => {
    const r = resolved(cloud('copy'));
    expect(r.bootDisk).toMatchObject({
      how: 'copy',
      format: 'raw',
      kind: 'file',
      volume: 'web-1-root.img',
      path: `${POOL}/web-1-root.img`,
    });
    expect(r.bootDisk.steps.map((s) => [s.kind, ...s.argv])).toEqual([
      ['create-volume', 'vol-clone', '--pool', 'default', '--vol', 'b2probe-base.img', '--newname', 'web-1-root.img'],
      ['resize-volume', 'vol-resize', '--pool', 'default', '--vol', 'web-1-root.img', '--capacity', '8000000000'],
    ]);
    expect(r.bootDisk.steps.map((s) => s.rollback?.argv ?? null)).toEqual([
      ['vol-delete', '--pool', 'default', '--vol', 'web-1-root.img'],
      null,
    ]);
    expect(r.summary).toBe(
      'Boot disk: a full copy of default/b2probe-base.img (raw, 21 MB) as web-1-root.img in pool default, grown to 8 GB.',
    );
    const q = resolved(cloud('copy', qcow));
    expect(q.bootDisk).toMatchObject({ format: 'qcow2', volume: 'web-1-root.qcow2' });
  });

  it('copy without growing when the disk is exactly the image', () => {
    const r = resolved({ ...cloud('copy'), bootDisk: { ...bootDisk, sizeBytes: raw.capacityBytes } });
    expect(r.bootDisk.steps.map((s) => s.kind)).toEqual(['create-volume']);
    expect(r.summary).not.toMatch(/grown/);
  });

  it('copy across pools: vol-create-from with the volume XML on stdin; into a block pool as raw, made at full size', () => {
    const r = resolved({
      ...cloud('copy', qcow),
      bootDisk: { ...bootDisk, pool: 'other', path: '/srv/other/web-1-root.qcow2' },
    });
    expect(r.bootDisk.steps.map((s) => s.argv)).toEqual([
      [
        'vol-create-from',
        '--pool',
        'other',
        '--file',
        '/dev/stdin',
        '--inputpool',
        'default',
        '--vol',
        'b2probe-qbase.qcow2',
      ],
      ['vol-resize', '--pool', 'other', '--vol', 'web-1-root.qcow2', '--capacity', '8000000000'],
    ]);
    expect(r.bootDisk.steps[0]?.stdin).toBe(
      '<volume><name>web-1-root.qcow2</name><capacity unit="bytes">8000000000</capacity><target><format type="qcow2"/></target></volume>',
    );
    const b = resolved({
      ...cloud('copy', qcow),
      bootDisk: { ...bootDisk, pool: 'vg0', volume: 'web-1-root', path: '/dev/vg0/web-1-root' },
    });
    expect(b.bootDisk).toMatchObject({ format: 'raw', kind: 'block', volume: 'web-1-root' });
    expect(b.bootDisk.steps.map((s) => s.argv[0])).toEqual(['vol-create-from']);
    expect(b.bootDisk.steps[0]?.stdin).toBe(
      '<volume><name>web-1-root</name><capacity unit="bytes">8000000000</capacity></volume>',
    );
  });

  it('refuses a disk smaller than the image, a pool without room for a copy, and non-disk images', () => {
    const big: VolumeInfo = { ...raw, capacityBytes: 2.2e9 };
    expect(error({ ...cloud('overlay', big), bootDisk: { ...bootDisk, sizeBytes: 2e9 } })).toBe(
      'The image is 2.2 GB; make the root disk at least 3 GB.',
    );
    const tight = pools.map((p) => (p.name === 'default' ? { ...p, availableBytes: 1e9 } : p));
    expect(error({ ...cloud('copy', big), pools: tight })).toBe(
      "Pool default has 1 GB free, but a copy of default/b2probe-base.img needs up to 2.2 GB (LabDeck counts the image's full size).",
    );
    // A hybrid ISO boots as a disk too: used as raw, with a note saying what that takes.
    const r = resolved(cloud('overlay', iso));
    expect(r.bootDisk.steps[0]?.argv.slice(-2)).toEqual(['--backing-vol-format', 'raw']);
    expect(r.notes.join(' ')).toMatch(/used as a raw disk, which boots only if it is a hybrid image/);
    expect(error(cloud('copy', { ...raw, format: 'vmdk' }))).toBe(
      'default/b2probe-base.img is a vmdk image: convert it to qcow2 first (qemu-img convert -O qcow2).',
    );
    expect(error(cloud('copy', vol('dir.xml')))).toBe('default/b2probe-dir is a directory, not an image.');
  });

  it('warns that an overlay base with its own backing file must stay too', () => {
    const r = resolved(cloud('copy', vol('qcow2-overlay.xml')));
    expect(r.notes.join(' ')).toMatch(/is itself an overlay on .*b2probe-base\.img: that file must stay too/);
  });
});

describe('sizes', () => {
  it('the smallest whole GB that holds a size', () => {
    expect([wholeGbAtLeast(2.2e9), wholeGbAtLeast(3e9), wholeGbAtLeast(1)]).toEqual([3, 3, 1]);
  });
});
