import { useCallback } from 'react';
import { errorShapeOf, useCommands } from '../../api';
import { useHostRefresh } from '../../hooks/useHostRefresh';
import { useLabStore } from '../../store';

/**
 * Fire-and-report host actions. Their progress arrives as host.changed events; only a failure to
 * start (or to remove) needs saying here.
 */
export function useHostCommands() {
  const commands = useCommands();
  const notify = useLabStore((s) => s.notify);
  const refresh = useHostRefresh();

  const remove = useCallback(
    async (id: string, name: string): Promise<boolean> => {
      try {
        const { removed } = await commands.hosts.remove(id);
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
    [commands, notify],
  );

  return { refresh, refreshAll: useCallback(() => refresh(), [refresh]), remove };
}
