import { z } from 'zod';
import { HostView } from './host';
import { Prompt } from './prompts';
import { AuditEntry } from './audit';
import { JobView } from './compose';

/** Events pushed from the engine to every connected renderer. */
export const events = {
  'host.changed': HostView,
  'host.removed': z.object({ id: z.string() }),
  'prompt.opened': Prompt,
  'prompt.closed': z.object({ promptId: z.string() }),
  'audit.appended': AuditEntry,
  /** The whole job, on every change of it. */
  'job.progress': JobView,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
