import { describe, expect, it } from 'vitest';
import { createStore, type StateCreator } from 'zustand/vanilla';
import type { AuditEntry } from '../../../shared/contract';
import { createAuditSlice, type AuditSlice } from './audit-slice';

const entry = (id: string, startedAt: string): AuditEntry => ({
  id,
  host: 'root@10.0.0.1:22',
  argv: ['virsh', 'list'],
  startedAt,
  durationMs: 1,
  exitCode: 0,
  stderrHead: '',
  outcome: 'ok',
});

// The slice only touches its own fields, so it runs in a store of its own.
const store = () => createStore<AuditSlice>()(createAuditSlice as unknown as StateCreator<AuditSlice>);

describe('audit slice: entries pushed live', () => {
  it('keeps newest first when a pushed entry (from the CLI) is older than ours, and ignores repeats', () => {
    const s = store();
    s.getState().replaceAudit([entry('b', '2026-01-01T00:00:02Z'), entry('d', '2026-01-01T00:00:04Z')]);
    s.getState().appendAudit(entry('e', '2026-01-01T00:00:05Z'));
    s.getState().appendAudit(entry('c', '2026-01-01T00:00:03Z'));
    s.getState().appendAudit(entry('a', '2026-01-01T00:00:01Z'));
    s.getState().appendAudit(entry('c', '2026-01-01T00:00:03Z'));
    expect(s.getState().auditEntries.map((e) => e.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
