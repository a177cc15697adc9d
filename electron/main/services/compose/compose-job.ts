import { randomUUID } from 'node:crypto';
import { AppError, toErrorShape, type AppErrorShape, type HostConfig } from '../../../../shared/contract';
import type { ComposeRequestParsed } from '../../../../shared/contract/compose';
import type { ComposeStep } from '../../../../shared/compose/commands';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostService } from '../hosts/host-service';
import type { JobContext } from '../jobs/job-service';
import type { KeyedLock } from '../jobs/keyed-lock';
import type { RemoteRunner } from '../remote/remote-runner';
import { startErrorHint } from '../../../../shared/remote/start-error-hint';
import { virsh, virshArgv } from '../../../../shared/virsh';
import { stepArgv, type BuiltPlan } from './build-plan';
import type { ComposeJournal, JournalHandle } from './compose-journal';
import { liveConflicts } from './conflicts';
import { verifyDomain } from './verify';

export type ComposeJobDeps = {
  hosts: HostService;
  runner: RemoteRunner;
  lock: KeyedLock;
  /** Plans from a fresh snapshot (the same code the dry run uses). */
  plan: (
    host: HostConfig,
    req: ComposeRequestParsed,
    name: string,
    snapshot: HostSnapshot,
    signal: AbortSignal,
  ) => Promise<BuiltPlan>;
  stepTimeoutMs?: number;
  /** Written before each remote step, so an interrupted compose is never unknown (see compose-journal.ts). */
  journal?: ComposeJournal;
  /** Undo retries while the host does not answer (each waits twice as long, from undoBackoffMs). */
  undoRetries?: number;
  undoBackoffMs?: number;
};

/**
 * Did the host tell us how the command ended? Only an exit code does. A lost connection, a channel
 * closed without exit status, a timeout or a cancel leave the step *maybe done*.
 */
export function outcomeKnown(shape: AppErrorShape): boolean {
  return shape.kind === 'remote' && typeof shape.exitCode === 'number';
}

const cancelled = (message: string) => new AppError({ kind: 'cancelled', message });
const CANCELLED_MIDWAY = 'Cancelled; the steps already done are undone (see each step).';

/**
 * The body of a compose job. Under the host's lock: read the host, plan, check names, run each
 * virsh step, read the VM back and compare. Any failure or cancel undoes what was done, newest
 * first, and the job keeps the failing command with its stderr.
 */
export function composeJob(deps: ComposeJobDeps, host: HostConfig, req: ComposeRequestParsed, name: string) {
  return async (ctx: JobContext): Promise<void> => {
    const { signal } = ctx;
    ctx.setDomain(name);
    const lockStep = ctx.addStep({
      kind: 'lock',
      description: `Wait until no other change runs on ${host.name}.`,
      status: 'running',
    });
    const release = await deps.lock.acquire(host.id, signal);
    try {
      ctx.updateStep(lockStep, { status: 'done' });
      ctx.running();
      const built = await prepare(deps, ctx, host, req, name);
      await execute(deps, ctx, host, built);
    } finally {
      release();
    }
    // The inventory should show the new VM; a failed read here does not undo a good compose.
    await deps.hosts.refresh(host.id, { interactive: false }).catch(() => undefined);
  };
}

async function prepare(
  deps: ComposeJobDeps,
  ctx: JobContext,
  host: HostConfig,
  req: ComposeRequestParsed,
  name: string,
): Promise<BuiltPlan> {
  const planStep = ctx.addStep({
    kind: 'plan',
    description: `Read ${host.name} and plan VM ${name}.`,
    status: 'running',
  });
  const snapshot = await deps.hosts.refresh(host.id, { interactive: true });
  if (ctx.signal.aborted) throw cancelled('Cancelled before anything was changed.');
  const built = await deps.plan(host, req, name, snapshot, ctx.signal);
  ctx.updateStep(planStep, { status: 'done' });

  const seed = built.plan.install.seed;
  const volumes = [
    ...built.plan.disks.map((d) => ({ pool: d.pool, name: d.volume })),
    ...(seed ? [{ pool: seed.pool, name: seed.volume }] : []),
  ];
  const checkStep = ctx.addStep({
    kind: 'check',
    description: `Check that no VM named ${name} and none of its volumes exist yet.`,
    status: 'running',
  });
  const clashes = [
    ...new Set([...built.plan.conflicts, ...(await liveConflicts(deps.runner, host, name, volumes, ctx.signal))]),
  ];
  if (clashes.length > 0) {
    const error = {
      kind: 'validation' as const,
      message: `${clashes.join(' ')} Choose another name; nothing was changed.`,
    };
    ctx.updateStep(checkStep, { status: 'failed', error });
    throw new AppError(error);
  }
  ctx.updateStep(checkStep, { status: 'done' });
  return built;
}

