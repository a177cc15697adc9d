import type { RequestOf } from '../../../../shared/contract';
import type { LabDeckClient } from '../client';

/** Long-running work (compose, uploads) and the journal of interrupted jobs. */
export const jobCommands = (client: LabDeckClient) => ({
  list: (hostId?: string) => client.invoke('jobs.list', hostId ? { hostId } : {}),
  cancel: (jobId: string) => client.invoke('jobs.cancel', { jobId }),
  upload: (req: RequestOf<'volumes.upload'>) => client.invoke('volumes.upload', req),
  recoverable: () => client.invoke('recovery.list'),
  rollback: (id: string) => client.invoke('recovery.rollback', { id }),
});
