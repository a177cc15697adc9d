import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIso9660, type IsoFile } from './iso9660';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const enc = new TextEncoder();
const DATE = new Date('2026-11-30T15:18:24Z');
const SEED: IsoFile[] = [
  { name: 'user-data', data: enc.encode('#cloud-config\nhostname: vm1\n') },
  { name: 'meta-data', data: enc.encode('instance-id: iid-1\nlocal-hostname: vm1\n') },
  {
    name: 'network-config',
    data: enc.encode(
      'version: 2\nethernets:\n  nic0:\n    match:\n      macaddress: "52:54:00:00:00:01"\n    dhcp4: true\n',
    ),
  },
];
/** Directories over one sector, files over one sector, an empty file, a name with spaces and unicode. */
const MANY: IsoFile[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    name: `a-rather-long-file-name-number-${String(i).padStart(2, '0')}.yaml`,
    data: enc.encode(`file ${i}\n`),
  })),
  { name: 'big.bin', data: new Uint8Array(5000).map((_, i) => i % 251) },
  { name: 'empty', data: new Uint8Array(0) },
  { name: 'Grüße und Leerzeichen.txt', data: enc.encode('hallo\n') },
];

describe('buildIso9660', () => {
  it('is deterministic, sector-aligned and starts with the descriptors', () => {
    const a = buildIso9660({ volumeId: 'cidata', files: SEED, date: DATE });
    expect(buildIso9660({ volumeId: 'cidata', files: SEED, date: DATE })).toEqual(a);
    expect(a.length % 2048).toBe(0);
    const at = (sector: number, off: number, len: number) =>
      String.fromCharCode(...a.subarray(sector * 2048 + off, sector * 2048 + off + len));
    expect([a[16 * 2048], at(16, 1, 5), at(16, 40, 6)]).toEqual([1, 'CD001', 'cidata']);
    expect([a[17 * 2048], at(17, 1, 5), at(17, 88, 3)]).toEqual([2, 'CD001', '%/E']);
    expect([a[18 * 2048], at(18, 1, 5)]).toEqual([255, 'CD001']);
    expect(buildIso9660({ volumeId: 'cidata', files: SEED })).not.toEqual(a);
  });

  it('refuses what no ISO can hold', () => {
    expect(() => buildIso9660({ volumeId: 'a-label-that-is-too-long', files: [] })).toThrow(/volume id/);
    expect(() => buildIso9660({ volumeId: 'cidata', files: [{ name: 'a/b', data: new Uint8Array() }] })).toThrow(
      /Joliet file name/,
    );
    expect(() =>
      buildIso9660({ volumeId: 'cidata', files: [{ name: 'x'.repeat(65), data: new Uint8Array() }] }),
    ).toThrow(/Joliet/);
    expect(() => buildIso9660({ volumeId: 'cidata', files: [{ name: 'key-🔑', data: new Uint8Array() }] })).toThrow(
      /Joliet/,
    );
    expect(
      buildIso9660({ volumeId: 'cidata', files: [{ name: 'ü'.repeat(64), data: new Uint8Array() }] }).length,
    ).toBeGreaterThan(0);
    expect(() =>
      buildIso9660({ volumeId: 'cidata', files: [{ name: '€'.repeat(64), data: new Uint8Array() }] }),
    ).toThrow(/Rock Ridge/);
    expect(() => buildIso9660({ volumeId: 'cidata', files: [{ name: 'a\nb', data: new Uint8Array() }] })).toThrow(
      /Joliet/,
    );
    expect(() => buildIso9660({ volumeId: 'cidata', files: [SEED[0]!, SEED[0]!] })).toThrow(/Two files/);
  });

  it('makes distinct 8.3 names for names that clash', () => {
    const iso = buildIso9660({
      volumeId: 'X',
      files: [
        { name: 'user-data', data: new Uint8Array() },
        { name: 'user_data', data: new Uint8Array() },
      ],
    });
    const text = String.fromCharCode(...iso.subarray(24 * 2048, 25 * 2048));
    expect(text).toContain('USER_DAT.;1');
    expect(text).toContain('USER_DA1.;1');
  });
});

