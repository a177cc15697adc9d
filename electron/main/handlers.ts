import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { Core } from './core';
import { HostMarks } from '../../shared/compose/marks';
import { readSshConfigCandidates } from './services/ssh/ssh-config-import';
import { clientSshKeys } from './services/ssh/client-keys';

export type Handlers = { [C in ChannelName]: (req: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

declare const __LABDECK_VERSION__: string | undefined;
const version = typeof __LABDECK_VERSION__ === 'string' ? __LABDECK_VERSION__ : '0.0.0-dev';

/**
 * The one handler map every adapter serves (desktop, web and the CLI, through dispatch): requests
 * arrive already validated against the contract, and each handler only calls a service.
 */
export function createHandlers(core: Core): Handlers {
  return {
    'app.info': async () => ({
      version,
      mode: core.mode === 'desktop' ? 'desktop' : 'web',
      dataDir: core.dataDir,
      notices: [...core.store.notices],
    }),
    'hosts.list': async () => core.hosts.list(),
    'hosts.add': async (input) => core.hosts.add(input),
    'hosts.update': async ({ id, patch }) => core.hosts.update(id, patch),
    'hosts.remove': async ({ id }) => ({ removed: await core.hosts.remove(id) }),
    'hosts.refresh': async ({ id }) => core.reads.refresh(id),
    'hosts.importCandidates': async () => readSshConfigCandidates(core.sshDir),
    'prompts.answer': async (answer) => ({ accepted: core.prompts.answer(answer) }),
    'prompts.pending': async () => core.prompts.open(),
    'audit.list': async (filter) => core.audit.list(filter),
    'hosts.snapshot': async ({ id, refresh }) => core.reads.snapshot(id, refresh),
    'domains.action': async ({ hostId, domain, action, deleteVolumes }) =>
      core.actions.domain(hostId, domain, action, deleteVolumes),
    'networks.action': async ({ hostId, network, action }) => core.actions.network(hostId, network, action),
    'networks.plan': async (req) => core.networks.plan(req),
    'networks.apply': async (req) => core.networks.apply(req),
    'networks.removeReservation': async (req) => core.networks.removeReservation(req),
    'marks.set': async ({ hostId, marks }) => core.hosts.setMarks(hostId, HostMarks.parse(marks)),
    'compose.plan': async (req) => core.compose.plan(req),
    'compose.start': async (req) => core.compose.start(req),
    'export.ansible': async (req) => core.ansibleExport.export(req),
    'export.ansibleSave': async (req) => core.ansibleExport.save(req),
    'hosts.virtCapabilities': async ({ hostId, arch, refresh }) => core.reads.virtCapabilities(hostId, arch, refresh),
    'domains.addresses': async ({ hostId, domain, waitMs }) =>
      core.guests.read(hostId, domain, { waitMs, interactive: core.interactive }),
    'client.sshKeys': async () => clientSshKeys(core.sshDir),
    'volumes.upload': async (req) => core.uploads.start(req),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: core.jobs.cancel(jobId) }),
    'jobs.list': async ({ hostId }) => core.jobs.list(hostId),
    'recovery.list': async () => core.recovery.list(),
    'recovery.rollback': async ({ id }) => core.recovery.rollback(id),
  };
}
