import { z } from 'zod';
import { AppErrorShape } from './errors';

/** Result envelope used by both transports, so errors keep their shape across the boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Messages on the web host's WebSocket. */
export const ClientMessage = z.object({
  type: z.literal('request'),
  id: z.number().int(),
  channel: z.string(),
  payload: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { type: 'response'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  /** A stream event (stream.ack, stream.closed) for this socket's own streams; stream data is binary. */
  | { type: 'stream'; name: string; payload: unknown };
