import type { StateCreator } from 'zustand';
import type { AppErrorShape, AuditEntry, HostStatus } from '../../../shared/contract';
import type { ConnectionState } from '../api';
import type { LabState } from './lab-state';

/**
 * 'host': one host's detail screen (which host: detailHostId in the host-detail slice).
 * 'compose': the compose wizard (its pod, step and draft are the wizard's own state).
 */
export type Screen = 'inventory' | 'operations' | 'host' | 'compose';
export type SortKey = 'name' | 'address' | 'kind' | 'status' | 'cpus' | 'memory' | 'vms' | 'networks' | 'libvirt';
export type SortDirection = 'asc' | 'desc';
export type HostDialogState = { mode: 'add' } | { mode: 'edit'; hostId: string } | null;
export type Notice = { severity: 'success' | 'info' | 'error'; message: string; error?: AppErrorShape };

export type UiSlice = {
  screen: Screen;
  search: string;
  statusFilter: HostStatus | 'all';
  sort: { key: SortKey; direction: SortDirection };
  selectedHostId: string | null;
  hostDialog: HostDialogState;
  importOpen: boolean;
  /** Bumped to ask the search box to take focus (keyboard shortcut from anywhere). */
  searchFocusRequest: number;
  connection: ConnectionState;
  notice: Notice | null;
  auditHostFilter: string;
  /** Operations: one outcome only ('all' for every one), and words the command, host or stderr must contain. */
  auditOutcomeFilter: AuditEntry['outcome'] | 'all';
  auditText: string;
  setScreen: (screen: Screen) => void;
  setSearch: (search: string) => void;
  setStatusFilter: (status: HostStatus | 'all') => void;
  toggleSort: (key: SortKey) => void;
  selectHost: (id: string | null) => void;
  openHostDialog: (dialog: HostDialogState) => void;
  setImportOpen: (open: boolean) => void;
  requestSearchFocus: () => void;
  setConnection: (connection: ConnectionState) => void;
  notify: (notice: Notice | null) => void;
  setAuditHostFilter: (filter: string) => void;
  setAuditOutcomeFilter: (outcome: AuditEntry['outcome'] | 'all') => void;
  setAuditText: (text: string) => void;
};

export const createUiSlice: StateCreator<LabState, [], [], UiSlice> = (set) => ({
  screen: 'inventory',
  search: '',
  statusFilter: 'all',
  sort: { key: 'name', direction: 'asc' },
  selectedHostId: null,
  hostDialog: null,
  importOpen: false,
  searchFocusRequest: 0,
  connection: { status: 'connecting', generation: 0 },
  notice: null,
  auditHostFilter: 'all',
  auditOutcomeFilter: 'all',
  auditText: '',
  setScreen: (screen) => set({ screen }),
  setSearch: (search) => set({ search }),
  setStatusFilter: (statusFilter) => set({ statusFilter }),
  toggleSort: (key) =>
    set((s) => ({
      sort:
        s.sort.key === key
          ? { key, direction: s.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { key, direction: 'asc' },
    })),
  selectHost: (selectedHostId) => set({ selectedHostId }),
  openHostDialog: (hostDialog) => set({ hostDialog }),
  setImportOpen: (importOpen) => set({ importOpen }),
  requestSearchFocus: () => set((s) => ({ screen: 'inventory', searchFocusRequest: s.searchFocusRequest + 1 })),
  setConnection: (connection) => set({ connection }),
  notify: (notice) => set({ notice }),
  setAuditHostFilter: (auditHostFilter) => set({ auditHostFilter }),
  setAuditOutcomeFilter: (auditOutcomeFilter) => set({ auditOutcomeFilter }),
  setAuditText: (auditText) => set({ auditText }),
});
