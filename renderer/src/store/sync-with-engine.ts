import type { LabDeckClient } from '../api';
import { errorShapeOf } from '../api';
import { useLabStore } from './lab-store';

/**
 * Keeps the store in step with the engine: live events update it, and every (re)connect reloads
 * the lists, because events pushed while we were disconnected are lost.
 */
export function syncWithEngine(client: LabDeckClient): () => void {
  const store = useLabStore.getState();
  const stops = [
    client.on('host.changed', (h) => useLabStore.getState().upsertHost(h)),
    client.on('host.removed', ({ id }) => useLabStore.getState().dropHost(id)),
    client.on('prompt.opened', (p) => useLabStore.getState().openPrompt(p)),
    client.on('prompt.closed', ({ promptId }) => useLabStore.getState().closePrompt(promptId)),
    client.on('audit.appended', (e) => useLabStore.getState().appendAudit(e)),
  ];

  const reload = async (): Promise<void> => {
    try {
      useLabStore.getState().replaceHosts(await client.invoke('hosts.list'));
    } catch (err) {
      // Leave skeletons only while we have nothing; say what failed.
      useLabStore.getState().notify({ severity: 'error', message: 'Could not load hosts', error: errorShapeOf(err) });
    }
    try {
      useLabStore.getState().replaceAudit(await client.invoke('audit.list', {}));
    } catch (err) {
      useLabStore.getState().notify({ severity: 'error', message: 'Could not load the audit log', error: errorShapeOf(err) });
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
