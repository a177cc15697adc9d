import { z } from 'zod';
import { AppErrorShape } from './errors';

/**
 * The *stream* kind of channel: a long-lived byte pipe between one renderer (or the CLI) and the
 * engine — a VM's serial console, a VNC tunnel. Unlike request/response channels a stream belongs to
 * the connection that opened it (one IPC sender, one WebSocket) and dies with it.
 *
 *   stream.open   {kind, payload}   → {stream, info}        (payload checked against the kind's schema)
 *   stream.write  {stream, data}    → {}                    client → engine bytes
 *   stream.resize {stream, cols, rows}
 *   stream.ack    {stream, bytes}                           the client consumed that many bytes
 *   stream.close  {stream}
 *   events: stream.data {stream, data}, stream.ack {stream, bytes}, stream.closed {stream, reason, error?}
 *
 * Bytes are `Uint8Array`s end to end: Electron's structured clone carries them as they are, and the web
 * host sends them as binary WebSocket frames (see encodeStreamFrame) — no base64 (a third more bytes and
 * a string copy per chunk on the VNC path) and no JSON parse per chunk.
 *
 * Flow control is by credit, the same both ways: a sender keeps at most STREAM_WINDOW bytes that the
 * other side has not acknowledged. The engine pauses the SSH channel when its window is used up (so
 * the host's sshd stops reading and the guest blocks), the renderer acknowledges what its terminal or
 * VNC client has really consumed. Client writes are acknowledged by `stream.ack` events once they are
 * handed to the SSH channel; an engine-side channel buffer beyond 2 × STREAM_WINDOW means the peer
 * ignored the rules, and the stream is closed. Memory is bounded by the window per stream, times
 * STREAM_MAX_PER_CONNECTION.
 */

export const STREAM_WINDOW = 512 * 1024;
/** The client acknowledges at least this often (bytes), so the engine never waits for a full window. */
export const STREAM_ACK_EVERY = 64 * 1024;
export const STREAM_MAX_PER_CONNECTION = 16;
/** One data message carries at most this many bytes. */
export const STREAM_MAX_CHUNK = 64 * 1024;

const Dimension = z.number().int().min(1).max(1000);

export const SerialConsoleOpen = z.object({
  hostId: z.string().min(1),
  domain: z.string().min(1),
  /** Take the console over from another client (`virsh console --force`); only when the user said so. */
  force: z.boolean().default(false),
  cols: Dimension.default(80),
  rows: Dimension.default(24),
});
export type SerialConsoleOpen = z.output<typeof SerialConsoleOpen>;
export const SerialConsoleInfo = z.object({ domain: z.string(), host: z.string() });

export const VncConsoleOpen = z.object({ hostId: z.string().min(1), domain: z.string().min(1) });
export type VncConsoleOpen = z.output<typeof VncConsoleOpen>;
export const VncConsoleInfo = z.object({
  domain: z.string(),
  host: z.string(),
  /** Where the tunnel ends on the host: `127.0.0.1:5900` or `unix:/path`. */
  target: z.string(),
  /** The domain XML sets a VNC password (noVNC will ask for it). */
  passwordSet: z.boolean(),
});

/** What can be opened as a stream: the open payload's schema and what comes back. */
export const streamKinds = {
  'console.serial': { open: SerialConsoleOpen, info: SerialConsoleInfo },
  'console.vnc': { open: VncConsoleOpen, info: VncConsoleInfo },
} as const;
export type StreamKinds = typeof streamKinds;
export type StreamKind = keyof StreamKinds;
export type StreamOpenOf<K extends StreamKind> = z.input<StreamKinds[K]['open']>;
export type StreamInfoOf<K extends StreamKind> = z.output<StreamKinds[K]['info']>;

const StreamId = z.number().int().min(1).max(0xffffffff);
const Bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= STREAM_MAX_CHUNK, `at most ${STREAM_MAX_CHUNK} bytes per message`);

export const streamOps = {
  'stream.open': {
    request: z.object({ kind: z.enum(['console.serial', 'console.vnc']), payload: z.unknown() }),
    response: z.object({ stream: StreamId, info: z.unknown() }),
  },
  'stream.write': { request: z.object({ stream: StreamId, data: Bytes }), response: z.object({}) },
  'stream.resize': {
    request: z.object({ stream: StreamId, cols: Dimension, rows: Dimension }),
    response: z.object({}),
  },
  'stream.ack': {
    request: z.object({
      stream: StreamId,
      bytes: z
        .number()
        .int()
        .min(0)
        .max(STREAM_WINDOW * 4),
    }),
    response: z.object({}),
  },
  'stream.close': { request: z.object({ stream: StreamId }), response: z.object({ closed: z.boolean() }) },
} as const;
export type StreamOps = typeof streamOps;
export type StreamOpName = keyof StreamOps;

export const streamEvents = {
  'stream.data': z.object({ stream: StreamId, data: z.instanceof(Uint8Array) }),
  'stream.ack': z.object({ stream: StreamId, bytes: z.number().int().min(0) }),
  'stream.closed': z.object({
    stream: StreamId,
    /** In words, for the tab: "detached", "the connection to the host was lost", … */
    reason: z.string(),
    /** Whether the user can usefully reconnect (a lost connection, an ended console). */
    reconnectable: z.boolean(),
    error: AppErrorShape.optional(),
  }),
} as const;
export type StreamEvents = typeof streamEvents;
export type StreamEventName = keyof StreamEvents;
export type StreamEventPayload<E extends StreamEventName> = z.output<StreamEvents[E]>;

/** Binary WebSocket frames: [op u8][stream u32 BE][bytes]; op 1 = data (either direction). */
export const FRAME_DATA = 1;
export const FRAME_HEADER = 5;

export function encodeStreamFrame(stream: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER + data.byteLength);
  out[0] = FRAME_DATA;
  new DataView(out.buffer).setUint32(1, stream);
  out.set(data, FRAME_HEADER);
  return out;
}

export function decodeStreamFrame(frame: Uint8Array): { stream: number; data: Uint8Array } | undefined {
  if (frame.byteLength < FRAME_HEADER || frame[0] !== FRAME_DATA) return undefined;
  const stream = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(1);
  if (stream === 0) return undefined;
  return { stream, data: frame.subarray(FRAME_HEADER) };
}
