import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, ResponseOf } from '../../../shared/contract';
import { errorShapeOf, useClient } from '../api';

export type SnapshotData = ResponseOf<'hosts.snapshot'>;

type Loaded = { key: string; data: SnapshotData | null; error: AppErrorShape | null };

/**
 * A pod's last snapshot and marks (its interfaces, networks, pools), read once per pod; `reload`
 * asks the host again. While a new pod's answer is on its way, `data` is null and `loading` true.
 */
export function useHostSnapshot(hostId: string | null) {
  const client = useClient();
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = hostId ? `${hostId}#${nonce}` : '';

  useEffect(() => {
    if (!hostId) return;
    let live = true;
    client
      .invoke('hosts.snapshot', { id: hostId, refresh: nonce > 0 })
      .then((data) => live && setLoaded({ key, data, error: null }))
      .catch((err: unknown) => live && setLoaded({ key, data: null, error: errorShapeOf(err) }));
    return () => {
      live = false;
    };
  }, [client, hostId, nonce, key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = loaded?.key === key ? loaded : null;
  // Keep the previous answer for the same pod while a reload runs, so the screen does not blank out.
  const sameHost = loaded !== null && hostId !== null && loaded.key.startsWith(`${hostId}#`);
  return {
    data: (current ?? (sameHost ? loaded : null))?.data ?? null,
    error: current?.error ?? null,
    loading: hostId !== null && current === null,
    reload,
  };
}
