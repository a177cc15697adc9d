import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../core';
import { createHandlers } from '../handlers';
import { startWebHost, type WebHost } from './web-host';

let dir: string;
let core: Core;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-web-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>LabDeck</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  core = await createCore({ dataDir: path.join(dir, 'data'), sshDir: path.join(dir, 'ssh'), mode: 'web', backgroundRefresh: false });
  host = await startWebHost({ core, handlers: createHandlers(core), rendererDir });
});
afterAll(async () => {
  await host.close();
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function connect(o: { token?: string; origin?: string }): Promise<WebSocket> {
  const origin = o.origin ?? `http://127.0.0.1:${host.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${o.token ?? host.token}`, { headers: { Origin: origin } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function request(ws: WebSocket, channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }> {
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
    expect(await (await fetch(`${base}/`)).text()).toContain('LabDeck');
    const traversal = await fetch(`${base}/..%2fsecret.txt`);
    expect(traversal.status).not.toBe(200);
  });

  it('refuses a socket without the right token or from another origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers requests through the same handler map, validating payloads', async () => {
    const ws = await connect({});
    expect(await request(ws, 'hosts.list')).toEqual({ ok: true, value: [] });
    const bad = await request(ws, 'hosts.add', { name: '', address: 'x', port: 0, user: 'root', auth: { method: 'agent' } });
    expect(bad.ok).toBe(false);
    expect(bad.error?.kind).toBe('validation');
    const unknown = await request(ws, 'no.such.channel');
    expect(unknown.error?.message).toMatch(/Unknown channel/);
    ws.close();
  });
});
