import { useCallback } from 'react';
import { errorShapeOf, useClient } from '../../api';
import { useLabStore } from '../../store';

/** Starts a refresh and returns at once; the new snapshot arrives through host.changed. */
export function useHostRefresh(hostId: string, hostName: string) {
  const client = useClient();
  const notify = useLabStore((s) => s.notify);
  return useCallback(async () => {
    try {
      await client.invoke('hosts.refresh', { id: hostId });
    } catch (err) {
      notify({ severity: 'error', message: `Could not refresh ${hostName}`, error: errorShapeOf(err) });
    }
  }, [client, hostId, hostName, notify]);
}
