import type { StorageDisk } from './types';

/** Exact decimal GB text for a byte count: 8000000000 → "8", 1500000000 → "1.5". */
export function bytesToGbText(bytes: number): string {
  const b = BigInt(Math.trunc(bytes));
  const whole = b / 1_000_000_000n;
  const frac = (b % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return frac === '' ? whole.toString() : `${whole.toString()}.${frac}`;
}

/** Writes disks back as `[label:]size[(tag,…)]`, comma-separated; parses back to the same disks. */
export function serializeStorage(disks: readonly Pick<StorageDisk, 'label' | 'sizeBytes' | 'tags'>[]): string {
  return disks
    .map((d) => {
      const tags = d.tags.length > 0 ? `(${d.tags.join(',')})` : '';
      return `${d.label !== null ? `${d.label}:` : ''}${bytesToGbText(d.sizeBytes)}${tags}`;
    })
    .join(',');
}
