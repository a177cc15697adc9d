import type { ComposeStep, VirshCall } from '../commands';
import { virsh } from '../../virsh';
import { formatBytes } from '../../format/bytes';

/** Pool types whose volumes are files (qcow2 possible); the others hold block devices (raw only). */
export const FILE_POOL_TYPES: ReadonlySet<string> = new Set(['dir', 'fs', 'netfs', 'gluster']);

export const deleteVolumeCall = (pool: string, volume: string): VirshCall => ({
  argv: virsh.volume.delete({ pool, vol: volume }),
  description: `Delete volume ${volume} from pool ${pool}.`,
});

/** `vol-create-as` for an empty disk: qcow2 in file pools, raw (the LV/zvol itself) in block pools. */
export function createVolumeStep(
  pool: string,
  volume: string,
  sizeBytes: number,
  fileBased: boolean,
  what: string,
): ComposeStep {
  return {
    kind: 'create-volume',
    argv: virsh.volume.createAs({
      pool,
      name: volume,
      capacity: String(sizeBytes),
      ...(fileBased ? { format: 'qcow2' } : {}),
    }),
    description: `Create ${what} (${formatBytes(sizeBytes, 'decimal')}) as ${volume} in pool ${pool}.`,
    rollback: deleteVolumeCall(pool, volume),
  };
}
