import { useEffect } from 'react';
import { useLabStore } from '../../store';
import { useHostCommands } from '../inventory/useHostCommands';
import { useShortcutsDialog } from './shortcuts';

/** True when a key press belongs to what the user is typing or to an open dialog/menu. */
function isBusyTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="dialog"], [role="listbox"], [role="menu"]')) return true;
  return false;
}

/**
 * `?`: the shortcuts dialog. `/` or Ctrl+F: focus host search. `r`: refresh all. `a`: add host
 * (the full list, with where each works, is `shortcuts` in ./shortcuts.ts).
 * Single-letter shortcuts never fire while typing, inside a dialog, or with modifiers held.
 */
export function useKeyboardShortcuts(): void {
  const { refreshAll } = useHostCommands();

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = useLabStore.getState();
      const modalOpen = s.hostDialog !== null || s.importOpen || s.prompts.length > 0;

      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        if (modalOpen) return;
        e.preventDefault();
        s.requestSearchFocus();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || modalOpen || isBusyTarget(e.target)) return;

      switch (e.key) {
        case '?':
          e.preventDefault();
          useShortcutsDialog.getState().setOpen(true);
          break;
        case '/':
          e.preventDefault();
          s.requestSearchFocus();
          break;
        case 'r':
          e.preventDefault();
          void refreshAll();
          break;
        case 'a':
          e.preventDefault();
          s.setScreen('inventory');
          s.openHostDialog({ mode: 'add' });
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [refreshAll]);
}
