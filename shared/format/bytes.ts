/**
 * The one size formatter. Two unit systems, because LabDeck shows both:
 * - 'binary' (KiB, MiB, GiB = 1024³): memory and volumes, as libvirt and `free -h` count them;
 * - 'decimal' (kB, MB, GB = 10⁹): disk sizes in the storage grammar's units, as MAAS counts them.
 */
export type SizeUnits = 'binary' | 'decimal';

const SYSTEMS: Record<SizeUnits, { step: number; names: readonly string[] }> = {
  binary: { step: 1024, names: ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] },
  decimal: { step: 1000, names: ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] },
};

/** "8 GB", "2.2 GB", "21 MB", "15.6 GiB", "512 MiB": one decimal below 100 (none when it is .0), none above. */
export function formatBytes(bytes: number, units: SizeUnits = 'binary'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const { step, names } = SYSTEMS[units];
  let v = bytes;
  let u = 0;
  // Round first, so 1023.96 KiB reads "1 MiB", not "1024 KiB".
  while (u < names.length - 1 && Math.round(v) >= step) {
    v /= step;
    u++;
  }
  const text = u === 0 || v >= 100 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, '');
  return `${text} ${names[u]}`;
}

/** A size libvirt gives in KiB (memory), in binary units. */
export const formatKiB = (kib: number): string => formatBytes(kib * 1024);
