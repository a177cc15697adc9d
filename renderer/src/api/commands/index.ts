import { useClient } from '../client-context';
import type { LabDeckClient } from '../client';
import { composeCommands } from './compose';
import { hostCommands } from './hosts';
import { jobCommands } from './jobs';
import { networkCommands } from './networks';
import { sessionCommands } from './session';
import { vmCommands } from './vms';

/**
 * Every engine call the UI makes, by area, as typed functions. Each resolves with the
 * schema-checked response or rejects with the client's error (an AppErrorShape inside).
 */
export function createCommands(client: LabDeckClient) {
  return {
    hosts: hostCommands(client),
    vms: vmCommands(client),
    networks: networkCommands(client),
    compose: composeCommands(client),
    jobs: jobCommands(client),
    session: sessionCommands(client),
  };
}

export type Commands = ReturnType<typeof createCommands>;

// One object per client, so hooks can list it as a dependency without re-running.
const byClient = new WeakMap<LabDeckClient, Commands>();

export function commandsFor(client: LabDeckClient): Commands {
  let commands = byClient.get(client);
  if (!commands) byClient.set(client, (commands = createCommands(client)));
  return commands;
}

export function useCommands(): Commands {
  return commandsFor(useClient());
}
