import { describe, expect, it } from 'vitest';
import { parseStorage } from './parse';
import { resolveStoragePools } from './pools';

const req = (text: string) => {
  const r = parseStorage(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('resolveStoragePools', () => {
  it('uses a tag that names a pool, else the default pool', () => {
    const r = resolveStoragePools(req('root:8(local),data:20(fast,ssd)'), ['default', 'ssd', 'fast'], 'default');
    expect(r.ok && r.value.map((d) => [d.name, d.pool])).toEqual([
      ['root', 'default'],
      ['data', 'ssd'],
    ]);
    expect(r.ok && r.value[0]?.reason).toBe("no tag (local) names a pool, so the default pool 'default'");
    expect(r.ok && r.value[1]?.reason).toBe("tag 'ssd' names a storage pool");
  });

  it('picks the first tagged pool, in the host’s pool order, that has room', () => {
    const r = resolveStoragePools(
      req('50(fast,ssd)'),
      [
        { name: 'ssd', availableBytes: 10e9 },
        { name: 'fast', availableBytes: 100e9 },
      ],
      'default',
    );
    expect(r.ok && r.value[0]?.pool).toBe('fast');
  });

  it('counts space across the disks of one request', () => {
    const r = resolveStoragePools(req('a:6,b:6'), [{ name: 'p', availableBytes: 10e9 }], 'p');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(
      /position 4: not enough space for b \(6 GB\) in the default pool p \(4 GB free\)/,
    );
  });

  it('fails plainly when the default pool is missing or there are no pools', () => {
    const missing = resolveStoragePools(req('8'), ['images'], 'default');
    expect(!missing.ok && missing.error.message).toBe(
      "position 0: the default storage pool 'default' does not exist on this host (pools: images)",
    );
    const none = resolveStoragePools(req('8'), [], 'default');
    expect(!none.ok && none.error.message).toMatch(/no storage pools/);
  });

  it('without a default pool uses the first pool with room', () => {
    const r = resolveStoragePools(req('8'), [{ name: 'small', availableBytes: 1e9 }, { name: 'big' }], null);
    expect(r.ok && r.value[0]?.pool).toBe('big');
  });

  it('notes an inactive pool', () => {
    const r = resolveStoragePools(req('8'), [{ name: 'p', active: false }], 'p');
    expect(r.ok && r.value[0]?.reason).toMatch(/not active/);
  });
});
