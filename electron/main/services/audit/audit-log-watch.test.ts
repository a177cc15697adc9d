import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/contract';
import { EventBus } from '../event-bus';
import { AuditLog } from './audit-log';

const entry = (id: string, argv = ['virsh', 'list']): AuditEntry => ({
  id,
  host: 'root@10.0.0.1:22',
  argv,
  startedAt: new Date().toISOString(),
  durationMs: 3,
  exitCode: 0,
  stderrHead: '',
  outcome: 'ok',
});
const line = (id: string) => `${JSON.stringify(entry(id))}\n`;

/** Another process (as the `labdeck` CLI is) writes to the file: appends raw text, or truncates it. */
function otherProcess(file: string, op: 'append' | 'truncate', text = ''): void {
  const script =
    op === 'append'
      ? 'require("fs").appendFileSync(process.argv[1], process.argv[2])'
      : 'require("fs").truncateSync(process.argv[1], 0)';
  execFileSync(process.execPath, ['-e', script, file, text]);
}

let dir: string;
let log: AuditLog;
let pushed: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-audit-'));
  const bus = new EventBus();
  pushed = [];
  bus.subscribe((name, payload) => {
    if (name === 'audit.appended') pushed.push((payload as AuditEntry).id);
  });
  log = new AuditLog(dir, bus);
});

afterEach(() => {
  log.stopWatching();
  rmSync(dir, { recursive: true, force: true });
});

/** fs.watch fires soon; the poll is the net. Waits until the pushed ids settle on what is expected. */
async function until(expected: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    await log.caughtUp();
    if (pushed.join() === expected.join()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(pushed).toEqual(expected);
}

describe('AuditLog.watch: lines another process appends to audit.jsonl', () => {
  it('pushes each new entry once; what was there before is loaded, not pushed', async () => {
    writeFileSync(path.join(dir, 'audit.jsonl'), line('old'));
    await log.watch({ pollMs: 100 });
    otherProcess(log.file, 'append', line('cli-1') + line('cli-2'));
    await until(['cli-1', 'cli-2']);
    expect((await log.list({ limit: 10 })).map((e) => e.id)).toEqual(['cli-2', 'cli-1', 'old']);
  });

  it('does not push our own lines a second time when they come back from the file', async () => {
    await log.watch({ pollMs: 100 });
    const own = log.append({ ...entry('x'), argv: ['virsh', 'domstate'] });
    await log.flushed();
    otherProcess(log.file, 'append', line('cli-1'));
    await until([own.id, 'cli-1']);
  });

  it('a torn last line waits for the rest of it', async () => {
    await log.watch({ pollMs: 100 });
    const whole = line('torn');
    otherProcess(log.file, 'append', whole.slice(0, 40));
    await log.caughtUp();
    await new Promise((r) => setTimeout(r, 150));
    await log.caughtUp();
    expect(pushed).toEqual([]);
    otherProcess(log.file, 'append', whole.slice(40));
    await until(['torn']);
  });

  it('a truncated file is read again from its start; garbage lines are skipped', async () => {
    writeFileSync(path.join(dir, 'audit.jsonl'), line('a') + line('b') + line('c'));
    await log.watch({ pollMs: 100 });
    otherProcess(log.file, 'truncate');
    await log.caughtUp();
    otherProcess(log.file, 'append', 'not json\n' + line('after-truncate'));
    await until(['after-truncate']);
  });

  it('a rotated file: the rest of the old one, then the new one', async () => {
    await log.watch({ pollMs: 100 });
    otherProcess(log.file, 'append', line('before'));
    await until(['before']);
    // Another process appends, rotates (rename to .1) and starts a new file before we look.
    execFileSync(process.execPath, [
      '-e',
      'const fs=require("fs");const [f,a,b]=process.argv.slice(1);fs.appendFileSync(f,a);fs.renameSync(f,f+".1");fs.appendFileSync(f,b)',
      log.file,
      line('last-of-old'),
      line('first-of-new'),
    ]);
    await until(['before', 'last-of-old', 'first-of-new']);
  });
});
