import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, VirtCapabilities } from '../../../shared/contract';
import { errorShapeOf, useCommands } from '../api';

type Loaded = { key: string; data: VirtCapabilities | null; error: AppErrorShape | null };

/**
 * Which virt types and CPU modes the pod offers and which really started there (hosts.virtCapabilities,
 * probed once by the engine and cached). `recheck` asks the engine to probe again.
 */
export function useVirtCapabilities(hostId: string | null, arch?: string) {
  const commands = useCommands();
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = hostId ? `${hostId}#${arch ?? ''}#${nonce}` : '';

  useEffect(() => {
    if (!hostId) return;
    let live = true;
    commands.hosts
      .virtCapabilities({ hostId, ...(arch ? { arch } : {}), refresh: nonce > 0 })
      .then((data) => live && setLoaded({ key, data, error: null }))
      .catch((err: unknown) => live && setLoaded({ key, data: null, error: errorShapeOf(err) }));
    return () => {
      live = false;
    };
  }, [commands, hostId, arch, nonce, key]);

  const current = loaded?.key === key ? loaded : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    loading: hostId !== null && current === null,
    recheck: useCallback(() => setNonce((n) => n + 1), []),
  };
}
