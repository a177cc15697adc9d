import type { HostMarks } from '../../../shared/compose/marks';
import type { HostSnapshot } from '../../../shared/snapshot/types';
import { errorShapeOf, type Commands } from '../api';
import type { HostSnapshotEntry } from './host-snapshot-slice';
import { useLabStore } from './lab-store';

/** hosts.snapshot: the engine's last snapshot, or a new read of the host when `refresh`. */
export type SnapshotFetch = (
  hostId: string,
  refresh: boolean,
) => Promise<{ snapshot: HostSnapshot | null; marks: HostMarks }>;

export type SnapshotReadOptions = {
  /** A copy read up to this long ago (ms) is good enough; default: any copy no event has outdated. */
  maxAgeMs?: number;
  /** Read the host itself now (the "Re-read host" buttons), whatever the copy's age. */
  fresh?: boolean;
};

export type HostSnapshotCache = {
  /** Resolves with the host's entry once it is current; a failure is in `entry.error`, never thrown. */
  read: (hostId: string, options?: SnapshotReadOptions) => Promise<HostSnapshotEntry | undefined>;
};

type Store = Pick<typeof useLabStore, 'getState'>;

/**
 * Reads into the store's one copy per host. Callers asking at the same time share one request: a
 * plain read joins whatever is on its way; a fresh read joins only a fresh one.
 */
export function createHostSnapshotCache(
  fetch: SnapshotFetch,
  store: Store = useLabStore,
  now: () => number = Date.now,
): HostSnapshotCache {
  const inFlight = new Map<string, { fresh: boolean; done: Promise<HostSnapshotEntry | undefined> }>();

  const goodEnough = (e: HostSnapshotEntry | undefined, maxAgeMs: number): boolean =>
    !!e && e.fetchedAt !== null && !e.stale && e.error === null && now() - e.fetchedAt <= maxAgeMs;

  return {
    read(hostId, { maxAgeMs = Infinity, fresh = false } = {}) {
      const pending = inFlight.get(hostId);
      if (pending && (pending.fresh || !fresh)) return pending.done;
      if (!fresh && goodEnough(store.getState().hostSnapshots[hostId], maxAgeMs)) {
        return Promise.resolve(store.getState().hostSnapshots[hostId]);
      }
      store.getState().snapshotLoading(hostId);
      const done = fetch(hostId, fresh)
        .then(
          (answer) => store.getState().putHostSnapshot(hostId, answer, now()),
          (err: unknown) => store.getState().snapshotFailed(hostId, errorShapeOf(err)),
        )
        .then(() => {
          if (inFlight.get(hostId)?.done === done) inFlight.delete(hostId);
          return store.getState().hostSnapshots[hostId];
        });
      inFlight.set(hostId, { fresh, done });
      return done;
    },
  };
}

// One cache per client's commands, so in-flight reads are shared by every screen of that client.
const caches = new WeakMap<Commands, HostSnapshotCache>();

export function hostSnapshotCacheFor(commands: Commands): HostSnapshotCache {
  let cache = caches.get(commands);
  if (!cache)
    caches.set(commands, (cache = createHostSnapshotCache((id, refresh) => commands.hosts.snapshot(id, refresh))));
  return cache;
}
