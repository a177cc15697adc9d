import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessage, formatZodError, type ServerMessage } from '../../../shared/contract';
import type { Core } from '../core';
import { dispatch } from '../dispatch';
import type { Handlers } from '../handlers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type WebHost = { url: string; port: number; token: string; close(): Promise<void> };

/**
 * The browser adapter: serves the built renderer and the same handler map over a WebSocket.
 * Loopback only, a random token per start, and the Origin must be this server's own.
 */
export async function startWebHost(o: { core: Core; handlers: Handlers; rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const root = path.resolve(o.rendererDir);
  let origin = '';

  const server = http.createServer((req, res) => {
    void serveStatic(root, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const ok = url.pathname === '/ws' && url.searchParams.get('token') === token && req.headers.origin === origin;
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, o.core, o.handlers));
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
  ws.on('close', unsubscribe);
  ws.on('message', async (data) => {
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
        send({ type: 'response', id, envelope: { ok: false, error: { kind: 'validation', message: `Malformed request: ${formatZodError(parsed.error)}` } } });
      } else ws.close(1008, 'malformed message');
      return;
    }
    const msg: ClientMessage = parsed.data;
    send({ type: 'response', id: msg.id, envelope: await dispatch(handlers, msg.channel, msg.payload) });
  });
}

async function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
