import type { LabDeckClient } from '../api';
import { commandsFor, errorShapeOf } from '../api';
import { useLabStore } from './lab-store';

/**
 * Keeps the store in step with the engine: live events update it, and every (re)connect reloads
 * the lists, because events pushed while we were disconnected are lost.
 */
export function syncWithEngine(client: LabDeckClient): () => void {
  const store = useLabStore.getState();
  const commands = commandsFor(client);
  const stops = [
    client.on('host.changed', (h) => {
      useLabStore.getState().upsertHost(h);
      // The snapshot cache's copy is read again by whoever shows it.
      useLabStore.getState().noteHostChanged(h);
    }),
    client.on('host.removed', ({ id }) => {
      useLabStore.getState().dropHost(id);
      useLabStore.getState().dropHostSnapshot(id);
    }),
    client.on('prompt.opened', (p) => useLabStore.getState().openPrompt(p)),
    client.on('prompt.closed', ({ promptId }) => useLabStore.getState().closePrompt(promptId)),
    client.on('audit.appended', (e) => useLabStore.getState().appendAudit(e)),
  ];

  // A dropped connection is already announced by the banner and retried by the next reconnect.
  const report = (message: string, err: unknown): void => {
    const error = errorShapeOf(err);
    if (error.kind !== 'connect') useLabStore.getState().notify({ severity: 'error', message, error });
  };

  const reload = async (): Promise<void> => {
    useLabStore.getState().markSnapshotsStale();
    try {
      useLabStore.getState().replaceHosts(await commands.hosts.list());
    } catch (err) {
      report('Could not load hosts', err);
    }
    try {
      // Prompts opened while we were away would otherwise stay invisible, holding a connection.
      for (const p of await commands.session.pendingPrompts()) useLabStore.getState().openPrompt(p);
    } catch (err) {
      report('Could not load open prompts', err);
    }
    try {
      useLabStore.getState().replaceAudit(await commands.session.audit());
    } catch (err) {
      report('Could not load the audit log', err);
    }
  };

  let lastGeneration = 0;
  const onConnection = (state: ReturnType<LabDeckClient['connection']>): void => {
    useLabStore.getState().setConnection(state);
    if (state.status === 'open' && state.generation !== lastGeneration) {
      lastGeneration = state.generation;
      void reload();
    }
  };
  stops.push(client.onConnection(onConnection));
  store.setConnection(client.connection());
  onConnection(client.connection());

  return () => stops.forEach((stop) => stop());
}
