import type { StateCreator } from 'zustand';
import type { HostMarks } from '../../../shared/compose/marks';
import type { HostSnapshot } from '../../../shared/snapshot/types';
import type { LabState } from './lab-state';

export const hostDetailTabs = ['overview', 'topology', 'interfaces', 'networks', 'storage', 'vms', 'marks'] as const;
export type HostDetailTab = (typeof hostDetailTabs)[number];

/** The last snapshot and marks read for a host; kept across visits so reopening a host is instant. */
export type HostSnapshotEntry = { snapshot: HostSnapshot | null; marks: HostMarks };

export type HostDetailSlice = {
  detailHostId: string | null;
  detailTab: HostDetailTab;
  hostSnapshots: Record<string, HostSnapshotEntry>;
  /** Shows the host screen (optionally on a tab): from an inventory row, or from another screen's link. */
  openHostDetail: (hostId: string, tab?: HostDetailTab) => void;
  setDetailTab: (tab: HostDetailTab) => void;
  /** Stores a newer snapshot; an answer older than what we hold (a slow request overtaken) is ignored. */
  putHostSnapshot: (hostId: string, entry: Partial<HostSnapshotEntry>) => void;
};

const isOlder = (next: HostSnapshot | null | undefined, held: HostSnapshot | null | undefined): boolean =>
  !!next && !!held && next.takenAt < held.takenAt;

export const createHostDetailSlice: StateCreator<LabState, [], [], HostDetailSlice> = (set) => ({
  detailHostId: null,
  detailTab: 'overview',
  hostSnapshots: {},
  openHostDetail: (hostId, tab) =>
    set((s) => ({
      screen: 'host',
      detailHostId: hostId,
      // Another host starts on Overview; the same host keeps the tab the user left it on.
      detailTab: tab ?? (s.detailHostId === hostId ? s.detailTab : 'overview'),
    })),
  setDetailTab: (detailTab) => set({ detailTab }),
  putHostSnapshot: (hostId, entry) =>
    set((s) => {
      const held = s.hostSnapshots[hostId];
      const keepSnapshot = entry.snapshot === undefined || (entry.snapshot === null && held?.snapshot) || isOlder(entry.snapshot, held?.snapshot);
      return {
        hostSnapshots: {
          ...s.hostSnapshots,
          [hostId]: {
            snapshot: keepSnapshot ? (held?.snapshot ?? null) : (entry.snapshot ?? null),
            marks: entry.marks ?? held?.marks ?? { subnets: {}, interfaces: {} },
          },
        },
      };
    }),
});
