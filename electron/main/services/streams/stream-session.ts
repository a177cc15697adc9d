import {
  AppError,
  STREAM_MAX_CHUNK,
  STREAM_MAX_PER_CONNECTION,
  STREAM_WINDOW,
  streamKinds,
  streamOps,
  toErrorShape,
  type AppErrorShape,
  type Envelope,
  type StreamEventName,
  type StreamEventPayload,
  type StreamKind,
} from '../../../../shared/contract';

/**
 * A byte source/sink the engine opens for a stream kind (a PTY channel running `virsh console`, a
 * forwarded VNC socket). The session drives it; it never buffers more than its channel does.
 */
export interface EngineStream {
  readonly info: unknown;
  /** Starts delivering; `end` is called exactly once. */
  start(h: {
    data(chunk: Buffer): void;
    end(reason: string, o?: { reconnectable?: boolean; error?: AppErrorShape }): void;
  }): void;
  /** Hands bytes to the channel; `drained` once the channel took them (its buffer is below its mark). */
  write(chunk: Buffer, drained: () => void): void;
  /** Bytes written but not yet passed on by the channel. */
  buffered(): number;
  pause(): void;
  resume(): void;
  resize(cols: number, rows: number): void;
  /** Detaches (the VM keeps running); `end` follows with `reason`. */
  close(reason: string): void;
}

export type StreamOpener = (kind: StreamKind, payload: unknown) => Promise<EngineStream>;

/** Where a session's output goes: one IPC sender or one WebSocket. */
export type StreamSink = {
  data(stream: number, chunk: Uint8Array): void;
  event<E extends Exclude<StreamEventName, 'stream.data'>>(name: E, payload: StreamEventPayload<E>): void;
};

type Open = { id: number; s: EngineStream; unacked: number; paused: boolean; closed: boolean };

/**
 * The streams of one connection (a window, a WebSocket, the CLI). Enforces the contract's flow
 * control: at most STREAM_WINDOW unacknowledged bytes go out per stream before the source is paused;
 * a client that writes past the engine's buffer limit loses the stream. Disposing the session (window
 * closed, socket gone) detaches every stream it opened.
 */
export class StreamSession {
  private readonly open = new Map<number, Open>();
  private nextId = 1;
  private opening = 0;
  private disposed = false;

  constructor(
    private readonly opener: StreamOpener,
    private readonly sink: StreamSink,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /** Validates an operation against the contract and runs it; every failure is an error envelope. */
  async handle(op: string, payload: unknown): Promise<Envelope<unknown>> {
    try {
      switch (op) {
        case 'stream.open': {
          const r = streamOps['stream.open'].request.parse(payload);
          return { ok: true, value: await this.openStream(r.kind, r.payload) };
        }
        case 'stream.write': {
          const r = streamOps['stream.write'].request.parse(payload);
          this.write(r.stream, r.data);
          return { ok: true, value: {} };
        }
        case 'stream.resize': {
          const r = streamOps['stream.resize'].request.parse(payload);
          this.get(r.stream)?.s.resize(r.cols, r.rows);
          return { ok: true, value: {} };
        }
        case 'stream.ack': {
          const r = streamOps['stream.ack'].request.parse(payload);
          this.ack(r.stream, r.bytes);
          return { ok: true, value: {} };
        }
        case 'stream.close': {
          const r = streamOps['stream.close'].request.parse(payload);
          const o = this.get(r.stream);
          o?.s.close('detached');
          return { ok: true, value: { closed: Boolean(o) } };
        }
        default:
          return { ok: false, error: { kind: 'validation', message: `Unknown stream operation "${op}".` } };
      }
    } catch (err) {
      return { ok: false, error: toErrorShape(err) };
    }
  }

  async openStream(kind: StreamKind, payload: unknown): Promise<{ stream: number; info: unknown }> {
    if (this.disposed) throw new AppError({ kind: 'internal', message: 'This connection is closing.' });
    if (this.open.size + this.opening >= STREAM_MAX_PER_CONNECTION) {
      throw new AppError({
        kind: 'validation',
        message: `At most ${STREAM_MAX_PER_CONNECTION} consoles can be open at once in one window.`,
      });
    }
    const parsed = streamKinds[kind].open.parse(payload);
    this.opening++;
    let s: EngineStream;
    try {
      s = await this.opener(kind, parsed);
    } finally {
      this.opening--;
    }
    if (this.disposed) {
      s.close('detached');
      throw new AppError({ kind: 'internal', message: 'This connection closed while the stream opened.' });
    }
    const id = this.nextId++;
    const o: Open = { id, s, unacked: 0, paused: false, closed: false };
    this.open.set(id, o);
    // Started on the next turn, so the open's answer reaches the client before the first bytes.
    setImmediate(() =>
      s.start({
        data: (chunk) => {
          if (o.closed) return;
          for (let i = 0; i < chunk.length; i += STREAM_MAX_CHUNK) {
            const part = chunk.subarray(i, i + STREAM_MAX_CHUNK);
            o.unacked += part.length;
            this.sink.data(id, new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
          }
          if (!o.paused && o.unacked >= STREAM_WINDOW) {
            o.paused = true;
            s.pause();
          }
        },
        end: (reason, e) => {
          if (o.closed) return;
          o.closed = true;
          this.open.delete(id);
          this.sink.event('stream.closed', {
            stream: id,
            reason,
            reconnectable: e?.reconnectable ?? true,
            ...(e?.error ? { error: e.error } : {}),
          });
        },
      }),
    );
    return { stream: id, info: s.info };
  }

  write(stream: number, data: Uint8Array): void {
    const o = this.get(stream);
    if (!o) return; // closed meanwhile: the client learns it from stream.closed
    if (o.s.buffered() + data.byteLength > 2 * STREAM_WINDOW) {
      o.s.close('closed: the client sent more than the flow-control window allows');
      return;
    }
    const n = data.byteLength;
    o.s.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), () => {
      if (!o.closed) this.sink.event('stream.ack', { stream, bytes: n });
    });
  }

  ack(stream: number, bytes: number): void {
    const o = this.get(stream);
    if (!o) return;
    o.unacked = Math.max(0, o.unacked - bytes);
    if (o.paused && o.unacked < STREAM_WINDOW / 2) {
      o.paused = false;
      o.s.resume();
    }
  }

  /** Unacknowledged bytes of a stream (tests, stats). */
  unacked(stream: number): number | undefined {
    return this.open.get(stream)?.unacked;
  }

  /** The window or socket went away: detach everything (the VMs keep running). */
  dispose(): void {
    this.disposed = true;
    for (const o of [...this.open.values()]) o.s.close('detached');
  }

  private get(stream: number): Open | undefined {
    const o = this.open.get(stream);
    return o && !o.closed ? o : undefined;
  }
}
