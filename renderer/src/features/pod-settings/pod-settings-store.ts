import { create } from 'zustand';

/** Which pod's settings dialog is open (the dialog itself is mounted once, in the app shell). */
type PodSettingsState = {
  hostId: string | null;
  open: (hostId: string) => void;
  close: () => void;
};

export const usePodSettingsStore = create<PodSettingsState>()((set) => ({
  hostId: null,
  open: (hostId) => set({ hostId }),
  close: () => set({ hostId: null }),
}));

export const openPodSettings = (hostId: string): void => usePodSettingsStore.getState().open(hostId);
