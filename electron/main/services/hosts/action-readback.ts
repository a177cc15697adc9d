import { AppError } from '../../../../shared/contract';
import type { DomainState } from '../../../../shared/snapshot/types';

/**
 * What a VM action must leave behind, read back with `virsh domstate` after it ran: virsh's exit status
 * alone is not the result (on libvirt's test driver `start` succeeds and the VM stays shut off).
 * `waitMs`: how long the state may take to get there (a guest shuts down in its own time).
 */
export interface Expectation {
  want: readonly DomainState[];
  /** States on the way there (keep polling). */
  passing?: readonly DomainState[];
  done: string;
  waitMs: number;
}

export const actionExpectations: Readonly<Record<string, Expectation>> = {
  start: { want: ['running', 'idle'], done: 'started', waitMs: 5_000 },
  resume: { want: ['running', 'idle'], done: 'resumed', waitMs: 5_000 },
  destroy: { want: ['shut off'], passing: ['in shutdown'], done: 'powered off', waitMs: 10_000 },
  shutdown: { want: ['shut off'], passing: ['in shutdown', 'running', 'idle'], done: 'shut down', waitMs: 20_000 },
};

export interface ReadbackDeps {
  /** One `virsh domstate` read of the VM. */
  readState: () => Promise<DomainState>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  pollMs?: number;
}

/**
 * Polls the VM's state until it is what `action` promises; throws a clear AppError when it is not by
 * the deadline (or is something else entirely). Actions without an expectation pass unchecked.
 */
export async function confirmDomainState(
  hostName: string,
  domain: string,
  action: string,
  deps: ReadbackDeps,
): Promise<DomainState | undefined> {
  const exp = actionExpectations[action];
  if (!exp) return undefined;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const deadline = now() + exp.waitMs;
  let state = await deps.readState();
  while (!exp.want.includes(state) && (exp.passing ?? []).includes(state) && now() < deadline) {
    await sleep(deps.pollMs ?? 500);
    state = await deps.readState();
  }
  if (exp.want.includes(state)) return state;
  const waited = `${Math.round(exp.waitMs / 1000)} s`;
  const hint =
    action === 'shutdown' && (state === 'running' || state === 'idle' || state === 'in shutdown')
      ? 'A guest without ACPI support (or still booting) ignores the request; Destroy powers it off.'
      : 'virsh reported success, but the host does not show the change: check the host (a libvirt test driver keeps no changes).';
  throw new AppError({
    kind: 'remote',
    message: `VM ${domain} on ${hostName} was not ${exp.done}: virsh reported success, but read back after up to ${waited} the VM is "${state}" (expected "${exp.want.join('" or "')}").`,
    hint,
  });
}
