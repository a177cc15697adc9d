import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeStreamFrame, encodeStreamFrame, STREAM_WINDOW } from '../../../shared/contract';
import { createCore, type Core } from '../core';
import { createHandlers } from '../handlers';
import { StreamSession, type EngineStream } from '../services/streams/stream-session';
import { startWebHost, type WebHost } from './web-host';

/** The web adapter's half of streams: binary frames both ways, JSON control, per-socket ownership. */
let dir: string;
let core: Core;
let host: WebHost;
const sources: { h?: Parameters<EngineStream['start']>[0]; written: Buffer[]; paused: boolean; closed?: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-webstreams-'));
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
  core = await createCore({
    dataDir: path.join(dir, 'data'),
    sshDir: path.join(dir, 'ssh'),
    mode: 'web',
    backgroundRefresh: false,
  });
  // A stand-in for the console service: the adapter and the session are real.
  core.streamSession = (sink) =>
    new StreamSession(async () => {
      const src: (typeof sources)[number] = { written: [], paused: false };
      sources.push(src);
      return {
        info: { domain: 'vm1', host: 'h1' },
        start: (h) => (src.h = h),
        write: (b, drained) => {
          src.written.push(b);
          drained();
        },
        buffered: () => 0,
        pause: () => (src.paused = true),
        resume: () => (src.paused = false),
        resize: () => undefined,
        close: (reason) => {
          src.closed = reason;
          src.h?.end(reason);
        },
      };
    }, sink);
  host = await startWebHost({ core, handlers: createHandlers(core), rendererDir: path.join(dir, 'renderer') });
});
afterAll(async () => {
  await host.close();
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

type Msg = {
  json?: { type: string; id?: number; name?: string; envelope?: { ok: boolean; value?: unknown }; payload?: unknown };
  frame?: { stream: number; data: Uint8Array };
};

function connect(token = host.token): Promise<{ ws: WebSocket; messages: Msg[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${token}`, {
    headers: { Origin: `http://127.0.0.1:${host.port}` },
  });
  const messages: Msg[] = [];
  ws.on('message', (data, isBinary) => {
    if (isBinary) messages.push({ frame: decodeStreamFrame(new Uint8Array(data as Buffer))! });
    else messages.push({ json: JSON.parse(String(data)) });
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function until<T>(f: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

describe('streams over the web host', () => {
  it('refuses a WebSocket without the token: no stream can be opened', async () => {
    await expect(connect('wrong')).rejects.toThrow(/HTTP 403/);
  });

  it('opens, carries binary frames both ways with acks, pauses at the window and closes with the socket', async () => {
    const a = await connect();
    const b = await connect();
    a.ws.send(
      JSON.stringify({
        type: 'request',
        id: 1,
        channel: 'stream.open',
        payload: { kind: 'console.serial', payload: { hostId: 'x', domain: 'vm1' } },
      }),
    );
    const opened = await until(() => a.messages.find((m) => m.json?.id === 1)?.json?.envelope);
    expect(opened).toEqual({ ok: true, value: { stream: 1, info: { domain: 'vm1', host: 'h1' } } });
    const src = await until(() => sources.at(-1)?.h && sources.at(-1));

    src.h!.data(Buffer.from('login: '));
    const frame = await until(() => a.messages.find((m) => m.frame)?.frame);
    expect(Buffer.from(frame.data).toString()).toBe('login: ');
    expect(b.messages.filter((m) => m.frame)).toHaveLength(0); // only the socket that opened it

    a.ws.send(encodeStreamFrame(1, new TextEncoder().encode('root\r')), { binary: true });
    await until(() => a.messages.find((m) => m.json?.type === 'stream' && m.json.name === 'stream.ack')).catch((e) => {
      console.log(JSON.stringify(a.messages).slice(0, 800), src.written);
      throw e;
    });
    expect(Buffer.concat(src.written).toString()).toBe('root\r');
    // Another socket cannot write into it: its stream 1 does not exist.
    b.ws.send(encodeStreamFrame(1, new TextEncoder().encode('evil')), { binary: true });

    for (let i = 0; i < 20; i++) src.h!.data(Buffer.alloc(64 * 1024));
    expect(src.paused).toBe(true);
    a.ws.send(
      JSON.stringify({
        type: 'request',
        id: 2,
        channel: 'stream.ack',
        payload: { stream: 1, bytes: STREAM_WINDOW * 3 },
      }),
    );
    await until(() => (src.paused ? undefined : true));
    expect(Buffer.concat(src.written).toString()).toBe('root\r');

    a.ws.close();
    await until(() => src.closed);
    expect(src.closed).toBe('detached');
    b.ws.close();
  });

  it('closes a socket that sends a malformed binary frame, and keeps serving', async () => {
    const a = await connect();
    const closed = new Promise<number>((r) => a.ws.once('close', (code) => r(code)));
    a.ws.send(Buffer.from([9, 9]), { binary: true });
    expect(await closed).toBe(1008);
    const b = await connect();
    b.ws.close();
  });
});
