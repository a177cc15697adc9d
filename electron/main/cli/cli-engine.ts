import type { HostView } from '../../../shared/contract';
import type { Core } from '../core';
import { callerOf, type Call } from '../dispatch';
import { createHandlers } from '../handlers';
import { UsageError } from './args';

/**
 * What a CLI command may use of the engine. Every request that has a channel goes through
 * dispatch, as the app's requests do (one schema check, typed errors); the core is there only for
 * what a terminal needs beyond the channels: job progress events, waiting for a job, console streams.
 */
export type CliEngine = {
  call: Call;
  core: Pick<Core, 'bus' | 'jobs' | 'streamSession'>;
};

export function cliEngine(core: Core): CliEngine {
  return { call: callerOf(createHandlers(core)), core };
}

/** The inventory entry named NAME; a usage error (exit 2) when there is none. */
export async function hostNamed(call: Call, name: string | undefined, flag = '--host NAME'): Promise<HostView> {
  if (!name) throw new UsageError(`${flag} is required.`);
  const host = (await call('hosts.list')).find((h) => h.name === name);
  if (!host) throw new UsageError(`No host named "${name}" in the inventory.`);
  return host;
}
