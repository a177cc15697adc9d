import type { StateCreator } from 'zustand';
import type { AppErrorShape, HostView } from '../../../shared/contract';
import { emptyMarks, type HostMarks } from '../../../shared/compose/marks';
import type { HostSnapshot } from '../../../shared/snapshot/types';
import type { LabState } from './lab-state';

/**
 * The one renderer copy of a host's snapshot and marks, shared by every screen that shows the host
 * (host view, topology, compose wizard, pod settings). Read through host-snapshot-cache.ts.
 */
export type HostSnapshotEntry = {
  snapshot: HostSnapshot | null;
  marks: HostMarks;
  /** When the last answer arrived (ms since epoch); null until one has. */
  fetchedAt: number | null;
  /** The last read's failure, kept (with the older snapshot) until a read succeeds. */
  error: AppErrorShape | null;
  /** A read is on its way. */
  loading: boolean;
  /** The host has changed since this copy was read (a host.changed event, a reconnect): read again. */
  stale: boolean;
};

export type HostSnapshotSlice = {
  hostSnapshots: Record<string, HostSnapshotEntry>;
  snapshotLoading: (hostId: string) => void;
  /**
   * Stores an answer (a read, or an action's result); a snapshot older than the one held (a slow
   * request overtaken) is ignored, and marks alone change only the marks.
   */
  putHostSnapshot: (hostId: string, answer: { snapshot?: HostSnapshot | null; marks?: HostMarks }, at?: number) => void;
  snapshotFailed: (hostId: string, error: AppErrorShape) => void;
  /** A host.changed event: the copy is stale once the host was read after it. */
  noteHostChanged: (host: HostView) => void;
  /** After a reconnect events may have been missed: every copy is read again before it is trusted. */
  markSnapshotsStale: () => void;
  dropHostSnapshot: (hostId: string) => void;
};

const blank = (): HostSnapshotEntry => ({
  snapshot: null,
  marks: emptyMarks(),
  fetchedAt: null,
  error: null,
  loading: false,
  stale: false,
});

const isOlder = (next: HostSnapshot | null | undefined, held: HostSnapshot | null | undefined): boolean =>
  !!next && !!held && next.takenAt < held.takenAt;

export const createHostSnapshotSlice: StateCreator<LabState, [], [], HostSnapshotSlice> = (set) => {
  const patch = (hostId: string, change: (held: HostSnapshotEntry) => Partial<HostSnapshotEntry>) =>
    set((s) => {
      const held = s.hostSnapshots[hostId] ?? blank();
      return { hostSnapshots: { ...s.hostSnapshots, [hostId]: { ...held, ...change(held) } } };
    });

  return {
    hostSnapshots: {},
    snapshotLoading: (hostId) => patch(hostId, () => ({ loading: true })),
    putHostSnapshot: (hostId, answer, at = Date.now()) =>
      set((s) => {
        const held = s.hostSnapshots[hostId] ?? blank();
        const keep =
          answer.snapshot === undefined ||
          (answer.snapshot === null && !!held.snapshot) ||
          isOlder(answer.snapshot, held.snapshot);
        const snapshot = keep ? held.snapshot : (answer.snapshot ?? null);
        // An answer read before the latest host.changed leaves the copy stale.
        const lastSeen = s.hostsById[hostId]?.lastSeen;
        const stale = !!lastSeen && (!snapshot || snapshot.takenAt < lastSeen);
        const marks = answer.marks ?? held.marks;
        // Marks alone (saved from the Marks tab) are not a read of the host.
        if (answer.snapshot === undefined)
          return { hostSnapshots: { ...s.hostSnapshots, [hostId]: { ...held, marks } } };
        const entry = { snapshot, marks, fetchedAt: at, error: null, loading: false, stale };
        return { hostSnapshots: { ...s.hostSnapshots, [hostId]: entry } };
      }),
    snapshotFailed: (hostId, error) => patch(hostId, () => ({ error, loading: false })),
    noteHostChanged: (host) =>
      set((s) => {
        const held = s.hostSnapshots[host.id];
        const behind =
          !!held && !held.stale && !!host.lastSeen && (!held.snapshot || held.snapshot.takenAt < host.lastSeen);
        return behind ? { hostSnapshots: { ...s.hostSnapshots, [host.id]: { ...held, stale: true } } } : s;
      }),
    markSnapshotsStale: () =>
      set((s) => ({
        hostSnapshots: Object.fromEntries(
          Object.entries(s.hostSnapshots).map(([id, e]) => [id, { ...e, stale: true }]),
        ),
      })),
    dropHostSnapshot: (hostId) =>
      set((s) => {
        if (!(hostId in s.hostSnapshots)) return s;
        const { [hostId]: _gone, ...rest } = s.hostSnapshots;
        return { hostSnapshots: rest };
      }),
  };
};
