import { formatBytes, formatKiB } from '../../../shared/format/bytes';

// Sizes have one formatter, shared with the engine's messages: binary for memory and volumes, decimal
// (formatBytes(n, 'decimal')) for disk sizes in the storage grammar's GB.
export { formatBytes, formatKiB };

/** 0–100, safe against a zero total. */
export const percent = (part: number, total: number): number =>
  total > 0 ? Math.min(100, Math.max(0, (part / total) * 100)) : 0;

/** "10.0.0.1/24" for an interface or network address. */
export const cidrOf = (a: { address: string; prefixLen: number }): string => `${a.address}/${a.prefixLen}`;
