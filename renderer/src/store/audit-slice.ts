import type { StateCreator } from 'zustand';
import type { AuditEntry } from '../../../shared/contract';
import type { LabState } from './lab-state';

/** Enough history for a session; older lines are on disk via audit.list. */
export const AUDIT_KEEP = 5000;

export type AuditSlice = {
  /** Newest first. */
  auditEntries: AuditEntry[];
  auditLoaded: boolean;
  replaceAudit: (entries: AuditEntry[]) => void;
  appendAudit: (entry: AuditEntry) => void;
};

const newestFirst = (a: AuditEntry, b: AuditEntry): number => b.startedAt.localeCompare(a.startedAt);

export const createAuditSlice: StateCreator<LabState, [], [], AuditSlice> = (set) => ({
  auditEntries: [],
  auditLoaded: false,
  replaceAudit: (entries) =>
    set({ auditEntries: [...entries].sort(newestFirst).slice(0, AUDIT_KEEP), auditLoaded: true }),
  appendAudit: (entry) =>
    set((s) => {
      if (s.auditEntries.some((e) => e.id === entry.id)) return s;
      // Usually the newest; an entry the CLI wrote a moment ago can be older than ours: keep the order.
      const at = s.auditEntries.findIndex((e) => newestFirst(entry, e) <= 0);
      const next =
        at < 0 ? [...s.auditEntries, entry] : [...s.auditEntries.slice(0, at), entry, ...s.auditEntries.slice(at)];
      return { auditEntries: next.slice(0, AUDIT_KEEP) };
    }),
});
