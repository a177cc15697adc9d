import type { InstallSourceParsed } from '../../contract/compose';
import type { VolumeInfo } from '../../snapshot/parse-vol-xml';
import { virsh } from '../../virsh';
import type { ComposeStep } from '../commands';
import type { BootDevice } from '../domain-xml/build';
import { xmlBuilder } from '../domain-xml/xml';
import { err, ok, type Result } from '../result';
import { formatBytes } from '../../format/bytes';
import { wholeGbAtLeast } from './sizes';
import { createVolumeStep, deleteVolumeCall as deleteCall, FILE_POOL_TYPES } from './volume-steps';

export type InstallKind = 'network' | 'none' | 'iso' | 'cloud-image';

/** A pool as the snapshot knows it. */
export interface InstallPool {
  name: string;
  /** libvirt pool type: 'dir', 'fs', 'netfs' hold files; 'logical', 'zfs', 'disk' … block devices. */
  type: string;
  active?: boolean;
  availableBytes?: number;
  targetPath?: string;
  /** Its volumes' names, to say what it does hold when a name is wrong. */
  volumes?: readonly string[];
}

/** The boot disk as the storage resolution placed it (the first disk of the storage grammar). */
export interface BootDiskInput {
  /** The grammar's label ('root'), for messages. */
  name: string;
  sizeBytes: number;
  pool: string;
  /** The volume compose would create (volumeName()) and its path in the pool. */
  volume: string;
  path: string;
}

export interface InstallInput {
  /** The request's install source; undefined = network boot. */
  source?: InstallSourceParsed;
  bootDisk: BootDiskInput;
  /** `virsh vol-dumpxml` of the ISO / base image, parsed (parseVolumeXml); absent when not read. */
  sourceVolume?: VolumeInfo;
  pools: readonly InstallPool[];
  /** Whether a cloud-init seed will be attached (only cloud images read one). */
  seed?: boolean;
}

/** How the boot disk comes to be, with the exact calls (each creating one has its vol-delete rollback). */
export interface BootDiskPlan {
  how: 'create' | 'overlay' | 'copy';
  pool: string;
  volume: string;
  path: string;
  /** The format the domain XML must name: qcow2 for an overlay, the source's for a clone. */
  format: string;
  kind: 'file' | 'block';
  sizeBytes: number;
  steps: ComposeStep[];
}

export interface ResolvedInstall {
  kind: InstallKind;
  /** One sentence for the review screen. */
  summary: string;
  bootOrder: BootDevice[];
  /** The ISO or base image. */
  source?: { pool: string; volume: string; path: string; format: string; capacityBytes: number };
  /** The ISO, attached read-only as the first CD-ROM from where it lies: never copied, never deleted. */
  cdrom?: { path: string; kind: 'file' | 'block' };
  bootDisk: BootDiskPlan;
  /** What LabDeck assumed and what the admin should know (the base must stay …). */
  notes: string[];
}

/** Free space an overlay is asked for: it starts at ~200 kB and grows only as the guest writes. */
export const OVERLAY_MIN_FREE_BYTES = 64 * 1024 * 1024;
const DISK_FORMATS = new Set(['raw', 'qcow2']);

/**
 * Resolves an install source against the host: checks the ISO or base image and the pools, and
 * says how the boot disk is made. Changes nothing; every refusal is a sentence the admin can act on.
 */
