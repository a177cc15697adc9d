import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { checkLoginShell, SHELL_PROBE } from './login-shell';

function fakeClient(stdout: string, stderr: string): Client {
  return {
    exec(_line: string, cb: (err: Error | undefined, ch: unknown) => void) {
      const ch = Object.assign(new EventEmitter(), { stderr: new EventEmitter(), close: () => undefined });
      cb(undefined, ch);
      setImmediate(() => {
        if (stdout) ch.emit('data', Buffer.from(stdout));
        if (stderr) ch.stderr.emit('data', Buffer.from(stderr));
        ch.emit('close', stderr ? 127 : 0);
      });
    },
  } as unknown as Client;
}

// Issue 10, defect 6: hosts need an sh-family login shell; fish and csh are detected at connect.
describe('login shell check', () => {
  it('passes on the sh family (run here through the real sh and bash)', async () => {
    for (const sh of ['/bin/sh', '/bin/bash']) {
      const out = execFileSync(sh, ['-c', SHELL_PROBE], { encoding: 'utf8' });
      await expect(checkLoginShell(fakeClient(out, ''), 'root@h:22')).resolves.toBeUndefined();
    }
  });

  it('refuses fish with a clear error', async () => {
    const err = await checkLoginShell(
      fakeClient('', "fish: 'case' builtin not inside of switch block\ncase x in x) printf\n^~~^\n"),
      'root@h:22',
    ).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/looks like fish.*sh-family login shell/);
  });

  it('refuses csh/tcsh with a clear error', async () => {
    const err = await checkLoginShell(fakeClient('', 'case: Not in switch.\n'), 'root@h:22').catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/sh-family login shell/);
  });
});