async function execute(deps: ComposeJobDeps, ctx: JobContext, host: HostConfig, built: BuiltPlan): Promise<void> {
  const { signal } = ctx;
  const timeoutMs = deps.stepTimeoutMs ?? 120_000;
  const ids = built.steps.map((s) =>
    ctx.addStep({ kind: s.kind, description: s.description, command: quoteArgv(stepArgv(host, s)) }),
  );
  // The definition, not the live XML: a running NIC on a macvtap network shows as type 'direct' there.
  const dumpArgv = virshArgv(host.libvirtUri, virsh.domain.dumpxml(built.plan.name, { inactive: true }));
  const verifyId = ctx.addStep({
    kind: 'verify',
    description: `Read VM ${built.plan.name} back and check its NICs and disks against the plan.`,
    command: quoteArgv(dumpArgv),
  });
  const journal = await deps.journal?.begin({
    id: randomUUID(),
    kind: 'compose',
    hostId: host.id,
    hostName: host.name,
    domain: built.plan.name,
    title: `Compose ${built.plan.name} on ${host.name}`,
    steps: built.steps.map((s) => ({
      description: s.description,
      command: quoteArgv(stepArgv(host, s)),
      undo: s.rollback ? { argv: stepArgv(host, s.rollback), description: s.rollback.description } : null,
    })),
  });

  let completed = 0;
  let current = -1;
  try {
    for (const [i, step] of built.steps.entries()) {
      if (signal.aborted) throw cancelled(CANCELLED_MIDWAY);
      current = i;
      ctx.updateStep(ids[i]!, { status: 'running' });
      await journal?.mark(i, 'running');
      try {
        await deps.runner.run(host, stepArgv(host, step), {
          stdin: step.stdin ?? step.stdinBytes,
          stdinNote: stdinNote(step),
          signal,
          timeoutMs,
        });
      } catch (err) {
        throw step.kind === 'start' ? withStartHint(err, built) : err;
      }
      await journal?.mark(i, 'done');
      ctx.updateStep(ids[i]!, { status: 'done' });
      completed = i + 1;
      current = -1;
    }
    if (signal.aborted) throw cancelled(CANCELLED_MIDWAY);
    ctx.updateStep(verifyId, { status: 'running' });
    const xml = await deps.runner.run(host, dumpArgv, { signal, timeoutMs });
    const problems = verifyDomain(xml, built.plan);
    if (problems.length > 0) {
      const error = {
        kind: 'remote' as const,
        message: `VM ${built.plan.name} does not match the plan, so it was removed again: ${problems.join(' ')}`,
        command: quoteArgv(dumpArgv),
      };
      ctx.updateStep(verifyId, { status: 'failed', error });
      throw new AppError(error);
    }
    ctx.updateStep(verifyId, { status: 'done' });
    await journal?.finish();
  } catch (err) {
    const shape = toErrorShape(err);
    const wasCancel = signal.aborted || shape.kind === 'cancelled';
    const failedId = current >= 0 ? ids[current]! : ctx.step(verifyId).status === 'running' ? verifyId : -1;
    if (failedId >= 0) ctx.updateStep(failedId, { status: wasCancel ? 'cancelled' : 'failed', error: shape });
    // A step whose outcome is unknown (cancel, timeout, connection lost, exit status lost) may have
    // happened on the host anyway: it is *maybe done*, so it is undone too, quietly if it never was.
    const uncertain = current >= 0 && (wasCancel || !outcomeKnown(shape)) ? current : -1;
    await rollback(deps, ctx, host, built.steps, ids, completed, uncertain, journal);
    throw err;
  }
}

