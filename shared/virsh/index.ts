/**
 * Every virsh command LabDeck runs is built here: `virshArgv(uri, virsh.domain.start(name))` →
 * ['virsh', '--connect', uri, 'start', '--domain', name]. Always `--connect`, always named options.
 */
import { domain } from './domain';
import { host } from './host';
import { network } from './network';
import { pool, volume } from './storage';

export { virshArgsOf, virshArgv, virshChain, virshLine, type VirshArgs } from './argv';
export type { NetUpdate } from './network';
export type { VolumeRef } from './storage';

export const virsh = { domain, network, pool, volume, host };
