import { flag, option, type VirshArgs } from './argv';

/** Storage pool commands. */
export const pool = {
  build: (name: string): VirshArgs => ['pool-build', '--pool', name],
  dumpxml: (name: string, o: { inactive?: boolean } = {}): VirshArgs => [
    'pool-dumpxml',
    '--pool',
    name,
    ...flag('--inactive', o.inactive),
  ],
  list: (o: { all?: boolean; autostart?: boolean; persistent?: boolean; uuid?: boolean } = {}): VirshArgs => [
    'pool-list',
    ...flag('--all', o.all),
    ...flag('--autostart', o.autostart),
    ...flag('--persistent', o.persistent),
    ...flag('--uuid', o.uuid),
  ],
};

/** A volume in a pool. */
export type VolumeRef = { pool: string; vol: string };

/** Storage volume commands. */
export const volume = {
  createAs: (v: {
    pool: string;
    name: string;
    capacity: string;
    format?: string;
    backingVol?: string;
    backingVolFormat?: string;
  }): VirshArgs => [
    'vol-create-as',
    '--pool',
    v.pool,
    '--name',
    v.name,
    '--capacity',
    v.capacity,
    ...option('--format', v.format),
    ...option('--backing-vol', v.backingVol),
    ...option('--backing-vol-format', v.backingVolFormat),
  ],
  /** A copy of `v` in its own pool, named `newname`. */
  clone: (v: VolumeRef, newname: string): VirshArgs => [
    'vol-clone',
    '--pool',
    v.pool,
    '--vol',
    v.vol,
    '--newname',
    newname,
  ],
  /** A new volume in `pool`, described by the XML in `file`, with the content of `from`. */
  createFrom: (pool: string, file: string, from: VolumeRef): VirshArgs => [
    'vol-create-from',
    '--pool',
    pool,
    '--file',
    file,
    '--inputpool',
    from.pool,
    '--vol',
    from.vol,
  ],
  resize: (v: VolumeRef, capacity: string): VirshArgs => [
    'vol-resize',
    '--pool',
    v.pool,
    '--vol',
    v.vol,
    '--capacity',
    capacity,
  ],
  upload: (v: VolumeRef, file: string): VirshArgs => ['vol-upload', '--pool', v.pool, '--vol', v.vol, '--file', file],
  download: (v: VolumeRef, file: string): VirshArgs => [
    'vol-download',
    '--pool',
    v.pool,
    '--vol',
    v.vol,
    '--file',
    file,
  ],
  delete: (v: VolumeRef): VirshArgs => ['vol-delete', '--pool', v.pool, '--vol', v.vol],
  dumpxml: (v: VolumeRef): VirshArgs => ['vol-dumpxml', '--pool', v.pool, '--vol', v.vol],
  info: (v: VolumeRef, o: { bytes?: boolean } = {}): VirshArgs => [
    'vol-info',
    '--pool',
    v.pool,
    '--vol',
    v.vol,
    ...flag('--bytes', o.bytes),
  ],
  key: (v: VolumeRef): VirshArgs => ['vol-key', '--pool', v.pool, '--vol', v.vol],
  path: (v: VolumeRef): VirshArgs => ['vol-path', '--pool', v.pool, '--vol', v.vol],
  list: (poolName: string, o: { details?: boolean } = {}): VirshArgs => [
    'vol-list',
    '--pool',
    poolName,
    ...flag('--details', o.details),
  ],
};