function stdinNote(step: ComposeStep): string | undefined {
  if (step.stdin !== undefined) return 'domain XML (see the compose job)';
  if (step.stdinBytes !== undefined) return `cloud-init seed ISO built by LabDeck (${step.stdinBytes.length} bytes)`;
  return undefined;
}

/** A start that failed gets a hint a person can act on (another CPU mode, virt type qemu …). */
function withStartHint(err: unknown, built: BuiltPlan): unknown {
  if (!(err instanceof AppError) || err.shape.kind !== 'remote') return err;
  const hint = startErrorHint(err.shape.stderr ?? err.shape.message, {
    virtType: built.plan.virtType,
    cpuMode: built.plan.cpuMode,
  });
  return hint ? new AppError({ ...err.shape, hint: [hint, err.shape.hint].filter(Boolean).join(' ') }) : err;
}

async function rollback(
  deps: ComposeJobDeps,
  ctx: JobContext,
  host: HostConfig,
  steps: readonly ComposeStep[],
  ids: readonly number[],
  completed: number,
  uncertain: number,
  journal?: JournalHandle,
): Promise<void> {
  let left = false;
  const order = [
    ...(uncertain >= 0 ? [uncertain] : []),
    ...Array.from({ length: completed }, (_, k) => completed - 1 - k),
  ];
  for (const i of order) {
    const undo = steps[i]?.rollback;
    const id = ids[i]!;
    if (!undo) continue;
    const argv = stepArgv(host, undo);
    const command = quoteArgv(argv);
    ctx.updateStep(id, { rollback: { command, status: 'pending' } });
    try {
      // No signal: a cancel must not stop the clean-up it caused.
      await undoWithRetry(deps, host, argv);
      await journal?.mark(i, 'undone');
      ctx.updateStep(id, { status: 'rolled-back', rollback: { command, status: 'done' } });
    } catch (err) {
      const shape = toErrorShape(err);
      if (i === uncertain && outcomeKnown(shape)) {
        // The host answered that there is nothing to undo: the step never took effect.
        await journal?.mark(i, 'undone');
        ctx.updateStep(id, { rollback: undefined });
        continue;
      }
      left = true;
      await journal?.mark(i, 'undo-failed');
      ctx.updateStep(id, { rollback: { command, status: 'failed', error: shape } });
      const maybe = i === uncertain ? 'maybe done — the host did not say; ' : '';
      ctx.leftBehind(
        `${steps[i]?.description ?? ''} (${maybe}undo failed: ${command}${journal ? '; LabDeck offers to undo it at its next start' : ''})`,
      );
    }
  }
  // Steps with nothing to undo never leave anything; the journal goes unless something may be left.
  if (left) await journal?.keep();
  else await journal?.finish();
}

/** virsh could not reach libvirtd (restarting, crashed): the undo is worth retrying in a moment. */
const LIBVIRT_AWAY =
  /failed to connect to the hypervisor|unable to connect to server|End of file while reading data|Cannot recv data|Connection reset by peer/i;

/** An undo is retried while the host does not answer (sshd restarting, network back in seconds). */
async function undoWithRetry(deps: ComposeJobDeps, host: HostConfig, argv: string[]): Promise<void> {
  const retries = deps.undoRetries ?? 4;
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.runner.run(host, argv, { timeoutMs: 60_000 });
      return;
    } catch (err) {
      const shape = toErrorShape(err);
      if ((outcomeKnown(shape) && !LIBVIRT_AWAY.test(shape.stderr ?? '')) || attempt >= retries) throw err;
      await new Promise((r) => setTimeout(r, (deps.undoBackoffMs ?? 1000) * 2 ** attempt));
    }
  }
}
