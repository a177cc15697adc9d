import type { AuditEntry, HostView, Prompt } from '../../../shared/contract';
import { quoteArgv } from '../../../shared/remote/shell-quote';
import { queryHosts } from './host-query';
import type { LabState } from './lab-state';

// Plain functions: components pick with useLabStore(selector), wrapping list-returning ones in
// useShallow so a new array with the same items does not re-render.

export const selectHostList = (s: LabState): HostView[] => Object.values(s.hostsById);

export const selectVisibleHosts = (s: LabState): HostView[] =>
  queryHosts(Object.values(s.hostsById), s.search, s.statusFilter, s.sort);

export const selectHostCount = (s: LabState): number => Object.keys(s.hostsById).length;

export const selectHostById =
  (id: string | null | undefined) =>
  (s: LabState): HostView | undefined =>
    id ? s.hostsById[id] : undefined;

export const selectSelectedHost = (s: LabState): HostView | undefined =>
  s.selectedHostId ? s.hostsById[s.selectedHostId] : undefined;

export const selectActivePrompt = (s: LabState): Prompt | undefined => s.prompts[0];

/** Audit filter value: a host id when the entry has one, else the host string the engine logged. */
export const auditHostKey = (e: AuditEntry): string => e.hostId ?? `host:${e.host}`;

export type AuditFilter = { host: string; outcome: AuditEntry['outcome'] | 'all'; text: string };

/**
 * Entries of one host ('all': any), one outcome ('all': any), and containing every word of `text`
 * (case-insensitive) in the command as it ran, its stdin note, the host or stderr.
 */
export function filterAudit(entries: AuditEntry[], f: AuditFilter): AuditEntry[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (f.host === 'all' && f.outcome === 'all' && words.length === 0) return entries;
  return entries.filter((e) => {
    if (f.host !== 'all' && auditHostKey(e) !== f.host) return false;
    if (f.outcome !== 'all' && e.outcome !== f.outcome) return false;
    if (words.length === 0) return true;
    const hay = `${quoteArgv(e.argv)} ${e.stdinNote ?? ''} ${e.host} ${e.stderrHead}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export const selectVisibleAudit = (s: LabState): AuditEntry[] =>
  filterAudit(s.auditEntries, { host: s.auditHostFilter, outcome: s.auditOutcomeFilter, text: s.auditText });

export const selectAuditHostKeys = (s: LabState): string[] => {
  const keys = new Set<string>(Object.keys(s.hostsById));
  for (const e of s.auditEntries) keys.add(auditHostKey(e));
  return [...keys].sort();
};

export const selectOnlineCount = (s: LabState): number =>
  Object.values(s.hostsById).filter((h) => h.status === 'online').length;
