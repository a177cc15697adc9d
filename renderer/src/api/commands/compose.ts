import type { RequestOf } from '../../../../shared/contract';
import type { LabDeckClient } from '../client';

/** The compose wizard's engine side: dry run, the job, and the same request as Ansible. */
export const composeCommands = (client: LabDeckClient) => ({
  plan: (req: RequestOf<'compose.plan'>) => client.invoke('compose.plan', req),
  start: (req: RequestOf<'compose.start'>) => client.invoke('compose.start', req),
  clientSshKeys: () => client.invoke('client.sshKeys'),
  exportAnsible: (req: RequestOf<'export.ansible'>) => client.invoke('export.ansible', req),
  saveAnsible: (req: RequestOf<'export.ansibleSave'>) => client.invoke('export.ansibleSave', req),
});
