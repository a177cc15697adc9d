import { err, ok, positioned, type PositionedError, type Result } from '../result';
import { formatBytes } from '../../format/bytes';
import { bytesToGbText } from './serialize';
import type { StorageDisk } from './types';

/** A pool as the resolver needs it; availableBytes (when known) lets it check for room. */
export interface PoolInfo {
  name: string;
  availableBytes?: number;
  active?: boolean;
}

export interface ResolvedDisk extends StorageDisk {
  pool: string;
  /** Why this pool, in a sentence. */
  reason: string;
}

/** A disk's size as the storage grammar writes it ("99999 GB" for root:99999), so the message quotes the input. */
const diskText = (bytes: number): string => `${bytesToGbText(bytes)} GB`;

/**
 * Picks a storage pool for every disk, as MAAS's virsh driver did: a tag that equals a pool's
 * name selects that pool (the first such pool in the host's list that has room); otherwise the
 * pod's default pool; with no default, the first pool with room. Space is counted across the
 * disks of this request when `availableBytes` is known.
 */
export function resolveStoragePools(
  disks: readonly StorageDisk[],
  pools: readonly (string | PoolInfo)[],
  defaultPool?: string | null,
): Result<ResolvedDisk[], PositionedError> {
  const infos: PoolInfo[] = pools.map((p) => (typeof p === 'string' ? { name: p } : p));
  const names = infos.map((p) => p.name);
  if (infos.length === 0) {
    return err(
      positioned(disks[0]?.position ?? 0, 'this host has no storage pools — define one (virsh pool-define-as) first'),
    );
  }
  const used = new Map<string, number>();
  const room = (p: PoolInfo, bytes: number) =>
    p.availableBytes === undefined || (used.get(p.name) ?? 0) + bytes <= p.availableBytes;
  const take = (p: PoolInfo, bytes: number) => used.set(p.name, (used.get(p.name) ?? 0) + bytes);
  const out: ResolvedDisk[] = [];

  for (const disk of disks) {
    const tagged = infos.filter((p) => disk.tags.includes(p.name));
    let chosen: PoolInfo | undefined;
    let reason: string;
    if (tagged.length > 0) {
      chosen = tagged.find((p) => room(p, disk.sizeBytes));
      if (!chosen) {
        return err(
          positioned(
            disk.position,
            `not enough space for ${disk.name} (${diskText(disk.sizeBytes)}) in ${tagged.map((p) => `${p.name} (${formatBytes(Math.max(0, (p.availableBytes ?? 0) - (used.get(p.name) ?? 0)), 'decimal')} free)`).join(', ')}`,
          ),
        );
      }
      reason = `tag '${chosen.name}' names a storage pool`;
    } else if (defaultPool) {
      chosen = infos.find((p) => p.name === defaultPool);
      if (!chosen) {
        return err(
          positioned(
            disk.position,
            `the default storage pool '${defaultPool}' does not exist on this host (pools: ${names.join(', ')})`,
          ),
        );
      }
      if (!room(chosen, disk.sizeBytes)) {
        return err(
          positioned(
            disk.position,
            `not enough space for ${disk.name} (${diskText(disk.sizeBytes)}) in the default pool ${chosen.name} (${formatBytes(Math.max(0, (chosen.availableBytes ?? 0) - (used.get(chosen.name) ?? 0)), 'decimal')} free) — tag the disk with another pool's name`,
          ),
        );
      }
      reason =
        disk.tags.length > 0
          ? `no tag (${disk.tags.join(', ')}) names a pool, so the default pool '${chosen.name}'`
          : `no tags, so the default pool '${chosen.name}'`;
    } else {
      chosen = infos.find((p) => room(p, disk.sizeBytes));
      if (!chosen) {
        return err(positioned(disk.position, `no storage pool has ${diskText(disk.sizeBytes)} free for ${disk.name}`));
      }
      reason = `no tag names a pool and no default pool is set, so the first pool with room, '${chosen.name}'`;
    }
    take(chosen, disk.sizeBytes);
    if (chosen.active === false) reason += ` (note: pool '${chosen.name}' is not active — start it first)`;
    out.push({ ...disk, pool: chosen.name, reason });
  }
  return ok(out);
}
