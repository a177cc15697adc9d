import { readFileSync } from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../electron/main/core';
import { createHandlers } from '../../../electron/main/handlers';
import { startWebHost, type WebHost } from '../../../electron/main/web/web-host';
import { parseDomainXml } from '../../../shared/snapshot/parse-domain-xml';
import { parseNetworkXml } from '../../../shared/snapshot/parse-network-xml';
import { parsePoolXml } from '../../../shared/snapshot/parse-pool-xml';
import { parseSnapshotOutput } from '../../../shared/snapshot/parse-snapshot';
import { Figures } from './figures';

/**
 * Hostile-host fuzzing of the parsers, and bounded loopback-only fuzzing of the web host's HTTP
 * paths and WebSocket frames. Seeded, so a failure replays. Issue 10, fault injection.
 */
const figures = new Figures();
let seed = 0x1abdec;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (n: number) => Math.floor(rand() * n);

const fixture = readFileSync(path.join(__dirname, '../../../shared/snapshot/fixtures/labhost1.txt'), 'utf8');
const ODD = [
  '\u0000',
  '\u001b[2J',
  '\u009b',
  '\r',
  '<',
  '>',
  '&',
  ']]>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '\ufffd',
  '"',
  "'",
  '\n\n',
  '@@@',
  ' '.repeat(50),
];

function mutate(text: string): string {
  let t = text;
  const n = 1 + int(6);
  for (let i = 0; i < n; i++) {
    const at = int(t.length + 1);
    switch (int(6)) {
      case 0: // truncate
        t = t.slice(0, at);
        break;
      case 1: // insert something odd
        t = t.slice(0, at) + pick(ODD) + t.slice(at);
        break;
      case 2: // delete a stretch (breaks XML)
        t = t.slice(0, at) + t.slice(at + int(200));
        break;
      case 3: // duplicate a stretch
        t = t.slice(0, at) + t.slice(at, at + int(2000)) + t.slice(at);
        break;
      case 4: // a very long line
        t = t.slice(0, at) + 'x'.repeat(200_000) + t.slice(at);
        break;
      default: // flip bytes
        t = t.slice(0, at) + String.fromCharCode(int(0x250)) + t.slice(at + 1);
    }
  }
  return t;
}

/** A parser may refuse bad input with an Error; it must not hang or blow the stack. */
function survives(f: () => unknown): boolean {
  const t0 = Date.now();
  try {
    f();
  } catch (err) {
    if (!(err instanceof Error) || err instanceof RangeError) return false;
  }
  return Date.now() - t0 < 2000;
}

describe('hostile host output against the parsers', () => {
  it('parses 300 mutated snapshots and 300 mutated XML documents without a crash or a hang', () => {
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      figures.faultsInjected++;
      figures.runs++;
      const input = mutate(fixture);
      if (survives(() => parseSnapshotOutput(input, new Date().toISOString()))) figures.runsSurvived++;
      else failures.push(`snapshot #${i}`);
    }
    const xml =
      (fixture.match(/<domain[\s\S]*?<\/domain>/) ?? [''])[0] +
      (fixture.match(/<network[\s\S]*?<\/network>/) ?? [''])[0];
    for (let i = 0; i < 300; i++) {
      figures.faultsInjected++;
      figures.runs++;
      const input = mutate(xml);
      if (survives(() => [parseDomainXml(input), parseNetworkXml(input), parsePoolXml(input)])) figures.runsSurvived++;
      else failures.push(`xml #${i}`);
    }
    // Deep nesting: a billion-laughs-style or 100k-deep document must not take the parser down.
    figures.faultsInjected++;
    figures.runs++;
    if (survives(() => parseDomainXml(`<domain>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</domain>`)))
      figures.runsSurvived++;
    else failures.push('deep nesting');
    expect(failures).toEqual([]);
  });
});

