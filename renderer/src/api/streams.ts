import {
  AppError,
  AppErrorShape,
  STREAM_ACK_EVERY,
  STREAM_MAX_CHUNK,
  STREAM_WINDOW,
  streamEvents,
  streamKinds,
  streamOps,
  formatZodError,
  type StreamEventPayload,
  type StreamInfoOf,
  type StreamKind,
  type StreamOpenOf,
} from '../../../shared/contract';
import type { Transport } from './transport';

export type StreamClosed = StreamEventPayload<'stream.closed'>;

export type StreamHandlers = {
  /** Bytes from the engine; call `consumed()` once they are processed (e.g. xterm's write callback): that is what opens the window again. */
  data(bytes: Uint8Array, consumed: () => void): void;
  closed(ev: StreamClosed): void;
};

export interface StreamHandle<K extends StreamKind> {
  readonly stream: number;
  readonly info: StreamInfoOf<K>;
  /** Queues bytes (a string is sent as UTF-8); sent as the engine's window allows. */
  write(data: Uint8Array | string): void;
  resize(cols: number, rows: number): void;
  /** Detaches; the VM keeps running. */
  close(): void;
  /** Bytes written but not yet acknowledged or still queued (tests, stats). */
  backlog(): number;
}

/** A client may queue this much (a big paste) before further writes are refused. */
const MAX_QUEUED = 8 * 1024 * 1024;
const ACK_DELAY_MS = 30;

type Live = {
  handlers: StreamHandlers;
  consumedSinceAck: number;
  ackTimer?: ReturnType<typeof setTimeout>;
  inflight: number;
  queue: Uint8Array[];
  queued: number;
  closed: boolean;
};

/**
 * The renderer side of streams, over either transport: validates events against the contract and
 * keeps the flow control (acks what the consumer processed, keeps at most STREAM_WINDOW of its own
 * bytes unacknowledged and queues the rest, bounded).
 */
export function createStreamClient(transport: Transport) {
  const t = transport.streams;
  const live = new Map<number, Live>();
  /** Events that arrive before their open's answer (kept few; dropped with the stream if it never comes). */
  const early = new Map<number, Array<[string, unknown]>>();

  const finish = (id: number, l: Live, ev: StreamClosed) => {
    if (l.closed) return;
    l.closed = true;
    if (l.ackTimer) clearTimeout(l.ackTimer);
    live.delete(id);
    l.handlers.closed(ev);
  };

  const pump = (id: number, l: Live) => {
    while (!l.closed && l.queue.length && l.inflight + l.queue[0]!.byteLength <= STREAM_WINDOW) {
      const chunk = l.queue.shift()!;
      l.queued -= chunk.byteLength;
      l.inflight += chunk.byteLength;
      t?.write(id, chunk);
    }
  };

  const sendAck = (id: number, l: Live) => {
    if (l.ackTimer) clearTimeout(l.ackTimer);
    l.ackTimer = undefined;
    if (l.closed || l.consumedSinceAck === 0) return;
    const bytes = l.consumedSinceAck;
    l.consumedSinceAck = 0;
    void t?.request('stream.ack', { stream: id, bytes });
  };

  const deliver = (name: string, payload: unknown) => {
    const schema = streamEvents[name as keyof typeof streamEvents];
    const parsed = schema?.safeParse(payload);
    if (!parsed?.success) {
      console.warn(`LabDeck: dropped a malformed ${name} event${parsed ? `: ${formatZodError(parsed.error)}` : ''}`);
      return;
    }
    const ev = parsed.data;
    const l = live.get(ev.stream);
    if (!l) {
      // Late events of streams closed here land in this map too: keep it small.
      if (!early.has(ev.stream) && early.size >= 32) early.delete(early.keys().next().value!);
      const list = early.get(ev.stream) ?? [];
      if (list.length < 256) list.push([name, payload]);
      early.set(ev.stream, list);
      return;
    }
    if (name === 'stream.data') {
      const bytes = (ev as StreamEventPayload<'stream.data'>).data;
      let done = false;
      l.handlers.data(bytes, () => {
        if (done || l.closed) return;
        done = true;
        l.consumedSinceAck += bytes.byteLength;
        if (l.consumedSinceAck >= STREAM_ACK_EVERY) sendAck(ev.stream, l);
        else l.ackTimer ??= setTimeout(() => sendAck(ev.stream, l), ACK_DELAY_MS);
      });
    } else if (name === 'stream.ack') {
      l.inflight = Math.max(0, l.inflight - (ev as StreamEventPayload<'stream.ack'>).bytes);
      pump(ev.stream, l);
    } else {
      finish(ev.stream, l, ev as StreamClosed);
    }
  };

  t?.subscribe(deliver);
  // The WebSocket dropping ends every stream on it (the engine detached them).
  transport.onConnection((state) => {
    if (state.status === 'open') return;
    for (const [id, l] of [...live])
      finish(id, l, {
        stream: id,
        reason: 'Lost the connection to the LabDeck engine.',
        reconnectable: true,
        error: { kind: 'connect', message: 'Lost the connection to the LabDeck engine.' },
      });
  });

  return {
    async open<K extends StreamKind>(
      kind: K,
      payload: StreamOpenOf<K>,
      handlers: StreamHandlers,
    ): Promise<StreamHandle<K>> {
      if (!t) throw new AppError({ kind: 'internal', message: 'This connection cannot carry consoles.' });
      const envelope = await t.request('stream.open', { kind, payload }).catch((err: unknown) => ({
        ok: false as const,
        error: { kind: 'connect' as const, message: err instanceof Error ? err.message : String(err) },
      }));
      if (!envelope.ok) {
        const e = AppErrorShape.safeParse(envelope.error);
        throw new AppError(
          e.success ? e.data : { kind: 'internal', message: 'The engine reported an unreadable error.' },
        );
      }
      const opened = streamOps['stream.open'].response.safeParse(envelope.value);
      const info = opened.success ? streamKinds[kind].info.safeParse(opened.data.info) : undefined;
      if (!opened.success || !info?.success)
        throw new AppError({
          kind: 'internal',
          message: 'The engine’s answer to stream.open does not match the contract.',
        });
      const id = opened.data.stream;
      const l: Live = { handlers, consumedSinceAck: 0, inflight: 0, queue: [], queued: 0, closed: false };
      live.set(id, l);
      for (const [name, p] of early.get(id) ?? []) deliver(name, p);
      early.delete(id);
      const encoder = new TextEncoder();
      return {
        stream: id,
        info: info.data as StreamInfoOf<K>,
        write(data) {
          if (l.closed) return;
          const bytes = typeof data === 'string' ? encoder.encode(data) : data;
          if (l.queued + bytes.byteLength > MAX_QUEUED)
            throw new AppError({ kind: 'validation', message: 'Too much input at once for the console.' });
          for (let i = 0; i < bytes.byteLength; i += STREAM_MAX_CHUNK) {
            const part = bytes.subarray(i, i + STREAM_MAX_CHUNK);
            l.queue.push(part);
            l.queued += part.byteLength;
          }
          pump(id, l);
        },
        resize(cols, rows) {
          if (!l.closed) void t.request('stream.resize', { stream: id, cols, rows });
        },
        close() {
          if (l.closed) return;
          sendAck(id, l);
          void t.request('stream.close', { stream: id });
          finish(id, l, { stream: id, reason: 'detached', reconnectable: true });
        },
        backlog: () => l.inflight + l.queued,
      };
    },
  };
}

export type StreamClient = ReturnType<typeof createStreamClient>;
