import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/contract';
import type { Core } from './core';
import { HostMarks } from '../../shared/compose/marks';
import { sshConfigCandidates } from './services/ssh/ssh-config-import';
import { clientSshKeys } from './services/ssh/client-keys';
import { hostArch } from './services/compose/build-plan';

export type Handlers = { [C in ChannelName]: (req: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

declare const __LABDECK_VERSION__: string | undefined;
const version = typeof __LABDECK_VERSION__ === 'string' ? __LABDECK_VERSION__ : '0.0.0-dev';

/** The one handler map both adapters serve; requests arrive already validated against the contract. */
export function createHandlers(core: Core): Handlers {
  return {
    'app.info': async () => ({
      version,
      mode: core.mode === 'desktop' ? 'desktop' : 'web',
      dataDir: core.dataDir,
      notices: [...core.store.notices],
    }),
    'hosts.list': async () => core.hosts.list(),
    'hosts.add': async (input) => {
      const view = await core.hosts.add(input);
      core.scheduler.sync();
      return view;
    },
    'hosts.update': async ({ id, patch }) => core.hosts.update(id, patch),
    'hosts.remove': async ({ id }) => {
      const removed = await core.hosts.remove(id);
      core.scheduler.sync();
      return { removed };
    },
    'hosts.refresh': async ({ id }) => {
      const ids = id ? [id] : core.hosts.configs().map((h) => h.id);
      // Fire and forget: results arrive as host.changed events, so a slow host never blocks the UI.
      for (const hid of ids) {
        core.hosts.refresh(hid, { interactive: true }).then(
          () => core.scheduler.noteResult(hid, true),
          () => core.scheduler.noteResult(hid, false),
        );
      }
      return { started: ids.length };
    },
    'hosts.importCandidates': async () => {
      const text = await fs.readFile(path.join(core.sshDir, 'config'), 'utf8').catch(() => '');
      return sshConfigCandidates(text);
    },
    'prompts.answer': async (answer) => ({ accepted: core.prompts.answer(answer) }),
    'prompts.pending': async () => core.prompts.open(),
    'audit.list': async (filter) => core.audit.list(filter),
    'hosts.snapshot': async ({ id, refresh }) => {
      let snapshot = core.hosts.latestSnapshot(id) ?? null;
      if (refresh || !snapshot) snapshot = await core.hosts.refresh(id, { interactive: true }).catch(() => core.hosts.latestSnapshot(id) ?? null);
      return { snapshot, marks: core.hosts.marks(id) };
    },
    'domains.action': async ({ hostId, domain, action, deleteVolumes }) => core.actions.domain(hostId, domain, action, deleteVolumes),
    'networks.action': async ({ hostId, network, action }) => core.actions.network(hostId, network, action),
    'networks.plan': async (req) => core.networks.plan(req),
    'networks.apply': async (req) => {
      const { commands, snapshot } = await core.networks.apply(req);
      return { commands, snapshot };
    },
    'marks.set': async ({ hostId, marks }) => core.hosts.setMarks(hostId, HostMarks.parse(marks)),
    'compose.plan': async (req) => core.compose.plan(req),
    'compose.start': async (req) => core.compose.start(req),
    'export.ansible': async (req) => core.ansibleExport.export(req),
    'export.ansibleSave': async (req) => core.ansibleExport.save(req),
    'hosts.virtCapabilities': async ({ hostId, arch, refresh }) => {
      const host = core.hosts.configs().find((h) => h.id === hostId);
      if (!host) throw new AppError({ kind: 'notFound', message: `No host with id ${hostId} in the inventory.` });
      const snapshot = core.hosts.latestSnapshot(hostId) ?? (await core.hosts.refresh(hostId, { interactive: true }));
      return core.virt.get(host, arch ?? hostArch(snapshot), { refresh });
    },
    'domains.addresses': async ({ hostId, domain, waitMs }) => core.guests.read(hostId, domain, { waitMs, interactive: true }),
    'client.sshKeys': async () => clientSshKeys(core.sshDir),
    'volumes.upload': async (req) => core.uploads.start(req),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: core.jobs.cancel(jobId) }),
    'jobs.list': async ({ hostId }) => core.jobs.list(hostId),
    'recovery.list': async () => core.journal.list(),
    'recovery.rollback': async ({ id }) => {
      const hostId = (await core.journal.list()).find((j) => j.id === id)?.hostId;
      const result = await core.journal.rollback(id);
      // The inventory should show the host as it is now.
      if (hostId) core.hosts.refresh(hostId, { interactive: false }).catch(() => undefined);
      return result;
    },
  };
}
