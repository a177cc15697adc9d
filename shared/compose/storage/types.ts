/** One disk of a storage request such as `root:8(local),data:100(ssd)`. */
export interface StorageDisk {
  /** The label typed before ':', or null when none was given. */
  label: string | null;
  /** The label, or `disk<index>` when none was given: unique within the request. */
  name: string;
  /** Size in GB as typed (decimal GB: MAAS multiplies by 1000³). */
  sizeGB: number;
  /** Exact bytes: the typed decimal times 10⁹, truncated (as MAAS's int(float(size) * 1000**3)). */
  sizeBytes: number;
  /** Tags in the order typed; a tag equal to a storage pool's name picks that pool. */
  tags: string[];
  /** 0-based index of the disk's first character in the text. */
  position: number;
  /** The first disk is the one the VM boots from. */
  boot: boolean;
}

/** What MAAS composed when no storage was given. */
export const DEFAULT_STORAGE = 'root:8(local)';
