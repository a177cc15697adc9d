import { randomUUID } from 'node:crypto';
import { AppError, toErrorShape } from '../../../../shared/contract';
import type { JobStep, JobView } from '../../../../shared/contract/compose';
import type { EventBus } from '../event-bus';

/** What a job's body gets: its cancel signal and ways to report progress. */
export interface JobContext {
  readonly signal: AbortSignal;
  /** Leaves 'queued' (e.g. once a per-host lock is held). */
  running(): void;
  /** Appends a step (pending unless told otherwise) and returns its id. */
  addStep(step: Pick<JobStep, 'kind' | 'description'> & Partial<Pick<JobStep, 'command' | 'status'>>): number;
  updateStep(id: number, patch: Partial<Omit<JobStep, 'id'>>): void;
  step(id: number): JobStep;
  setDomain(name: string): void;
  leftBehind(what: string): void;
}

export type JobSpec = {
  kind: JobView['kind'];
  hostId: string;
  title: string;
  /** Starts 'queued' when the body will first wait for something. */
  queued?: boolean;
  run: (ctx: JobContext) => Promise<void>;
};

type Entry = { view: JobView; controller: AbortController; done: Promise<JobView> };

/**
 * Runs long operations off the request path: each job gets an AbortSignal (passed down into every
 * remote command), reports each change as a `job.progress` event, and stays listed for a while
 * after it ends so a window opened later still sees what happened.
 */
export class JobService {
  private readonly jobs = new Map<string, Entry>();

  constructor(
    private readonly bus: EventBus,
    private readonly keepFinished = 50,
  ) {}

  start(spec: JobSpec): JobView {
    const now = new Date().toISOString();
    const view: JobView = {
      id: randomUUID(),
      kind: spec.kind,
      hostId: spec.hostId,
      title: spec.title,
      state: spec.queued ? 'queued' : 'running',
      createdAt: now,
      updatedAt: now,
      steps: [],
      leftBehind: [],
    };
    const controller = new AbortController();
    const emit = () => {
      view.updatedAt = new Date().toISOString();
      // A copy: listeners (and the web socket's serialiser) must not see later mutations mid-flight.
      this.bus.emit('job.progress', structuredClone(view));
    };
    const ctx: JobContext = {
      signal: controller.signal,
      running: () => {
        if (view.state !== 'queued') return;
        view.state = 'running';
        emit();
      },
      addStep: (s) => {
        const id = view.steps.length;
        view.steps.push({
          id,
          kind: s.kind,
          description: s.description,
          command: s.command,
          status: s.status ?? 'pending',
        });
        emit();
        return id;
      },
      updateStep: (id, patch) => {
        const step = view.steps[id];
        if (!step) return;
        Object.assign(step, patch);
        emit();
      },
      step: (id) => {
        const step = view.steps[id];
        if (!step) throw new AppError({ kind: 'internal', message: `job ${view.id} has no step ${id}` });
        return step;
      },
      setDomain: (name) => {
        view.domain = name;
        emit();
      },
      leftBehind: (what) => {
        view.leftBehind.push(what);
        emit();
      },
    };
    const done = (async () => {
      // Yield once so start() returns (and the caller can subscribe) before the first step.
      await Promise.resolve();
      try {
        await spec.run(ctx);
        view.state = 'succeeded';
      } catch (err) {
        const cancelled = controller.signal.aborted;
        view.state = cancelled ? 'cancelled' : 'failed';
        view.error =
          cancelled && !(err instanceof AppError && err.shape.kind === 'cancelled')
            ? { kind: 'cancelled', message: 'Cancelled.', ...pickCommand(toErrorShape(err)) }
            : toErrorShape(err);
      }
      // Nothing may be left looking busy once the job is over.
      for (const s of view.steps) {
        if (s.status === 'running')
          s.status = view.state === 'succeeded' ? 'done' : view.state === 'cancelled' ? 'cancelled' : 'failed';
        else if (s.status === 'pending' && view.state === 'cancelled') s.status = 'cancelled';
      }
      view.finishedAt = new Date().toISOString();
      emit();
      this.prune();
      return structuredClone(view);
    })();
    this.jobs.set(view.id, { view, controller, done });
    emit();
    return structuredClone(view);
  }

  /** False when the job is unknown or already over. */
  cancel(id: string): boolean {
    const e = this.jobs.get(id);
    if (!e || e.view.finishedAt || e.controller.signal.aborted) return false;
    e.controller.abort();
    return true;
  }

  get(id: string): JobView | undefined {
    const e = this.jobs.get(id);
    return e ? structuredClone(e.view) : undefined;
  }

  /** Resolves with the final view when the job is over (it never rejects). */
  wait(id: string): Promise<JobView> {
    const e = this.jobs.get(id);
    if (!e) return Promise.reject(new AppError({ kind: 'notFound', message: `No job with id ${id}.` }));
    return e.done;
  }

  /** Newest first. */
  list(hostId?: string): JobView[] {
    // The map keeps insertion order, i.e. start order.
    return [...this.jobs.values()]
      .map((e) => e.view)
      .filter((v) => hostId === undefined || v.hostId === hostId)
      .reverse()
      .map((v) => structuredClone(v));
  }

  /** Cancels every running job and waits for their rollbacks (before the connections close). */
  async shutdown(): Promise<void> {
    const running = [...this.jobs.values()].filter((e) => !e.view.finishedAt);
    for (const e of running) e.controller.abort();
    await Promise.all(running.map((e) => e.done));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.view.finishedAt);
    for (const e of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(e.view.id);
  }
}

function pickCommand(shape: { command?: string; stderr?: string }): { command?: string; stderr?: string } {
  return { ...(shape.command ? { command: shape.command } : {}), ...(shape.stderr ? { stderr: shape.stderr } : {}) };
}
