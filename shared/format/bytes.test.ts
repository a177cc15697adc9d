import { describe, expect, it } from 'vitest';
import { formatBytes, formatKiB } from './bytes';

describe('formatBytes', () => {
  it('binary units by default: one decimal below 100, none when .0, none above', () => {
    expect([0, 500, 1024, 1536, 15.6 * 1024 ** 3, 150 * 1024 ** 3, 2 * 1024 ** 4].map((b) => formatBytes(b))).toEqual([
      '0 B',
      '500 B',
      '1 KiB',
      '1.5 KiB',
      '15.6 GiB',
      '150 GiB',
      '2 TiB',
    ]);
  });

  it('decimal units, as the storage grammar counts', () => {
    expect([8e9, 2.2e9, 20971520, 500, 1.5e12, 1e7].map((b) => formatBytes(b, 'decimal'))).toEqual([
      '8 GB',
      '2.2 GB',
      '21 MB',
      '500 B',
      '1.5 TB',
      '10 MB',
    ]);
  });

  it('moves to the next unit when the rounded value reaches it', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MiB');
    expect(formatBytes(999.7e6, 'decimal')).toBe('1 GB');
    expect(formatBytes(99.96e6, 'decimal')).toBe('100 MB');
  });

  it('a dash for what is not a size', () => {
    expect([NaN, -1, Infinity].map((b) => formatBytes(b))).toEqual(['—', '—', '—']);
  });

  it('formatKiB reads libvirt memory', () => {
    expect([512 * 1024, 2 * 1024 * 1024, 16318888].map(formatKiB)).toEqual(['512 MiB', '2 GiB', '15.6 GiB']);
  });
});
