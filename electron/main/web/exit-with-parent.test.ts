import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exitWithParent } from './exit-with-parent';

describe('exitWithParent', () => {
  it('fires once when the parent process is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 200)']);
    const gone: string[] = [];
    exitWithParent((why) => gone.push(why), { parentPid: child.pid!, intervalMs: 20 });
    expect(gone).toEqual([]);
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 120));
    expect(gone).toEqual([`its parent (pid ${child.pid}) is gone`]);
  });

  it('fires when stdin closes, and not after being cancelled', async () => {
    const stdin = new PassThrough();
    const gone: string[] = [];
    exitWithParent((why) => gone.push(why), { parentPid: process.pid, intervalMs: 20, stdin });
    await new Promise((r) => setTimeout(r, 60));
    expect(gone).toEqual([]); // this process is alive
    stdin.end();
    await new Promise((r) => setTimeout(r, 20));
    expect(gone).toEqual(['stdin closed']);

    const quiet: string[] = [];
    const cancel = exitWithParent((why) => quiet.push(why), { parentPid: 999_999_999, intervalMs: 10 });
    cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(quiet).toEqual([]);
  });
});
