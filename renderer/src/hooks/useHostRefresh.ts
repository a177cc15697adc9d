import { useCallback } from 'react';
import { errorShapeOf, useCommands } from '../api';
import { useLabStore } from '../store';

/**
 * Refreshes one host (all without an id): the inventory's rows and shortcut, and the host view's
 * Refresh. The new snapshot arrives through host.changed; a failure to start, or a failed read the
 * engine reports, is shown with its command and stderr.
 */
export function useHostRefresh() {
  const commands = useCommands();
  const notify = useLabStore((s) => s.notify);
  return useCallback(
    async (id?: string, name?: string): Promise<void> => {
      try {
        await commands.hosts.refresh(id);
      } catch (err) {
        notify({
          severity: 'error',
          message: name ? `Could not refresh ${name}` : 'Could not refresh hosts',
          error: errorShapeOf(err),
        });
      }
    },
    [commands, notify],
  );
}
