import { useCallback, useEffect } from 'react';
import { emptyMarks } from '../../../shared/compose/marks';
import type { ResponseOf } from '../../../shared/contract';
import { useCommands } from '../api';
import { hostSnapshotCacheFor, useLabStore } from '../store';

/** A host's snapshot with its marks, as hosts.snapshot answers (a cache entry is one). */
export type SnapshotData = ResponseOf<'hosts.snapshot'>;

// One object, so memoised work on marks does not recompute for a host without any.
const NO_MARKS = emptyMarks();

/**
 * A host's snapshot and marks from the store's one cache, shared by the host view, the compose
 * wizard and pod settings: read when first shown (a copy up to `maxAgeMs` old will do), read again
 * when a host.changed event says the host was read anew, and from the host itself on `reread`. The
 * last snapshot stays on screen while a read runs and after one fails (`error`).
 */
export function useHostSnapshot(hostId: string | null, { maxAgeMs }: { maxAgeMs?: number } = {}) {
  const cache = hostSnapshotCacheFor(useCommands());
  const entry = useLabStore((s) => (hostId ? s.hostSnapshots[hostId] : undefined));
  const stale = entry?.stale ?? false;

  useEffect(() => {
    if (hostId) void cache.read(hostId, maxAgeMs !== undefined ? { maxAgeMs } : {});
  }, [cache, hostId, maxAgeMs, stale]);

  const reread = useCallback(
    () => (hostId ? cache.read(hostId, { fresh: true }) : Promise.resolve(undefined)),
    [cache, hostId],
  );
  return {
    /** Snapshot and marks, or null before the first answer. */
    data: entry && entry.fetchedAt !== null ? (entry as SnapshotData) : null,
    snapshot: entry?.snapshot ?? null,
    marks: entry?.marks ?? NO_MARKS,
    /** The last read's failure, shown until a read succeeds. */
    error: entry?.error ?? null,
    /** Nothing to show yet: the first read is on its way. */
    loading: hostId !== null && (!entry || (entry.fetchedAt === null && entry.error === null)),
    /** A read (maybe a fresh one) is on its way. */
    reading: entry?.loading ?? false,
    reread,
  };
}
