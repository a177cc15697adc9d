import type { RequestOf } from '../../../../shared/contract';
import type { LabDeckClient } from '../client';

/** libvirt networks: one-shot actions, and edits planned before they are applied. */
export const networkCommands = (client: LabDeckClient) => ({
  action: (req: RequestOf<'networks.action'>) => client.invoke('networks.action', req),
  plan: (req: RequestOf<'networks.plan'>) => client.invoke('networks.plan', req),
  apply: (req: RequestOf<'networks.apply'>) => client.invoke('networks.apply', req),
  removeReservation: (req: RequestOf<'networks.removeReservation'>) => client.invoke('networks.removeReservation', req),
});
