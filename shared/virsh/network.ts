import { flag, type VirshArgs } from './argv';

export type NetUpdate = {
  command: 'add' | 'delete' | 'modify' | 'add-first' | 'add-last';
  section: string;
  xml: string;
  /** Change the running network and/or its persistent definition. */
  live?: boolean;
  config?: boolean;
};

/** Virtual network commands. */
export const network = {
  define: (file: string, o: { validate?: boolean } = {}): VirshArgs => [
    'net-define',
    '--file',
    file,
    ...flag('--validate', o.validate),
  ],
  undefine: (name: string): VirshArgs => ['net-undefine', '--network', name],
  start: (name: string): VirshArgs => ['net-start', '--network', name],
  destroy: (name: string): VirshArgs => ['net-destroy', '--network', name],
  autostart: (name: string, o: { disable?: boolean } = {}): VirshArgs => [
    'net-autostart',
    '--network',
    name,
    ...flag('--disable', o.disable),
  ],
  update: (name: string, u: NetUpdate): VirshArgs => [
    'net-update',
    '--network',
    name,
    '--command',
    u.command,
    '--section',
    u.section,
    '--xml',
    u.xml,
    ...flag('--live', u.live),
    ...flag('--config', u.config),
  ],
  dumpxml: (name: string, o: { inactive?: boolean } = {}): VirshArgs => [
    'net-dumpxml',
    '--network',
    name,
    ...flag('--inactive', o.inactive),
  ],
  dhcpLeases: (name: string): VirshArgs => ['net-dhcp-leases', '--network', name],
  list: (o: { all?: boolean; autostart?: boolean; persistent?: boolean; uuid?: boolean } = {}): VirshArgs => [
    'net-list',
    ...flag('--all', o.all),
    ...flag('--autostart', o.autostart),
    ...flag('--persistent', o.persistent),
    ...flag('--uuid', o.uuid),
  ],
};
