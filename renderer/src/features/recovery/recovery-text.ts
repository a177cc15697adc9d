import { leftOnHost, type InterruptedJob, type JournalStep } from '../../../../shared/contract';

export type LeftoverLine = { text: string; certainty: 'done' | 'maybe' | 'undo failed'; undo: string | null };

/** What an interrupted compose may have left on its host, newest first (the order undo runs in). */
export function leftoverLines(job: InterruptedJob): LeftoverLine[] {
  return leftOnHost(job)
    .map((s: JournalStep) => ({
      text: s.description,
      certainty:
        s.state === 'done' ? ('done' as const) : s.state === 'running' ? ('maybe' as const) : ('undo failed' as const),
      undo: s.undo?.command ?? null,
    }))
    .reverse();
}

export function recoveryTitle(jobs: readonly InterruptedJob[]): string {
  if (jobs.length === 1) return `An interrupted compose left things on ${jobs[0]!.hostName}`;
  return `${jobs.length} interrupted composes left things on your hosts`;
}
