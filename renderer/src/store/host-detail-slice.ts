import type { StateCreator } from 'zustand';
import type { LabState } from './lab-state';

export const hostDetailTabs = ['overview', 'topology', 'interfaces', 'networks', 'storage', 'vms', 'marks'] as const;
export type HostDetailTab = (typeof hostDetailTabs)[number];

export type HostDetailSlice = {
  detailHostId: string | null;
  detailTab: HostDetailTab;
  /** A VM to pick out on the VMs tab ("Go to the VM"); cleared when another tab or host is shown. */
  highlightVm: string | null;
  /** Shows the host screen (optionally on a tab, with a VM picked out): from an inventory row, or from another screen's link. */
  openHostDetail: (hostId: string, tab?: HostDetailTab, highlightVm?: string) => void;
  setDetailTab: (tab: HostDetailTab) => void;
};

export const createHostDetailSlice: StateCreator<LabState, [], [], HostDetailSlice> = (set) => ({
  detailHostId: null,
  detailTab: 'overview',
  highlightVm: null,
  openHostDetail: (hostId, tab, highlightVm) =>
    set((s) => {
      // Another host starts on Overview; the same host keeps the tab the user left it on.
      const detailTab = tab ?? (s.detailHostId === hostId ? s.detailTab : 'overview');
      return {
        screen: 'host',
        detailHostId: hostId,
        detailTab,
        highlightVm: detailTab === 'vms' ? (highlightVm ?? null) : null,
      };
    }),
  setDetailTab: (detailTab) => set({ detailTab, highlightVm: null }),
});
