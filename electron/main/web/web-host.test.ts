import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../core';
import { createHandlers } from '../handlers';
import { startWebHost, tokenMatches, type WebHost } from './web-host';

let dir: string;
let core: Core;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-web-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>LabDeck</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  core = await createCore({
    dataDir: path.join(dir, 'data'),
    sshDir: path.join(dir, 'ssh'),
    mode: 'web',
    backgroundRefresh: false,
  });
  host = await startWebHost({ core, handlers: createHandlers(core), rendererDir });
});
afterAll(async () => {
  await host.close();
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function connect(o: { token?: string; origin?: string }): Promise<WebSocket> {
  const origin = o.origin ?? `http://127.0.0.1:${host.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${o.token ?? host.token}`, {
    headers: { Origin: origin },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function request(
  ws: WebSocket,
  channel: string,
  payload?: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data));
      if (m.type === 'response' && m.id === id) {
        ws.off('message', onMessage);
        resolve(m.envelope);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
  });
}

describe('web host', () => {
  it('listens on loopback only and prints a URL with its token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('serves the renderer, and nothing outside it', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    expect(await (await fetch(`${base}/?token=${host.token}`)).text()).toContain('LabDeck');
    const traversal = await fetch(`${base}/..%2fsecret.txt?token=${host.token}`);
    expect(traversal.status).not.toBe(200);
  });

  it('refuses a socket without the right token or from another origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers requests through the same handler map, validating payloads', async () => {
    const ws = await connect({});
    expect(await request(ws, 'hosts.list')).toEqual({ ok: true, value: [] });
    const bad = await request(ws, 'hosts.add', {
      name: '',
      address: 'x',
      port: 0,
      user: 'root',
      auth: { method: 'agent' },
    });
    expect(bad.ok).toBe(false);
    expect(bad.error?.kind).toBe('validation');
    const unknown = await request(ws, 'no.such.channel');
    expect(unknown.error?.message).toMatch(/Unknown channel/);
    ws.close();
  });

  // Issue 10, defect 8: nothing is answered without the token; the Host header is checked.
  it('answers nothing without the token, not even static files; the token URL sets a strict cookie', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/index.html?token=wrong`)).status).toBe(401);
    const first = await fetch(`${base}/?token=${host.token}`);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await fetch(`${base}/index.html`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
  });

  it('refuses a foreign Host header on every request (DNS rebinding), static and socket', async () => {
    const r = await raw(
      `GET /?token=${host.token} HTTP/1.1\r\nHost: evil.example:${host.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(r).toMatch(/^HTTP\/1\.1 421/);
    const ws = await raw(
      `GET /ws?token=${host.token} HTTP/1.1\r\nHost: evil.example:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(ws).toMatch(/^HTTP\/1\.1 403/);
  });

  it('compares tokens in constant time and exactly', () => {
    expect(tokenMatches(host.token, host.token)).toBe(true);
    expect(tokenMatches(`${host.token}x`, host.token)).toBe(false);
    expect(tokenMatches(host.token.slice(1), host.token)).toBe(false);
    expect(tokenMatches(null, host.token)).toBe(false);
  });

  // Issue 10, defect 2: no request can kill the web host.
  it('answers 400 to GET /% and keeps running', async () => {
    const r = await raw(
      `GET /% HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: labdeck_token=${host.token}\r\nConnection: close\r\n\r\n`,
    );
    expect(r).toMatch(/^HTTP\/1\.1 400/);
    const r2 = await raw(
      `GET /%?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(r2).toMatch(/^HTTP\/1\.1 400/);
    await expectAlive();
  });

  it('answers 400 to a malformed upgrade and keeps running', async () => {
    const r = await raw(
      `GET // HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(r).toMatch(/^HTTP\/1\.1 400/);
    await expectAlive();
  });

  it('closes a socket that sends a 9 MiB frame, and keeps running', async () => {
    const ws = await connect({});
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(9 * 1024 * 1024, 0x61), { binary: false });
    expect([1006, 1009]).toContain(await closed);
    await expectAlive();
  });

  it('closes a socket that sends invalid UTF-8, and keeps running', async () => {
    const ws = await connect({});
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => undefined);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect([1006, 1007]).toContain(await closed);
    await expectAlive();
  });
});

function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(host.port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (d) => {
      got += d.toString('latin1');
      if (/\r\n\r\n/.test(got)) s.destroy();
    });
    s.on('close', () => resolve(got));
    s.on('error', reject);
    setTimeout(() => s.destroy(), 3000);
  });
}

async function expectAlive(): Promise<void> {
  const ws = await connect({});
  expect(await request(ws, 'hosts.list')).toEqual({ ok: true, value: [] });
  ws.close();
}