describe('the web host under hostile requests (loopback only, bounded)', () => {
  let dir: string;
  let core: Core;
  let host: WebHost;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-fuzz-'));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>LabDeck</title>');
    core = await createCore({
      dataDir: path.join(dir, 'data'),
      sshDir: path.join(dir, 'ssh'),
      mode: 'web',
      backgroundRefresh: false,
    });
    host = await startWebHost({ core, handlers: createHandlers(core), rendererDir: path.join(dir, 'renderer') });
  });
  afterAll(async () => {
    await host.close();
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const raw = (bytes: Buffer | string) =>
    new Promise<string>((resolve) => {
      const s = net.connect(host.port, '127.0.0.1', () => s.end(bytes));
      let got = '';
      s.on('data', (d) => (got += d.toString('latin1')));
      s.on('close', () => resolve(got));
      s.on('error', () => resolve(got));
      setTimeout(() => s.destroy(), 2000);
    });

  const alive = async () => {
    const r = await fetch(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    return r.status === 200;
  };

  it('survives 200 malformed HTTP requests', async () => {
    const paths = [
      '/%',
      '/%%',
      '/%c0%af',
      '//',
      '/..%2f..%2fetc/passwd',
      `/${'a'.repeat(9000)}`,
      '/\u0000',
      '/%00',
      '/?token=',
      '*',
      'http://[',
      '/ws',
      '/ws?token=%',
    ];
    for (let i = 0; i < 200; i++) {
      figures.faultsInjected++;
      figures.runs++;
      const p = pick(paths) + (rand() < 0.5 ? `?token=${host.token}` : '');
      const method = pick(['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS', 'G\u0001T']);
      const headers = pick([
        `Host: 127.0.0.1:${host.port}\r\n`,
        'Host: evil.example\r\n',
        '',
        `Host: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n`,
        `Host: 127.0.0.1:${host.port}\r\nCookie: labdeck_token=${'%'.repeat(100)}\r\n`,
        `Host: 127.0.0.1:${host.port}\r\nContent-Length: 99999999\r\n`,
      ]);
      const reply = await raw(`${method} ${p} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);
      if (!/^HTTP\/1\.1 (200|204|400|401|403|404|405|421|431) /.test(reply) && reply !== '')
        figures.note(`odd reply: ${reply.slice(0, 40)}`);
      if (i % 20 === 19 && !(await alive())) break;
      figures.runsSurvived++;
    }
    expect(await alive()).toBe(true);
  });

  it('survives 200 hostile WebSocket frames, each socket closed or answered, never the process', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    for (let i = 0; i < 200; i++) {
      figures.faultsInjected++;
      figures.runs++;
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { headers: { Origin: origin } });
      ws.on('error', () => undefined);
      await new Promise<void>((r) => ws.once('open', () => r()));
      const kind = int(6);
      const closed = new Promise<void>((r) => ws.once('close', () => r()));
      if (kind === 0)
        ws.send(Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256))), { binary: false }); // invalid UTF-8, likely
      else if (kind === 1) ws.send(Buffer.alloc(int(4096), int(256)), { binary: true });
      else if (kind === 2)
        ws.send(
          JSON.stringify({
            type: 'request',
            id: int(1e6),
            channel: pick(['hosts.list', 'no.such', '__proto__', 'hosts.add']),
            payload: { name: '\u0000'.repeat(int(50)) },
          }),
        );
      else if (kind === 3) ws.send(`{"type":"request","id":1,"channel":"hosts.list","payload":${'['.repeat(5000)}`);
      else if (kind === 4)
        ws.send(Buffer.alloc(8 * 1024 * 1024 + 1 + int(1024), 0x20), { binary: false }); // over maxPayload
      else
        (ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from([0x8f, 0x85, 1, 2, 3, 4, 5, 6, 7, 8, 9])); // reserved opcode, masked
      await Promise.race([closed, new Promise((r) => setTimeout(r, 300))]);
      ws.terminate();
      if (i % 20 === 19 && !(await alive())) break;
      figures.runsSurvived++;
    }
    expect(await alive()).toBe(true);
  }, 120_000);
});

afterAll(() => {
  figures.print('Hostile input: parsers, web host HTTP and WebSocket');
});
