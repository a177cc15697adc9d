import { describe, expect, it } from 'vitest';
import { STREAM_MAX_PER_CONNECTION, STREAM_WINDOW } from '../../../../shared/contract';
import { StreamSession, type EngineStream } from './stream-session';

/** A stand-in source: counts pauses, can flood, records writes. */
function fakeStream() {
  let h: Parameters<EngineStream['start']>[0] | undefined;
  const state = { paused: false, pauses: 0, resumes: 0, written: [] as Buffer[], closed: '' as string, buffered: 0 };
  const s: EngineStream = {
    info: { domain: 'vm1', host: 'h' },
    start: (x) => (h = x),
    write: (chunk, drained) => {
      state.written.push(chunk);
      drained();
    },
    buffered: () => state.buffered,
    pause: () => {
      state.paused = true;
      state.pauses++;
    },
    resume: () => {
      state.paused = false;
      state.resumes++;
    },
    resize: () => undefined,
    close: (reason) => {
      state.closed = reason;
      h?.end(reason);
    },
  };
  return { s, state, emit: (b: Buffer) => h!.data(b), end: (r: string) => h!.end(r) };
}

const tick = () => new Promise((r) => setImmediate(r));

function session(stream = fakeStream()) {
  const out: { data: number; events: [string, unknown][] } = { data: 0, events: [] };
  const sess = new StreamSession(async () => stream.s, {
    data: (_id, chunk) => (out.data += chunk.byteLength),
    event: (name, payload) => out.events.push([name, payload]),
  });
  return { sess, out, stream };
}

describe('stream session flow control', () => {
  it('pauses a flooding source at the window and resumes once the client acknowledged half', async () => {
    const { sess, out, stream } = session();
    const { stream: id } = await sess.openStream('console.serial', { hostId: 'h', domain: 'vm1' });
    await tick();
    // The host floods: 64 KiB chunks, far beyond the window.
    for (let i = 0; i < 40 && !stream.state.paused; i++) stream.emit(Buffer.alloc(64 * 1024, 0x61));
    expect(stream.state.paused).toBe(true);
    expect(sess.unacked(id)).toBeLessThanOrEqual(STREAM_WINDOW + 64 * 1024);
    expect(out.data).toBe(sess.unacked(id));
    sess.ack(id, 64 * 1024);
    expect(stream.state.paused).toBe(true); // still above half the window
    sess.ack(id, STREAM_WINDOW);
    expect(stream.state.paused).toBe(false);
    expect(stream.state.resumes).toBe(1);
  });

  it('acknowledges client writes once the channel took them, and drops a client that ignores the window', async () => {
    const { sess, out, stream } = session();
    const { stream: id } = await sess.openStream('console.serial', { hostId: 'h', domain: 'vm1' });
    await tick();
    expect(await sess.handle('stream.write', { stream: id, data: new Uint8Array([104, 105]) })).toEqual({
      ok: true,
      value: {},
    });
    expect(out.events).toContainEqual(['stream.ack', { stream: id, bytes: 2 }]);
    expect(Buffer.concat(stream.state.written).toString()).toBe('hi');
    stream.state.buffered = 2 * STREAM_WINDOW;
    sess.write(id, new Uint8Array(10));
    expect(stream.state.closed).toMatch(/flow-control window/);
    expect(out.events.at(-1)).toEqual(['stream.closed', expect.objectContaining({ stream: id })]);
  });

  it('refuses malformed operations and oversized chunks with an error envelope', async () => {
    const { sess } = session();
    expect(await sess.handle('stream.write', { stream: 1, data: 'not bytes' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await sess.handle('stream.write', { stream: 1, data: new Uint8Array(64 * 1024 + 1) })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await sess.handle('stream.open', { kind: 'console.serial', payload: { hostId: '' } })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await sess.handle('stream.nope', {})).toMatchObject({ ok: false });
  });

  it('limits streams per connection and detaches them all on dispose', async () => {
    const streams = Array.from({ length: STREAM_MAX_PER_CONNECTION + 1 }, fakeStream);
    let i = 0;
    const events: string[] = [];
    const sess = new StreamSession(async () => streams[i++]!.s, {
      data: () => undefined,
      event: (n) => events.push(n),
    });
    for (let k = 0; k < STREAM_MAX_PER_CONNECTION; k++)
      await sess.openStream('console.vnc', { hostId: 'h', domain: 'vm1' });
    await expect(sess.openStream('console.vnc', { hostId: 'h', domain: 'vm1' })).rejects.toThrow(/At most/);
    await tick();
    sess.dispose();
    expect(streams.slice(0, STREAM_MAX_PER_CONNECTION).every((s) => s.state.closed === 'detached')).toBe(true);
    expect(events.filter((e) => e === 'stream.closed')).toHaveLength(STREAM_MAX_PER_CONNECTION);
    expect(sess.size).toBe(0);
  });

  it('delivers the first bytes only after the open answered', async () => {
    const { sess, out, stream } = session();
    await sess.openStream('console.serial', { hostId: 'h', domain: 'vm1' });
    expect(() => stream.emit(Buffer.from('x'))).toThrow(); // not started yet
    await tick();
    stream.emit(Buffer.from('x'));
    expect(out.data).toBe(1);
  });
});
