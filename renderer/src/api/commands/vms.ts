import type { RequestOf } from '../../../../shared/contract';
import type { LabDeckClient } from '../client';

/** Actions on and reads of one VM (libvirt domain). */
export const vmCommands = (client: LabDeckClient) => ({
  action: (req: RequestOf<'domains.action'>) => client.invoke('domains.action', req),
  addresses: (req: RequestOf<'domains.addresses'>) => client.invoke('domains.addresses', req),
});
