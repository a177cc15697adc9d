const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Binary units, as libvirt and `free -h` show them; one decimal below 10, none above. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 || v >= 10 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[u]}`;
}

export const formatKiB = (kib: number): string => formatBytes(kib * 1024);

/** 0–100, safe against a zero total. */
export const percent = (part: number, total: number): number => (total > 0 ? Math.min(100, Math.max(0, (part / total) * 100)) : 0);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "10.0.0.1/24" for an interface or network address. */
export const cidrOf = (a: { address: string; prefixLen: number }): string => `${a.address}/${a.prefixLen}`;
