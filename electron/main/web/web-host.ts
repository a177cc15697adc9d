import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ClientMessage,
  decodeStreamFrame,
  encodeStreamFrame,
  formatZodError,
  type ServerMessage,
} from '../../../shared/contract';
import type { Core } from '../core';
import { dispatch } from '../dispatch';
import type { Handlers } from '../handlers';
import { contentTypeOf } from '../static-file-types';

export type WebHost = { url: string; port: number; token: string; close(): Promise<void> };

const COOKIE = 'labdeck_token';

/** Constant-time comparison of a presented token with ours (hashing first evens out the lengths). */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && presented.length === token.length;
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** `new URL` throws on some request targets (`//`, odd bytes); a request we cannot parse is a 400. */
function parseTarget(req: http.IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function log(what: string, err: unknown): void {
  console.error(`LabDeck web host: ${what}: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * The browser adapter: serves the built renderer and the same handler map over a WebSocket.
 * Loopback only, a random token per start (compared in constant time), the Host header must be
 * 127.0.0.1:PORT on every request (DNS rebinding), and the Origin must be this server's own. Nothing
 * is answered without the token: the page's first load carries `?token=`, which is turned into an
 * HttpOnly SameSite=Strict cookie for the page's own files. No request, however malformed, can stop
 * the process: every handler answers 400/closes instead of throwing.
 */
export async function startWebHost(o: {
  core: Core;
  handlers: Handlers;
  rendererDir: string;
  port?: number;
}): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const root = path.resolve(o.rendererDir);
  let origin = '';

  const hostOk = (req: http.IncomingMessage) => req.headers.host === origin.slice('http://'.length);
  const server = http.createServer((req, res) => {
    res.on('error', (err) => log('response', err));
    const answer = (status: number, text: string) => {
      if (!res.headersSent) res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    const url = parseTarget(req);
    if (!url) return answer(400, 'Bad request');
    if (!hostOk(req)) return answer(421, 'Wrong Host header: use the URL LabDeck printed (http://127.0.0.1:PORT/).');
    const fromQuery = url.searchParams.get('token');
    const authorised = tokenMatches(fromQuery, token) || tokenMatches(cookieToken(req), token);
    if (!authorised)
      return answer(401, 'No access token: open the URL printed by the LabDeck web host (it ends in ?token=…).');
    if (fromQuery !== null) res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    serveStatic(root, req, res, url).catch((err: unknown) => {
      log(`serving ${req.url ?? ''}`, err);
      if (res.headersSent) res.destroy();
      else answer(500, 'Internal error');
    });
  });
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy(err);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  wss.on('error', (err) => log('websocket server', err));

  server.on('upgrade', (req, socket, head) => {
    // A peer resetting its socket is normal (tab closed, reload); it must only never be unhandled.
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => {
      if (socket.writable) socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    const url = parseTarget(req);
    if (!url) return refuse('400 Bad Request');
    const ok =
      url.pathname === '/ws' &&
      hostOk(req) &&
      tokenMatches(url.searchParams.get('token'), token) &&
      req.headers.origin === origin;
    if (!ok) return refuse('403 Forbidden');
    try {
      wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, o.core, o.handlers));
    } catch (err) {
      log('upgrade', err);
      refuse('400 Bad Request');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function serveSocket(ws: WebSocket, core: Core, handlers: Handlers): void {
  const send = (m: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const unsubscribe = core.bus.subscribe((name, payload) => send({ type: 'event', name, payload }));
  // Streams (consoles) belong to this socket: data as binary frames, control as JSON; they detach with it.
  const streams = core.streamSession({
    data: (stream, chunk) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeStreamFrame(stream, chunk), { binary: true });
    },
    event: (name, payload) => send({ type: 'stream', name, payload }),
  });
  ws.on('close', () => {
    unsubscribe();
    streams.dispose();
  });
  // Oversized frames, invalid UTF-8, bad opcodes: ws reports them here and closes the socket (1009,
  // 1007, 1002). Without a listener that 'error' would be thrown and end the whole process.
  ws.on('error', (err) => {
    log('websocket', err);
    ws.terminate();
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      const frame = decodeStreamFrame(toBytes(data));
      if (!frame) ws.close(1008, 'malformed frame');
      else void streams.handle('stream.write', frame);
      return;
    }
    handleMessage(data).catch((err: unknown) => {
      log('request', err);
      ws.close(1011, 'internal error');
    });
  });
  const handleMessage = async (data: WebSocket.RawData) => {
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      ws.close(1008, 'not JSON');
      return;
    }
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      // With an id we can still answer, so the caller's request fails instead of hanging.
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'number') {
        send({
          type: 'response',
          id,
          envelope: {
            ok: false,
            error: { kind: 'validation', message: `Malformed request: ${formatZodError(parsed.error)}` },
          },
        });
      } else ws.close(1008, 'malformed message');
      return;
    }
    const msg: ClientMessage = parsed.data;
    const envelope = msg.channel.startsWith('stream.')
      ? await streams.handle(msg.channel, msg.payload)
      : await dispatch(handlers, msg.channel, msg.payload);
    send({ type: 'response', id: msg.id, envelope });
  };
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

async function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const headers = SECURITY_HEADERS;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end('Bad request');
    return;
  }
  if (pathname.includes('\0')) {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end('Bad request');
    return;
  }
  const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(403, headers).end();
    return;
  }
  const st = await fs.stat(file).catch(() => undefined);
  if (!st?.isFile() && pathname === '/favicon.ico') {
    res.writeHead(204, headers).end(); // browsers ask for it; an empty answer keeps the console clean
    return;
  }
  if (!st?.isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': contentTypeOf(path.extname(file)) });
  if (req.method === 'HEAD') res.end();
  else {
    const stream = createReadStream(file);
    stream.on('error', (err) => {
      log(`reading ${file}`, err);
      res.destroy();
    });
    stream.pipe(res);
  }
}
