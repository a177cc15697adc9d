/** Sizes as a lab admin reads them, in the storage grammar's decimal units (GB = 10⁹ bytes). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [[1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];
  for (const [per, unit] of units) {
    if (bytes >= per) {
      const v = bytes / per;
      return `${v >= 100 ? Math.round(v) : Number(v.toFixed(1))} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/** The smallest whole number of GB that holds `bytes` (what to type in the storage grammar). */
export const wholeGbAtLeast = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1e9));
