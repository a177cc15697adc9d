import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract';
import { filterAudit } from './selectors';

const entry = (
  id: string,
  argv: string[],
  outcome: AuditEntry['outcome'],
  o: Partial<AuditEntry> = {},
): AuditEntry => ({
  id,
  hostId: 'h1',
  host: 'root@10.0.0.1:22',
  argv,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5,
  exitCode: outcome === 'ok' ? 0 : 1,
  stderrHead: '',
  outcome,
  ...o,
});

const entries = [
  entry('1', ['virsh', '--connect', 'qemu:///system', 'domuuid', '--domain', 'web1'], 'probe', {
    stderrHead: "error: failed to get domain 'web1'",
  }),
  entry('2', ['virsh', '--connect', 'qemu:///system', 'define', '/dev/stdin'], 'ok', {
    stdinNote: 'domain XML of web1',
  }),
  entry('3', ['virsh', '--connect', 'qemu:///system', 'start', '--domain', 'web1'], 'failed', {
    stderrHead: 'error: unsupported MSR',
    hostId: 'h2',
  }),
];
const ids = (xs: AuditEntry[]) => xs.map((e) => e.id);

describe('Operations filters (issue 12, #5)', () => {
  it('no filter: the same list', () => {
    expect(filterAudit(entries, { host: 'all', outcome: 'all', text: '' })).toBe(entries);
  });

  it('by outcome: failures without the probes, or only the probes', () => {
    expect(ids(filterAudit(entries, { host: 'all', outcome: 'failed', text: '' }))).toEqual(['3']);
    expect(ids(filterAudit(entries, { host: 'all', outcome: 'probe', text: '' }))).toEqual(['1']);
  });

  it('by text: every word, in the command, stdin note or stderr, any case', () => {
    expect(ids(filterAudit(entries, { host: 'all', outcome: 'all', text: 'web1' }))).toEqual(['1', '2', '3']);
    expect(ids(filterAudit(entries, { host: 'all', outcome: 'all', text: 'DOMUUID web1' }))).toEqual(['1']);
    expect(ids(filterAudit(entries, { host: 'all', outcome: 'all', text: 'msr' }))).toEqual(['3']);
    expect(ids(filterAudit(entries, { host: 'all', outcome: 'all', text: 'domain xml' }))).toEqual(['2']);
  });

  it('combined with the host filter', () => {
    expect(ids(filterAudit(entries, { host: 'h1', outcome: 'all', text: 'web1' }))).toEqual(['1', '2']);
  });
});
