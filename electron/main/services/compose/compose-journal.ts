import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  AppError,
  InterruptedJob,
  toErrorShape,
  type HostConfig,
  type JournalStep,
  type RecoveryResult,
} from '../../../../shared/contract';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import type { KeyedLock } from '../jobs/keyed-lock';
import type { RemoteRunner } from '../remote/remote-runner';
import type { ExecResult } from '../ssh/exec-channel';
import { writeFileAtomic } from '../storage/atomic-file';

export type JournalStart = Omit<InterruptedJob, 'startedAt' | 'updatedAt' | 'pid' | 'steps'> & {
  steps: { description: string; command: string; undo: { argv: string[]; description: string } | null }[];
};

/** One running compose's journal: every state change is on disk (fsynced) before the next remote step. */
export class JournalHandle {
  private chain: Promise<void> = Promise.resolve();
  constructor(
    private readonly journal: ComposeJournal,
    readonly job: InterruptedJob,
  ) {}

  /** Records a step's state; resolves once it is on disk. A failed write is not fatal to the job. */
  mark(i: number, state: JournalStep['state']): Promise<void> {
    const step = this.job.steps[i];
    if (!step) return Promise.resolve();
    step.state = state;
    this.job.updatedAt = new Date().toISOString();
    return this.write();
  }

  private write(): Promise<void> {
    const snapshot = JSON.stringify(this.job, null, 2);
    this.chain = this.chain.then(() =>
      writeFileAtomic(this.journal.fileOf(this.job.id), snapshot).catch(() => undefined),
    );
    return this.chain;
  }

  /** Nothing is left on the host (all done and kept, or all undone): the entry goes. */
  async finish(): Promise<void> {
    await this.chain;
    this.journal.active.delete(this.job.id);
    await fs.rm(this.journal.fileOf(this.job.id), { force: true });
  }

  /** Something may be left: the entry stays for the next start (or for recovery now). */
  async keep(): Promise<void> {
    await this.write();
    this.journal.active.delete(this.job.id);
  }
}

/** libvirt's words for "no such object": the thing to undo is not there. */
const GONE =
  /not found|no (?:storage vol|domain|network|storage pool) with matching|failed to get (?:domain|network|vol)/i;

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The compose journal: one small JSON file per running compose in `<data>/jobs/`, rewritten
 * atomically before and after each remote step. What a crash, a kill or a host that vanished
 * while undoing leaves behind is listed at the next start and rolled back with one confirmation.
 */
export class ComposeJournal {
  /** Journals of jobs running in this process: theirs to finish, never listed as interrupted. */
  readonly active = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly deps: { runner: RemoteRunner; lock: KeyedLock; hosts: () => HostConfig[] },
  ) {}

  fileOf(id: string): string {
    if (!/^[A-Za-z0-9-]+$/.test(id)) throw new AppError({ kind: 'validation', message: `Not a journal id: ${id}` });
    return path.join(this.dir, `compose-${id}.json`);
  }

  async begin(start: JournalStart): Promise<JournalHandle> {
    const now = new Date().toISOString();
    const job: InterruptedJob = {
      ...start,
      startedAt: now,
      updatedAt: now,
      pid: process.pid,
      steps: start.steps.map((s) => ({
        description: s.description,
        command: s.command,
        state: 'pending',
        undo: s.undo ? { argv: s.undo.argv, command: quoteArgv(s.undo.argv), description: s.undo.description } : null,
      })),
    };
    this.active.add(job.id);
    const handle = new JournalHandle(this, job);
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    // First write: the whole plan, before any remote step.
    await writeFileAtomic(this.fileOf(job.id), JSON.stringify(job, null, 2)).catch(() => undefined);
    return handle;
  }

  /** Interrupted composes: entries of no live process with something possibly left on the host. */
  async list(): Promise<InterruptedJob[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const out: InterruptedJob[] = [];
    for (const n of names.filter((x) => /^compose-[A-Za-z0-9-]+\.json$/.test(x)).sort()) {
      const text = await fs.readFile(path.join(this.dir, n), 'utf8').catch(() => undefined);
      if (!text) continue;
      let job: InterruptedJob;
      try {
        job = InterruptedJob.parse(JSON.parse(text));
      } catch {
        continue; // a torn file from a crash mid-write cannot be: writes are atomic; skip anything else
      }
      if (this.active.has(job.id) || (job.pid !== process.pid && pidAlive(job.pid))) continue;
      if (!job.steps.some((s) => s.state === 'done' || s.state === 'running' || s.state === 'undo-failed')) {
        await fs.rm(path.join(this.dir, n), { force: true }); // nothing was sent: nothing to recover
        continue;
      }
      out.push(job);
    }
    return out;
  }

  /**
   * Undoes, newest first, every step that happened or may have happened. An undo that fails for a
   * step that only *maybe* happened means it never did; for a step that did, it stays listed.
   */
  async rollback(id: string): Promise<RecoveryResult> {
    const job = (await this.list()).find((j) => j.id === id);
    if (!job)
      throw new AppError({
        kind: 'notFound',
        message: 'That interrupted job is no longer listed (already rolled back, or still running).',
      });
    const host = this.deps.hosts().find((h) => h.id === job.hostId);
    if (!host)
      throw new AppError({
        kind: 'notFound',
        message: `${job.hostName} is no longer in the inventory; add it again to roll back what the compose left there.`,
      });
    const handle = new JournalHandle(this, job);
    this.active.add(job.id);
    const release = await this.deps.lock.acquire(host.id);
    const undone: string[] = [];
    const failed: RecoveryResult['failed'] = [];
    try {
      for (let i = job.steps.length - 1; i >= 0; i--) {
        const step = job.steps[i]!;
        if (step.state !== 'done' && step.state !== 'running' && step.state !== 'undo-failed') continue;
        if (!step.undo) {
          await handle.mark(i, 'undone');
          continue;
        }
        const r: ExecResult | Error = await this.deps.runner
          .exec(host, step.undo.argv, { timeoutMs: 60_000, interactive: true })
          .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
        if (!(r instanceof Error) && r.outcome === 'ok') {
          undone.push(step.undo.description);
          await handle.mark(i, 'undone');
        } else if (
          !(r instanceof Error) &&
          r.outcome === 'failed' &&
          r.exitCode !== null &&
          (step.state === 'running' || GONE.test(r.stderr))
        ) {
          await handle.mark(i, 'undone'); // it never happened, or is gone already: nothing to undo
        } else {
          const message =
            r instanceof Error
              ? toErrorShape(r).message
              : (r.stderr.trim() || `exit ${r.exitCode ?? r.outcome}`).slice(0, 500);
          failed.push({ description: step.undo.description, command: step.undo.command, message });
          await handle.mark(i, 'undo-failed');
        }
      }
    } finally {
      release();
    }
    if (failed.length === 0) {
      await handle.finish();
      return { undone, failed, cleared: true };
    }
    await handle.keep();
    return { undone, failed, cleared: false };
  }
}
