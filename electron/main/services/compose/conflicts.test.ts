import { describe, expect, it } from 'vitest';
import type { HostConfig } from '../../../../shared/contract';
import { auditOutcome } from '../../core';
import type { RemoteRunner, RunOptions } from '../remote/remote-runner';
import type { ExecResult } from '../ssh/exec-channel';
import { liveConflicts } from './conflicts';

const host = { id: 'h1', name: 'labhost1', user: 'root', libvirtUri: 'qemu:///system' } as HostConfig;
const result = (exitCode: number, stderr = ''): ExecResult =>
  ({
    stdout: '',
    stderr,
    exitCode,
    signal: null,
    durationMs: 3,
    outcome: exitCode === 0 ? 'ok' : 'failed',
  }) as ExecResult;

describe("compose's existence probes (issue 12, #5)", () => {
  it('ask domuuid and vol-key as probes, and a free name is no conflict', async () => {
    const calls: { argv: readonly string[]; o: RunOptions | undefined }[] = [];
    const runner = {
      exec: async (_h: HostConfig, argv: readonly string[], o?: RunOptions) => {
        calls.push({ argv, o });
        return argv.includes('domuuid')
          ? result(1, "error: failed to get domain 'web1'\n")
          : result(
              1,
              "error: failed to get vol 'web1-root.qcow2'\nerror: Storage volume not found: no storage vol with matching path\n",
            );
      },
    } as unknown as RemoteRunner;
    const out = await liveConflicts(
      runner,
      host,
      'web1',
      [{ pool: 'default', name: 'web1-root.qcow2' }],
      new AbortController().signal,
    );
    expect(out).toEqual([]);
    expect(calls.map((c) => c.argv[3])).toEqual(['domuuid', 'vol-key']);
    // What the audit log records for these two: probes, not failures.
    for (const c of [...calls]) {
      const r = await (runner.exec as (h: HostConfig, a: readonly string[]) => Promise<ExecResult>)(host, c.argv);
      expect(auditOutcome(r, c.o?.probe)).toBe('probe');
    }
  });

  it('a real failure of a probe stays failed; a command without probe stays failed', () => {
    const probe = /failed to get|not found/i;
    expect(auditOutcome(result(1, 'error: authentication unavailable: no polkit agent'), probe)).toBe('failed');
    expect(auditOutcome(result(1, "error: failed to get domain 'x'"), undefined)).toBe('failed');
    expect(auditOutcome(result(0), probe)).toBe('ok');
    expect(auditOutcome({ outcome: 'timeout', exitCode: null, stderr: 'failed to get' }, probe)).toBe('timeout');
  });
});
