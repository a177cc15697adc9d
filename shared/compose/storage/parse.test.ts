import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gbTextToBytes, parseStorage } from './parse';
import { serializeStorage } from './serialize';

function disks(text: string) {
  const r = parseStorage(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
function failure(text: string) {
  const r = parseStorage(text);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.error;
}

describe('parseStorage', () => {
  it('defaults to root:8(local) for empty text', () => {
    expect(disks('')).toEqual([
      { label: 'root', name: 'root', sizeGB: 8, sizeBytes: 8_000_000_000, tags: ['local'], position: 0, boot: true },
    ]);
    expect(disks('  ')[0]?.name).toBe('root');
  });

  it('parses MAAS’s own examples', () => {
    const a = disks('200(ssd,removable),400(ssd),300');
    expect(a.map((d) => [d.name, d.sizeGB, d.tags, d.boot])).toEqual([
      ['disk0', 200, ['ssd', 'removable'], true],
      ['disk1', 400, ['ssd'], false],
      ['disk2', 300, [], false],
    ]);
    const b = disks('root:80(ssd),data:400');
    expect(b.map((d) => [d.label, d.sizeBytes, d.position])).toEqual([
      ['root', 80e9, 0],
      ['data', 400e9, 13],
    ]);
  });

  it('accepts decimal sizes as MAAS (float GB, 1000³ bytes)', () => {
    expect(disks('1.5')[0]?.sizeBytes).toBe(1_500_000_000);
    expect(disks('0.3')[0]?.sizeBytes).toBe(300_000_000);
    expect(disks('.5')[0]?.sizeBytes).toBe(500_000_000);
    expect(disks('8.')[0]?.sizeBytes).toBe(8e9);
    expect(gbTextToBytes('1.0000000019')).toBe(1_000_000_001);
  });

  it('trims surrounding whitespace and keeps positions in the original text', () => {
    expect(disks('  a:1,b:2')[1]?.position).toBe(6);
    expect(failure('  a:1,b:x').position).toBe(8);
  });

  it('trims spaces inside tag lists', () => {
    expect(disks('8(local, ssd)')[0]?.tags).toEqual(['local', 'ssd']);
  });

  it.each([
    ['root:', 5, /size in GB is missing after 'root:'/],
    ['root:abc', 5, /expected a size in GB but found 'a'/],
    ['my-disk:8', 2, /contains '-'/],
    [':8', 0, /label is missing/],
    ['8,', 2, /trailing comma/],
    ['8, 9', 2, /expected a size in GB but found a space/],
    ['8 ,9', 1, /unexpected a space after disk 1/],
    ['8(ssd', 1, /not closed/],
    ['8(ssd,)', 6, /empty tag/],
    ['8()', 2, /empty tag/],
    ['8)', 1, /unexpected '\)'/],
    ['1.2.3', 3, /unexpected '\.'/],
    ['0', 0, /larger than 0 GB/],
    ['a:1,a:2', 4, /'a' is used twice/],
    ['disk1:1,2', 8, /automatic name/],
  ])('rejects %j at %i', (text, position, message) => {
    const e = failure(text);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`position ${position}: `)).toBe(true);
  });

  it('round-trips through serializeStorage (fast-check)', () => {
    const arbDisk = fc.record({
      label: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { nil: null }),
      sizeBytes: fc.integer({ min: 1, max: 10_000_000_000_000 }),
      tags: fc.array(fc.stringMatching(/^[a-z0-9_.-]{1,8}$/), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arbDisk, { minLength: 1, maxLength: 5 }), (input) => {
        const labels = input.map((d) => d.label).filter((l) => l !== null);
        fc.pre(new Set(labels).size === labels.length && !labels.some((l) => /^disk[0-9]+$/.test(l)));
        const r = parseStorage(serializeStorage(input));
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value.map((d) => ({ label: d.label, sizeBytes: d.sizeBytes, tags: d.tags }))).toEqual(input);
          expect(r.value.filter((d) => d.boot)).toHaveLength(1);
          expect(serializeStorage(r.value)).toBe(serializeStorage(input));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseStorage(s);
        if (!r.ok) expect(r.error.position).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 500 },
    );
  });
});
