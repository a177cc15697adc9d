import { EventEmitter } from 'node:events';
import type { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_STDERR, execOnClient } from './exec-channel';

/** A stand-in ssh2 client whose one channel replays what a (hostile) host sends. */
function fakeClient(script: (ch: EventEmitter & { stderr: EventEmitter }) => void): Client {
  return {
    exec(_line: string, cb: (err: Error | undefined, ch: unknown) => void) {
      const ch = Object.assign(new EventEmitter(), {
        stderr: new EventEmitter(),
        end: () => undefined,
        close: () => undefined,
      });
      cb(undefined, ch);
      setImmediate(() => script(ch));
    },
  } as unknown as Client;
}

describe('exec channel against hostile output (issue 10, defect 3)', () => {
  it('caps stderr like stdout and scans it in linear time (32 MiB without a newline)', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const client = fakeClient((ch) => {
      ch.stderr.emit('data', Buffer.from('LABDECK-PID 4242\n'));
      for (let i = 0; i < 512; i++) ch.stderr.emit('data', chunk);
      ch.emit('close', 1);
    });
    const t0 = Date.now();
    const r = await execOnClient(client, ['true']);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.stderr.length).toBeLessThan(DEFAULT_MAX_STDERR + 200);
    expect(r.stderr).toMatch(/kept the first 1048576 of 33554432 bytes of stderr/);
  });

  it('does not hold back megabytes when no PID line ever comes', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x42);
    const client = fakeClient((ch) => {
      for (let i = 0; i < 512; i++) ch.stderr.emit('data', chunk);
      ch.emit('close', 0);
    });
    const t0 = Date.now();
    const r = await execOnClient(client, ['true'], { maxStderrBytes: 1000 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.stderr.startsWith('B'.repeat(1000))).toBe(true);
    expect(r.stderr.length).toBeLessThan(1100);
  });

  it('still strips the PID line when it arrives split over chunks', async () => {
    const client = fakeClient((ch) => {
      ch.stderr.emit('data', Buffer.from('LABDECK-P'));
      ch.stderr.emit('data', Buffer.from('ID 77\nerror: one\n'));
      ch.stderr.emit('data', Buffer.from('error: two\n'));
      ch.emit('close', 1);
    });
    const r = await execOnClient(client, ['true']);
    expect(r.stderr).toBe('error: one\nerror: two\n');
    expect(r.outcome).toBe('failed');
  });

  it('keeps a short stderr that has no newline at all', async () => {
    const client = fakeClient((ch) => {
      ch.stderr.emit('data', Buffer.from('LABDECK-PID 5\n'));
      ch.stderr.emit('data', Buffer.from('no newline'));
      ch.emit('close', 1);
    });
    expect((await execOnClient(client, ['true'])).stderr).toBe('no newline');
  });
});
