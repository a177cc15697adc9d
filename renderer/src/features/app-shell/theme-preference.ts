import { create } from 'zustand';

export type ThemePreference = 'light' | 'dark' | 'system';

const KEY = 'labdeck.theme';

function stored(): ThemePreference {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Light, dark, or the OS setting (the default); kept in localStorage so a reload keeps it. */
export const useThemePreference = create<{ preference: ThemePreference; setPreference: (p: ThemePreference) => void }>(
  (set) => ({
    preference: stored(),
    setPreference: (preference) => {
      try {
        globalThis.localStorage?.setItem(KEY, preference);
      } catch {
        // Storage refused (private mode): the choice lasts for this session only.
      }
      set({ preference });
    },
  }),
);
