import { z } from 'zod';

/**
 * The compose journal: written before each remote step of a compose, so that a job cut short (the
 * LabDeck process killed, the host gone while undoing) is never unknown. The next start lists it
 * and can roll it back with one confirmation.
 */
export const journalStepStates = ['pending', 'running', 'done', 'undone', 'undo-failed'] as const;
export const JournalStep = z.object({
  description: z.string(),
  command: z.string(),
  /**
   * running: sent, outcome unknown ("maybe done"); done: it happened; undone: rolled back;
   * undo-failed: it happened (or maybe did) and its undo did not go through.
   */
  state: z.enum(journalStepStates),
  undo: z.object({ argv: z.array(z.string()).min(1), command: z.string(), description: z.string() }).nullable(),
});
export type JournalStep = z.infer<typeof JournalStep>;

export const InterruptedJob = z.object({
  id: z.string(),
  kind: z.literal('compose'),
  hostId: z.string(),
  hostName: z.string(),
  domain: z.string(),
  title: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  /** The process that ran it; a journal of a live process is its own business, not a leftover. */
  pid: z.number().int(),
  steps: z.array(JournalStep),
});
export type InterruptedJob = z.infer<typeof InterruptedJob>;

export const RecoveryResult = z.object({
  undone: z.array(z.string()),
  failed: z.array(z.object({ description: z.string(), command: z.string(), message: z.string() })),
  /** True when nothing is left: the journal entry is gone. */
  cleared: z.boolean(),
});
export type RecoveryResult = z.infer<typeof RecoveryResult>;

/** Steps that may have left something on the host (done, maybe done, or whose undo failed). */
export function leftOnHost(job: Pick<InterruptedJob, 'steps'>): JournalStep[] {
  return job.steps.filter((s) => s.state === 'done' || s.state === 'running' || s.state === 'undo-failed');
}