export function resolveInstall(input: InstallInput): Result<ResolvedInstall, string> {
  const { bootDisk: disk } = input;
  const src = input.source ?? { kind: 'network' as const };
  const pool = input.pools.find((p) => p.name === disk.pool);
  if (!pool) return err(`Storage pool ${disk.pool} for the ${disk.name} disk is not on this host.`);
  if (input.seed && src.kind !== 'cloud-image') {
    return err(
      'A cloud-init seed is only read by a cloud image: choose a cloud-image install or leave cloud-init out.',
    );
  }
  const fileBased = FILE_POOL_TYPES.has(pool.type);
  const kind = fileBased ? ('file' as const) : ('block' as const);
  const size = formatBytes(disk.sizeBytes, 'decimal');
  const where = `${disk.volume} in pool ${disk.pool}`;
  const created = (): BootDiskPlan => ({
    how: 'create',
    pool: disk.pool,
    volume: disk.volume,
    path: disk.path,
    format: fileBased ? 'qcow2' : 'raw',
    kind,
    sizeBytes: disk.sizeBytes,
    steps: [createVolumeStep(disk.pool, disk.volume, disk.sizeBytes, fileBased, `the boot disk ${disk.name}`)],
  });

  if (src.kind === 'network') {
    return ok({
      kind: 'network',
      summary: `Network boot (PXE) first, then the empty ${size} boot disk ${where}.`,
      bootOrder: ['network', 'disk'],
      bootDisk: created(),
      notes: [],
    });
  }
  if (src.kind === 'none') {
    return ok({
      kind: 'none',
      summary: `No installer: the VM boots from its empty ${size} disk ${where}; put an OS on it yourself.`,
      bootOrder: ['disk'],
      bootDisk: created(),
      notes: [],
    });
  }

  // iso and cloud-image: the source volume.
  const srcPool = input.pools.find((p) => p.name === src.pool);
  if (!srcPool)
    return err(
      `There is no storage pool ${src.pool} on this host (pools: ${input.pools.map((p) => p.name).join(', ') || 'none'}).`,
    );
  if (srcPool.active === false)
    return err(
      `Storage pool ${src.pool} is not active, so its volumes cannot be used: start it (virsh pool-start ${src.pool}).`,
    );
  const vol = input.sourceVolume;
  if (!vol || vol.name !== src.volume) {
    const has = srcPool.volumes;
    if (has && !has.includes(src.volume)) {
      return err(
        `Pool ${src.pool} has no volume ${src.volume}; it has: ${has.length > 0 ? has.join(', ') : 'no volumes at all'}.`,
      );
    }
    return err(
      `Could not read volume ${src.volume} in pool ${src.pool} (vol-dumpxml): refresh the host and try again.`,
    );
  }
  const source = {
    pool: src.pool,
    volume: vol.name,
    path: vol.path,
    format: vol.format,
    capacityBytes: vol.capacityBytes,
  };
  const facts = `${src.pool}/${vol.name} (${vol.format}, ${formatBytes(vol.capacityBytes, 'decimal')})`;
  if (vol.type === 'dir' || vol.format === 'dir') return err(`${src.pool}/${vol.name} is a directory, not an image.`);

  if (src.kind === 'iso') {
    if (vol.format === 'qcow2')
      return err(`${src.pool}/${vol.name} is a qcow2 disk image, not an ISO: install it as a cloud image instead.`);
    if (vol.format !== 'iso' && vol.format !== 'raw')
      return err(`${src.pool}/${vol.name} is a ${vol.format} image, not an ISO (iso or raw).`);
    return ok({
      kind: 'iso',
      summary: `Boots the installer ${facts} from a read-only CD-ROM, then the empty ${size} disk ${where}.`,
      bootOrder: ['cdrom', 'disk'],
      source,
      cdrom: { path: vol.path, kind: vol.type === 'block' ? 'block' : 'file' },
      bootDisk: created(),
      notes: [
        'The ISO is attached where it lies and never copied or deleted; eject it (virsh change-media) once the OS is installed.',
      ],
    });
  }

  // cloud-image. libvirt calls any file holding an ISO 9660 filesystem 'iso'; a hybrid image
  // (grub-mkrescue's, most live and installer ISOs) also boots as a disk, so it is used as raw bytes.
  const baseFormat = vol.format === 'iso' ? 'raw' : vol.format;
  if (!DISK_FORMATS.has(baseFormat)) {
    return err(
      `${src.pool}/${vol.name} is a ${vol.format} image: convert it to qcow2 first (qemu-img convert -O qcow2).`,
    );
  }
  if (disk.sizeBytes < vol.capacityBytes) {
    return err(
      `The image is ${formatBytes(vol.capacityBytes, 'decimal')}; make the ${disk.name} disk at least ${wholeGbAtLeast(vol.capacityBytes)} GB.`,
    );
  }
  const notes: string[] = [];
  if (vol.format === 'iso') {
    notes.push(
      `libvirt sees an ISO 9660 filesystem in ${src.pool}/${vol.name}: it is used as a raw disk, which boots only if it is a hybrid image; an installer ISO that is not hybrid belongs on the ISO install.`,
    );
  }
  if (vol.backingStore)
    notes.push(`${src.pool}/${vol.name} is itself an overlay on ${vol.backingStore.path}: that file must stay too.`);
  const grown = disk.sizeBytes > vol.capacityBytes ? `, grown to ${size}` : '';
  const seedPart = input.seed ? ', set up by a cloud-init seed on a second CD-ROM' : '';
  const free = pool.availableBytes;

  if (src.clone === 'overlay') {
    if (!fileBased) {
      return err(
        `Pool ${pool.name} is a ${pool.type} (block) pool: a qcow2 overlay needs a file pool (dir, fs, netfs). Put the ${disk.name} disk in a file pool, or make a full copy instead.`,
      );
    }
    if (free !== undefined && free < OVERLAY_MIN_FREE_BYTES) {
      return err(
        `Pool ${pool.name} has ${formatBytes(free, 'decimal')} free; LabDeck wants at least ${formatBytes(OVERLAY_MIN_FREE_BYTES, 'decimal')} for an overlay (it starts tiny and grows as the guest writes).`,
      );
    }
    notes.push(
      `The overlay starts at well under 1 MB and grows as the guest writes (LabDeck asks for ${formatBytes(OVERLAY_MIN_FREE_BYTES, 'decimal')} free).`,
      `${src.pool}/${vol.name} must stay, unchanged, as long as this VM exists: the overlay reads from it.`,
    );
    return ok({
      kind: 'cloud-image',
      summary: `Boot disk: a qcow2 overlay on ${facts}${grown}${seedPart}.`,
      bootOrder: ['disk'],
      source,
      bootDisk: {
        how: 'overlay',
        pool: disk.pool,
        volume: disk.volume,
        path: disk.path,
        format: 'qcow2',
        kind: 'file',
        sizeBytes: disk.sizeBytes,
        steps: [
          {
            kind: 'create-volume',
            // libvirt takes a raw base too, and --capacity sets the overlay's own size (checked on libvirt 9.0).
            argv: virsh.volume.createAs({
              pool: disk.pool,
              name: disk.volume,
              capacity: String(disk.sizeBytes),
              format: 'qcow2',
              backingVol: vol.path,
              backingVolFormat: baseFormat,
            }),
            description: `Create the boot disk ${disk.volume} (${size}) in pool ${disk.pool} as a qcow2 overlay on ${src.pool}/${vol.name}.`,
            rollback: deleteCall(disk.pool, disk.volume),
          },
        ],
      },
      notes,
    });
  }

  // A full copy: the image's whole size, whatever the guest later writes.
  if (free !== undefined && free < vol.capacityBytes) {
    return err(
      `Pool ${pool.name} has ${formatBytes(free, 'decimal')} free, but a copy of ${src.pool}/${vol.name} needs up to ${formatBytes(vol.capacityBytes, 'decimal')} (LabDeck counts the image's full size).`,
    );
  }
  notes.push(
    `A copy takes up to the image's full size (${formatBytes(vol.capacityBytes, 'decimal')}) at once; ${src.pool}/${vol.name} is not needed afterwards${vol.backingStore ? ' (but its own backing file is)' : ''}.`,
  );
  // In a file pool the copy keeps the image's format (vol-clone copies as is); a block pool holds raw.
  const format = fileBased ? baseFormat : 'raw';
  const volume = fileBased && format === 'raw' ? disk.volume.replace(/\.qcow2$/, '.img') : disk.volume;
  const path = volume === disk.volume ? disk.path : disk.path.replace(/\.qcow2$/, '.img');
  const steps: ComposeStep[] = [];
  const samePool = src.pool === disk.pool;
  if (samePool && fileBased) {
    steps.push({
      kind: 'create-volume',
      argv: virsh.volume.clone({ pool: src.pool, vol: vol.name }, volume),
      description: `Copy ${src.pool}/${vol.name} to ${volume} as the boot disk.`,
      rollback: deleteCall(disk.pool, volume),
    });
  } else {
    // vol-clone stays in its pool; vol-create-from copies across pools (qemu-img convert into the new volume).
    const volXml = xmlBuilder(false).build({
      volume: {
        name: volume,
        capacity: { '@_unit': 'bytes', '#text': disk.sizeBytes },
        ...(fileBased ? { target: { format: { '@_type': format } } } : {}),
      },
    });
    steps.push({
      kind: 'create-volume',
      argv: virsh.volume.createFrom(disk.pool, '/dev/stdin', { pool: src.pool, vol: vol.name }),
      stdin: volXml,
      description: `Copy ${src.pool}/${vol.name} into pool ${disk.pool} as ${volume}, the boot disk.`,
      rollback: deleteCall(disk.pool, volume),
    });
  }
  // vol-clone keeps the image's size and vol-create-from into qcow2 does too, so grow it here;
  // a block volume was made at full size already.
  if (fileBased && disk.sizeBytes > vol.capacityBytes) {
    steps.push({
      kind: 'resize-volume',
      argv: virsh.volume.resize({ pool: disk.pool, vol: volume }, String(disk.sizeBytes)),
      description: `Grow ${volume} from ${formatBytes(vol.capacityBytes, 'decimal')} to ${size}.`,
      rollback: null,
    });
  }
  return ok({
    kind: 'cloud-image',
    summary: `Boot disk: a full copy of ${facts} as ${volume} in pool ${disk.pool}${grown}${seedPart}.`,
    bootOrder: ['disk'],
    source,
    bootDisk: { how: 'copy', pool: disk.pool, volume, path, format, kind, sizeBytes: disk.sizeBytes, steps },
    notes,
  });
}
