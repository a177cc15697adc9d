import { create } from 'zustand';

/** Every keyboard shortcut of the app, as the shortcuts dialog lists them (one source for the list and its tests). */
export const shortcuts: { keys: string[]; what: string; where: string }[] = [
  { keys: ['?'], what: 'Show this list of shortcuts', where: 'Anywhere' },
  { keys: ['/', 'Ctrl+F'], what: 'Search hosts', where: 'Anywhere' },
  { keys: ['r'], what: 'Refresh all hosts', where: 'Anywhere' },
  { keys: ['a'], what: 'Add a host', where: 'Anywhere' },
  { keys: ['Esc'], what: 'Clear the host search; close a dialog or menu', where: 'Host search, dialogs' },
  { keys: ['Enter', 'Space'], what: 'Open the focused host’s side panel', where: 'Inventory table' },
  { keys: ['Enter'], what: 'Select the focused node and show its details', where: 'Topology' },
];

/** Whether the shortcuts dialog is open (`?` or the app bar's Shortcuts button). */
export const useShortcutsDialog = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
