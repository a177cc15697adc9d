/**
 * Channel and event names without their schemas: the sandboxed preload needs only the names, and
 * keeping zod out of it keeps it small. A unit test checks these lists match the contract.
 */
export const channelNames = [
  'app.info',
  'hosts.list',
  'hosts.add',
  'hosts.update',
  'hosts.remove',
  'hosts.refresh',
  'hosts.importCandidates',
  'prompts.answer',
  'prompts.pending',
  'hosts.snapshot',
  'domains.action',
  'networks.action',
  'networks.plan',
  'networks.apply',
  'networks.removeReservation',
  'marks.set',
  'audit.list',
  'compose.plan',
  'compose.start',
  'hosts.virtCapabilities',
  'domains.addresses',
  'client.sshKeys',
  'volumes.upload',
  'jobs.cancel',
  'jobs.list',
  'recovery.list',
  'recovery.rollback',
  'export.ansible',
  'export.ansibleSave',
] as const;

export const eventNames = [
  'host.changed',
  'host.removed',
  'prompt.opened',
  'prompt.closed',
  'audit.appended',
  'job.progress',
] as const;

/** The stream operations and their events (shared/contract/streams.ts); the preload exposes these too. */
export const streamOpNames = ['stream.open', 'stream.write', 'stream.resize', 'stream.ack', 'stream.close'] as const;
export const streamEventNames = ['stream.data', 'stream.ack', 'stream.closed'] as const;
