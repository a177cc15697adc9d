import {
  decodeStreamFrame,
  encodeStreamFrame,
  type ChannelName,
  type ClientMessage,
  type Envelope,
  type EventName,
  type ServerMessage,
  type StreamEventName,
  type StreamOpName,
} from '../../../shared/contract';
import { reconnectDelay } from './backoff';
import type { ConnectionState, Transport } from './transport';

type Pending = {
  channel: ChannelName | StreamOpName;
  resolve: (envelope: Envelope<unknown>) => void;
};

type Queued = { message: ClientMessage; deadline: number };

/** How long a request waits for the socket to (re)open before failing. */
const QUEUE_TIMEOUT_MS = 15_000;

/** Close codes a server may use to refuse the token; we still retry, but say why. */
const AUTH_CLOSE_CODES = new Set([4001, 4003, 4401, 4403]);

/** After this many failed attempts in a row, suggest the token may be stale (the web host restarted). */
const STALE_TOKEN_AFTER = 3;

function failure(kind: 'connect' | 'internal', message: string): Envelope<unknown> {
  return { ok: false, error: { kind, message } };
}

/**
 * The web host's WebSocket. Keeps one socket, reconnects with backoff, and matches responses to
 * requests by id. Requests made while down are queued briefly rather than failing at once, so the
 * first load and short blips are invisible to the UI.
 */
export function createWsTransport(url: string, tokenMissing: boolean): Transport {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let nextId = 1;
  let closed = false;
  let retryTimer: number | undefined;
  let state: ConnectionState = { status: 'connecting', generation: 0 };
  const pending = new Map<number, Pending>();
  let queue: Queued[] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState): void => {
    state = next;
    for (const l of connectionListeners) l(state);
  };

  const flushQueue = (): void => {
    const now = Date.now();
    const ready = queue;
    queue = [];
    for (const q of ready) {
      if (q.deadline < now) continue; // already failed by the sweep
      socket?.send(JSON.stringify(q.message));
    }
  };

  // Fails queued requests whose wait ran out, so buttons do not spin forever during an outage.
  const sweepTimer = window.setInterval(() => {
    const now = Date.now();
    const keep: Queued[] = [];
    for (const q of queue) {
      if (q.deadline >= now) {
        keep.push(q);
        continue;
      }
      const p = pending.get(q.message.id);
      pending.delete(q.message.id);
      p?.resolve(failure('connect', 'Not connected to the LabDeck engine; the request was not sent.'));
    }
    queue = keep;
  }, 1_000);

  const streamListeners = new Set<(name: StreamEventName, payload: unknown) => void>();
  const onMessage = (raw: unknown): void => {
    if (raw instanceof ArrayBuffer) {
      // Stream bytes travel as binary frames: [op][stream id][bytes].
      const frame = decodeStreamFrame(new Uint8Array(raw));
      if (frame) for (const l of streamListeners) l('stream.data', frame);
      return;
    }
    if (typeof raw !== 'string') return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(raw) as ServerMessage;
    } catch {
      console.warn('LabDeck: ignoring a non-JSON message from the engine');
      return;
    }
    if (msg?.type === 'response' && typeof msg.id === 'number') {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      p.resolve(msg.envelope);
    } else if (msg?.type === 'event' && typeof msg.name === 'string') {
      for (const l of eventListeners.get(msg.name) ?? []) l(msg.payload);
    } else if (msg?.type === 'stream' && (msg.name === 'stream.ack' || msg.name === 'stream.closed')) {
      for (const l of streamListeners) l(msg.name, msg.payload);
    }
  };

  const scheduleReconnect = (detail?: string): void => {
    if (closed) return;
    const delay = reconnectDelay(attempt++);
    setState({ status: 'down', generation: state.generation, ...(detail ? { detail } : {}) });
    retryTimer = window.setTimeout(connect, delay);
  };

  function connect(): void {
    if (closed) return;
    if (state.status !== 'down') setState({ ...state, status: 'connecting' });
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState({ status: 'open', generation: state.generation + 1 });
      flushQueue();
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      // In-flight requests can never be answered by a new socket: fail them now.
      for (const [id, p] of pending) {
        if (queue.some((q) => q.message.id === id)) continue;
        pending.delete(id);
        p.resolve(failure('connect', `Lost the connection to the LabDeck engine during ${p.channel}.`));
      }
      // A refused upgrade looks like any dropped connection (1006), so after a few failures we
      // mention the likeliest cause: the web host restarted and minted a new token.
      const detail = tokenMissing
        ? 'No access token: open the URL printed by the LabDeck web host (it ends in ?token=…).'
        : AUTH_CLOSE_CODES.has(ev.code)
          ? 'The engine refused this page’s access token. Open the URL printed by the web host again.'
          : attempt >= STALE_TOKEN_AFTER
            ? 'If LabDeck was restarted, it printed a new URL with a new token: open that one.'
            : undefined;
      scheduleReconnect(detail);
    };
    // onerror is always followed by onclose, which does the work.
    ws.onerror = () => undefined;
  }

  connect();

  const isOpen = (): boolean => socket?.readyState === WebSocket.OPEN;

  /** Sends now when the socket is open, else queues the request until it opens (or its wait runs out). */
  function request(channel: ChannelName | StreamOpName, payload: unknown): Promise<Envelope<unknown>> {
    const id = nextId++;
    const message: ClientMessage = { type: 'request', id, channel, payload };
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(id, { channel, resolve });
      if (isOpen()) {
        socket?.send(JSON.stringify(message));
      } else {
        queue.push({ message, deadline: Date.now() + QUEUE_TIMEOUT_MS });
      }
    });
  }

  return {
    streams: {
      // Streams die with the socket (the engine detaches them), so nothing of theirs is queued.
      request: (op, payload) =>
        isOpen() ? request(op, payload) : Promise.resolve(failure('connect', 'Not connected to the LabDeck engine.')),
      write(stream, data) {
        if (isOpen()) socket?.send(encodeStreamFrame(stream, data));
      },
      subscribe(listener) {
        streamListeners.add(listener);
        return () => streamListeners.delete(listener);
      },
    },
    request,
    subscribe(event: EventName, listener) {
      let set = eventListeners.get(event);
      if (!set) eventListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closed = true;
      window.clearTimeout(retryTimer);
      window.clearInterval(sweepTimer);
      socket?.close();
      socket = null;
    },
  };
}
