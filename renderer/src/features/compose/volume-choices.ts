import type { StoragePool, StorageVolume } from '../../../../shared/snapshot/types';

export type VolumeChoice = { pool: string; volume: StorageVolume; likely: boolean };

const looksLike = {
  iso: /\.iso$/i,
  image: /\.(img|qcow2|raw)$/i,
};

/**
 * Every volume of the pod's active pools, the ones whose names look like `what` first (then by pool
 * and name): an ISO is usually called *.iso, a cloud image *.img or *.qcow2, but any volume may be one.
 */
export function volumeChoices(pools: readonly StoragePool[], what: 'iso' | 'image'): VolumeChoice[] {
  const out: VolumeChoice[] = [];
  for (const p of pools) {
    if (!p.active) continue;
    for (const v of p.volumes)
      if (v.type !== 'dir') out.push({ pool: p.name, volume: v, likely: looksLike[what].test(v.name) });
  }
  return out.sort(
    (a, b) =>
      Number(b.likely) - Number(a.likely) || a.pool.localeCompare(b.pool) || a.volume.name.localeCompare(b.volume.name),
  );
}

export const volumeKey = (pool: string, volume: string): string => `${pool}/${volume}`;

/** The pool and volume a key stands for (pool names hold no slash; volume names may not either). */
export function splitVolumeKey(key: string): { pool: string; volume: string } {
  const i = key.indexOf('/');
  return i < 0 ? { pool: '', volume: '' } : { pool: key.slice(0, i), volume: key.slice(i + 1) };
}