describe.skipIf(!has('isoinfo'))(
  'read back with real tools [needs genisoimage’s isoinfo; blkid, xorriso, isovfy where present]',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'labdeck-iso-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, files: IsoFile[]): string => {
      const file = join(dir, name);
      writeFileSync(file, buildIso9660({ volumeId: 'cidata', files, date: DATE }));
      return file;
    };
    const run = (cmd: string, args: string[], encoding: BufferEncoding = 'utf8'): string => {
      const r = spawnSync(cmd, args, { encoding });
      expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    /** Joliet listing as "name size" lines (isoinfo knows no UTF-8; Latin-1 covers the test's names). */
    const listing = (iso: string): string[] =>
      run('isoinfo', ['-j', 'iso8859-1', '-J', '-l', '-i', iso], 'latin1')
        .split('\n')
        .filter((l) => l.startsWith('-'))
        .map((l) => l.trim().split(/\s+/))
        .map((f) => `${f.slice(11).join(' ')} ${f[4]}`)
        .sort();

    it('isoinfo sees a Joliet volume "cidata" with the exact names and contents', () => {
      const iso = write('seed.iso', SEED);
      const info = run('isoinfo', ['-d', '-i', iso]);
      expect(info).toContain('Volume id: cidata');
      expect(info).toContain('Joliet with UCS level 3 found');
      expect(info).toContain('Rock Ridge signatures version 1 found');
      expect(info).toMatch(/Volume size is: \d+/);
      expect(listing(iso)).toEqual(SEED.map((f) => `${f.name} ${f.data.length}`).sort());
      for (const f of SEED)
        expect(run('isoinfo', ['-J', '-x', `/${f.name}`, '-i', iso])).toBe(new TextDecoder().decode(f.data));
    });

    it('reads back many files, a multi-sector directory, an empty file and a unicode name', () => {
      const iso = write('many.iso', MANY);
      expect(listing(iso)).toEqual(MANY.map((f) => `${f.name} ${f.data.length}`).sort());
      const big = spawnSync('isoinfo', ['-J', '-x', '/big.bin', '-i', iso]);
      expect(new Uint8Array(big.stdout)).toEqual(MANY.find((f) => f.name === 'big.bin')!.data);
      expect(run('isoinfo', ['-J', '-x', '/a-rather-long-file-name-number-39.yaml', '-i', iso])).toBe('file 39\n');
      expect(run('isoinfo', ['-l', '-i', iso])).toContain('A_RATHE1.YAM;1');
    });

    it.skipIf(!has('isovfy'))('isovfy finds no errors', () => {
      for (const iso of [write('seed.iso', SEED), write('many.iso', MANY)])
        expect(run('isovfy', [iso])).toContain('No errors found');
    });

    it.skipIf(!has('blkid'))('blkid -p reports LABEL="cidata", TYPE="iso9660" and Joliet', () => {
      const out = run('blkid', ['-p', write('seed.iso', SEED)]);
      expect(out).toContain('LABEL="cidata"');
      expect(out).toContain('TYPE="iso9660"');
      expect(out).toContain('VERSION="Joliet Extension"');
      expect(out).toContain('UUID="2026-11-30-15-18-24-00"');
    });

    it.skipIf(!has('xorriso'))(
      'xorriso reads the Rock Ridge names and modes without complaint, and extracts the files',
      () => {
        const iso = write('many.iso', MANY);
        const ls = spawnSync('xorriso', ['-indev', iso, '-lsl', '/'], { encoding: 'utf8' });
        expect(ls.status, ls.stderr).toBe(0);
        expect(ls.stderr).not.toMatch(/WARNING|SORRY|FAILURE/);
        for (const f of MANY)
          expect(ls.stdout).toMatch(new RegExp(`^-r--r--r-- +1 0 +0 +${f.data.length} .* '${f.name}'$`, 'm'));
        const out = join(dir, 'extracted');
        const x = spawnSync('xorriso', ['-osirrox', 'on', '-indev', iso, '-extract', '/', out], { encoding: 'utf8' });
        expect(x.status, x.stderr).toBe(0);
        for (const f of MANY) expect(new Uint8Array(readFileSync(join(out, f.name)))).toEqual(f.data);
      },
    );

    it.skipIf(!has('genisoimage'))(
      'matches genisoimage -V cidata -J -r in label, Joliet and Rock Ridge names, modes and sizes',
      () => {
        const src = join(dir, 'src');
        mkdirSync(src);
        for (const f of SEED) writeFileSync(join(src, f.name), f.data);
        const theirs = join(dir, 'theirs.iso');
        run('genisoimage', ['-quiet', '-o', theirs, '-V', 'cidata', '-J', '-r', src]);
        const ours = write('seed.iso', SEED);
        expect(listing(ours)).toEqual(listing(theirs));
        // mode, links, uid, gid, size, name: everything but dates and extents
        const rock = (iso: string) =>
          run('isoinfo', ['-R', '-l', '-i', iso])
            .split('\n')
            .filter((l) => /^[-d]/.test(l))
            .map((l) => {
              const f = l.trim().split(/\s+/);
              return [...f.slice(0, 5), f.at(-1)].join(' ');
            })
            .sort();
        expect(rock(ours)).toEqual(rock(theirs));
        expect(rock(ours)).toContain('-r--r--r-- 1 0 0 39 meta-data');
        for (const f of SEED)
          expect(run('isoinfo', ['-R', '-x', `/${f.name}`, '-i', ours])).toBe(new TextDecoder().decode(f.data));
        const primary = (iso: string) =>
          run('isoinfo', ['-l', '-i', iso])
            .split('\n')
            .filter((l) => l.startsWith('-'))
            .map((l) => l.trim().split(/\s+/).pop())
            .sort();
        expect(primary(ours)).toEqual(primary(theirs));
        if (has('blkid')) {
          const label = (iso: string) => run('blkid', ['-p', '-s', 'LABEL', '-o', 'value', iso]);
          expect(label(ours)).toBe(label(theirs));
        }
      },
    );
  },
);
