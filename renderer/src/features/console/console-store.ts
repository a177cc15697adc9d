import { create } from 'zustand';
import type { StreamKind } from '../../../../shared/contract';

export type ConsoleTab = { key: string; kind: StreamKind; hostId: string; hostName: string; domain: string };

type ConsoleState = {
  tabs: ConsoleTab[];
  active?: string;
  /** Opens (or focuses) the console of a VM: one tab per VM and kind. */
  open(t: Omit<ConsoleTab, 'key'>): void;
  close(key: string): void;
  select(key: string): void;
  /** The dock is folded to its tab strip (sessions stay open). */
  minimised: boolean;
  setMinimised(m: boolean): void;
};

export const consoleKey = (t: Pick<ConsoleTab, 'kind' | 'hostId' | 'domain'>) => `${t.kind}:${t.hostId}:${t.domain}`;

/** The open console tabs; each tab's session lives as long as its tab. */
export const useConsoleStore = create<ConsoleState>((set) => ({
  tabs: [],
  minimised: false,
  open: (t) =>
    set((s) => {
      const key = consoleKey(t);
      return {
        tabs: s.tabs.some((x) => x.key === key) ? s.tabs : [...s.tabs, { ...t, key }],
        active: key,
        minimised: false,
      };
    }),
  close: (key) =>
    set((s) => {
      const tabs = s.tabs.filter((x) => x.key !== key);
      return { tabs, active: s.active === key ? tabs.at(-1)?.key : s.active };
    }),
  select: (key) => set({ active: key, minimised: false }),
  setMinimised: (minimised) => set({ minimised }),
}));
