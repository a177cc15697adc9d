import { describe, expect, it } from 'vitest';
import type { SessionTransport, TransportOpener } from './session-transport';
import { ResidentSession } from './virsh-session';

/**
 * A fake `sh` session: each written line is `printf '%s' 'MARKER'; CMD`; it answers with the marker
 * and, for `echo X`, X — or for `big N`, N bytes — sent in chunks of `chunk` characters, as a slow
 * pipe would, split anywhere (markers included).
 */
function fakeShell(chunk: number, delayMs = 0): TransportOpener {
  return async (_argv, h) => {
    let closed = false;
    const t: SessionTransport = {
      write(text) {
        let out = '';
        for (const line of text.split('\n').filter(Boolean)) {
          const m = /^printf '%s' '(.*?)'(?:; (.*))?$/.exec(line);
          if (!m) continue;
          out += m[1]!.replace("''", '');
          const cmd = m[2] ?? '';
          if (cmd.startsWith('echo ')) out += `${cmd.slice(5)}\n`;
          else if (cmd.startsWith('big ')) out += 'v'.repeat(Number(cmd.slice(4)));
        }
        void (async () => {
          for (let i = 0; i < out.length && !closed; i += chunk) {
            if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
            h.onData(out.slice(i, i + chunk));
          }
        })();
      },
      close() {
        closed = true;
      },
      kill: async () => {
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    return t;
  };
}

describe('ResidentSession', () => {
  it('finds every marker when the answer arrives in chunks of a few characters', async () => {
    const s = new ResidentSession({ dialect: 'sh', argv: ['sh'], open: fakeShell(3), timeoutMs: 5000, label: 'fake' });
    const r = await s.run([
      { name: 'a', cmd: 'echo one' },
      { name: 'b', cmd: 'echo two' },
    ]);
    expect(r.map((x) => [x.name, x.body])).toEqual([
      ['a', 'one\n'],
      ['b', 'two\n'],
    ]);
    s.close();
  });

  it('reads an answer of megabytes in small chunks in linear time', async () => {
    const s = new ResidentSession({
      dialect: 'sh',
      argv: ['sh'],
      open: fakeShell(1024),
      timeoutMs: 20_000,
      label: 'fake',
    });
    await s.start();
    const t0 = performance.now();
    const r = await s.run(Array.from({ length: 2000 }, (_, i) => ({ name: `d${i}`, cmd: 'big 4000' })));
    // 8 MB in 8000 chunks: searched whole on every chunk, this took tens of seconds.
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r).toHaveLength(2000);
    expect(r.every((x) => x.body.length === 4000)).toBe(true);
    s.close();
  });

  it('times out on silence, not on a long answer that keeps coming', async () => {
    const s = new ResidentSession({
      dialect: 'sh',
      argv: ['sh'],
      open: fakeShell(2000, 20),
      timeoutMs: 300,
      label: 'fake',
    });
    await s.start();
    // About 40 chunks 20 ms apart: 800 ms in all, never 300 ms without output.
    const r = await s.run([{ name: 'x', cmd: 'big 80000' }]);
    expect(r[0]!.body).toHaveLength(80000);
    s.close();
  });
});
