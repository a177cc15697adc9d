import { useCallback } from 'react';
import { errorShapeOf, useClient } from '../../api';
import { useLabStore } from '../../store';

/**
 * Fire-and-report host actions. Their progress arrives as host.changed events; only a failure to
 * start (or to remove) needs saying here.
 */
export function useHostCommands() {
  const client = useClient();
  const notify = useLabStore((s) => s.notify);

  const refresh = useCallback(
    async (id?: string, name?: string) => {
      try {
        await client.invoke('hosts.refresh', id ? { id } : {});
      } catch (err) {
        notify({ severity: 'error', message: name ? `Could not refresh ${name}` : 'Could not refresh hosts', error: errorShapeOf(err) });
      }
    },
    [client, notify],
  );

  const remove = useCallback(
    async (id: string, name: string): Promise<boolean> => {
      try {
        const { removed } = await client.invoke('hosts.remove', { id });
        if (removed) {
          useLabStore.getState().dropHost(id);
          notify({ severity: 'success', message: `Removed ${name} from the inventory` });
        }
        return removed;
      } catch (err) {
        notify({ severity: 'error', message: `Could not remove ${name}`, error: errorShapeOf(err) });
        return false;
      }
    },
    [client, notify],
  );

  return { refresh, refreshAll: useCallback(() => refresh(), [refresh]), remove };
}
