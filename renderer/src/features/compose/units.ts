/** Decimal GB, as the storage grammar counts (MAAS multiplies by 1000³). */
export function gbText(bytes: number): string {
  const gb = bytes / 1e9;
  if (gb >= 100) return `${gb.toFixed(0)} GB`;
  if (gb >= 1) return `${gb.toFixed(1)} GB`;
  // Tiny lab disks: show MB rather than "0.0 GB".
  return `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB`;
}

export function mibText(kib: number): string {
  const gib = kib / (1024 * 1024);
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${Math.round(kib / 1024)} MiB`;
}
