import { flag, option, type VirshArgs } from './argv';

/** Domain (VM) commands. */
export const domain = {
  define: (file: string, o: { validate?: boolean } = {}): VirshArgs => [
    'define',
    '--file',
    file,
    ...flag('--validate', o.validate),
  ],
  /** A transient domain from XML (gone once destroyed). */
  create: (file: string): VirshArgs => ['create', '--file', file],
  undefine: (
    name: string,
    o: { managedSave?: boolean; snapshotsMetadata?: boolean; nvram?: boolean; storage?: readonly string[] } = {},
  ): VirshArgs => [
    'undefine',
    '--domain',
    name,
    ...flag('--managed-save', o.managedSave),
    ...flag('--snapshots-metadata', o.snapshotsMetadata),
    ...flag('--nvram', o.nvram),
    ...(o.storage && o.storage.length > 0 ? ['--storage', o.storage.join(',')] : []),
  ],
  start: (name: string): VirshArgs => ['start', '--domain', name],
  resume: (name: string): VirshArgs => ['resume', '--domain', name],
  shutdown: (name: string): VirshArgs => ['shutdown', '--domain', name],
  reboot: (name: string): VirshArgs => ['reboot', '--domain', name],
  destroy: (name: string): VirshArgs => ['destroy', '--domain', name],
  dumpxml: (name: string, o: { inactive?: boolean } = {}): VirshArgs => [
    'dumpxml',
    '--domain',
    name,
    ...flag('--inactive', o.inactive),
  ],
  domstate: (name: string): VirshArgs => ['domstate', '--domain', name],
  domuuid: (name: string): VirshArgs => ['domuuid', '--domain', name],
  domiflist: (name: string): VirshArgs => ['domiflist', '--domain', name],
  domifaddr: (name: string, o: { source?: 'lease' | 'arp' | 'agent' } = {}): VirshArgs => [
    'domifaddr',
    '--domain',
    name,
    ...option('--source', o.source),
  ],
  console: (name: string, o: { force?: boolean } = {}): VirshArgs => [
    'console',
    ...flag('--force', o.force),
    '--domain',
    name,
  ],
  list: (o: { all?: boolean; uuid?: boolean } = {}): VirshArgs => [
    'list',
    ...flag('--all', o.all),
    ...flag('--uuid', o.uuid),
  ],
};
