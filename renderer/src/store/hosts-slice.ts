import type { StateCreator } from 'zustand';
import type { HostView } from '../../../shared/contract';
import type { LabState } from './lab-state';

export type HostsSlice = {
  hostsById: Record<string, HostView>;
  /** False until the first hosts.list answer: the inventory shows skeletons meanwhile. */
  hostsLoaded: boolean;
  replaceHosts: (hosts: HostView[]) => void;
  upsertHost: (host: HostView) => void;
  dropHost: (id: string) => void;
};

export const createHostsSlice: StateCreator<LabState, [], [], HostsSlice> = (set) => ({
  hostsById: {},
  hostsLoaded: false,
  replaceHosts: (hosts) => set({ hostsById: Object.fromEntries(hosts.map((h) => [h.id, h])), hostsLoaded: true }),
  upsertHost: (host) => set((s) => ({ hostsById: { ...s.hostsById, [host.id]: host } })),
  dropHost: (id) =>
    set((s) => {
      if (!(id in s.hostsById)) return s;
      const { [id]: _gone, ...rest } = s.hostsById;
      // A removed host cannot stay selected or be edited.
      return {
        hostsById: rest,
        selectedHostId: s.selectedHostId === id ? null : s.selectedHostId,
        hostDialog: s.hostDialog?.mode === 'edit' && s.hostDialog.hostId === id ? null : s.hostDialog,
      };
    }),
});
