import { useCallback, useEffect } from 'react';
import { emptyMarks } from '../../../shared/compose/marks';
import { useCommands, type Commands } from '../api';
import { createHostSnapshotCache, type HostSnapshotCache } from './host-snapshot-cache';
import { useLabStore } from './lab-store';

// One cache per client's commands, so in-flight reads are shared by every screen of that client.
const caches = new WeakMap<Commands, HostSnapshotCache>();

export function hostSnapshotCacheFor(commands: Commands): HostSnapshotCache {
  let cache = caches.get(commands);
  if (!cache) caches.set(commands, (cache = createHostSnapshotCache((id, refresh) => commands.hosts.snapshot(id, refresh))));
  return cache;
}

// One object, so memoised work on marks does not recompute for a host without any.
const NO_MARKS = emptyMarks();

/**
 * A host's snapshot and marks from the shared cache: read when first shown, read again when an event
 * says the host changed, and from the host itself on `reread`. The last snapshot stays on screen
 * while a read runs or after one fails (`error`).
 */
export function useHostSnapshot(hostId: string | null, { maxAgeMs }: { maxAgeMs?: number } = {}) {
  const cache = hostSnapshotCacheFor(useCommands());
  const entry = useLabStore((s) => (hostId ? s.hostSnapshots[hostId] : undefined));
  const stale = entry?.stale ?? false;

  useEffect(() => {
    if (hostId) void cache.read(hostId, { ...(maxAgeMs !== undefined ? { maxAgeMs } : {}) });
  }, [cache, hostId, maxAgeMs, stale]);

  const reread = useCallback(() => (hostId ? cache.read(hostId, { fresh: true }) : Promise.resolve(undefined)), [cache, hostId]);
  return {
    /** The whole entry (snapshot and marks), or null before the first answer. */
    data: entry?.fetchedAt != null ? entry : null,
    snapshot: entry?.snapshot ?? null,
    marks: entry?.marks ?? NO_MARKS,
    error: entry?.error ?? null,
    /** Nothing to show yet: the first read is on its way. */
    loading: hostId !== null && (!entry || (entry.fetchedAt === null && entry.error === null)),
    /** A read (maybe a fresh one) is on its way. */
    reading: entry?.loading ?? false,
    reread,
  };
}
