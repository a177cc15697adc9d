import { formatBytes } from '../../../../shared/format/bytes';

export { formatBytes };

export const formatKiB = (kib: number): string => formatBytes(kib * 1024);

/** 0–100, safe against a zero total. */
export const percent = (part: number, total: number): number => (total > 0 ? Math.min(100, Math.max(0, (part / total) * 100)) : 0);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "10.0.0.1/24" for an interface or network address. */
export const cidrOf = (a: { address: string; prefixLen: number }): string => `${a.address}/${a.prefixLen}`;
