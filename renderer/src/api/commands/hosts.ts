import type { RequestOf } from '../../../../shared/contract';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { LabDeckClient } from '../client';

/** The inventory and what the engine knows of each host. */
export const hostCommands = (client: LabDeckClient) => ({
  list: () => client.invoke('hosts.list'),
  add: (input: RequestOf<'hosts.add'>) => client.invoke('hosts.add', input),
  update: (req: RequestOf<'hosts.update'>) => client.invoke('hosts.update', req),
  remove: (id: string) => client.invoke('hosts.remove', { id }),
  /** Starts a refresh of one host (all without an id); the result arrives as host.changed. */
  refresh: (id?: string) => client.invoke('hosts.refresh', id ? { id } : {}),
  /** The engine's last snapshot and marks; `refresh` reads the host first. */
  snapshot: (id: string, refresh = false) => client.invoke('hosts.snapshot', { id, refresh }),
  importCandidates: () => client.invoke('hosts.importCandidates'),
  virtCapabilities: (req: RequestOf<'hosts.virtCapabilities'>) => client.invoke('hosts.virtCapabilities', req),
  setMarks: (hostId: string, marks: HostMarks) => client.invoke('marks.set', { hostId, marks }),
});
