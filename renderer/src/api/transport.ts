import type { ChannelName, Envelope, EventName, StreamEventName, StreamOpName } from '../../../shared/contract';

/** 'open' = requests flow; 'connecting'/'down' drive the "disconnected" banner. */
export type ConnectionStatus = 'connecting' | 'open' | 'down';

export type ConnectionState = {
  status: ConnectionStatus;
  /** Why we are down, in words for the banner (e.g. the token was refused). */
  detail?: string;
  /** Incremented on every successful (re)connect so listeners can resync missed events. */
  generation: number;
};

/**
 * The raw pipe to the engine. Payloads are unvalidated here; the client validates them against the
 * contract so both transports are held to the same schemas.
 */
export interface Transport {
  request(channel: ChannelName, payload: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
  /** Streams (consoles); absent in test fakes that need none. */
  streams?: StreamTransport;
}

/** The stream kind of channel (shared/contract/streams.ts) over the same pipe; payloads unvalidated here too. */
export interface StreamTransport {
  request(op: StreamOpName, payload: unknown): Promise<Envelope<unknown>>;
  /** Sends bytes of an open stream; flow control is the caller's (api/streams.ts). */
  write(stream: number, data: Uint8Array): void;
  /** Every stream event of this connection: stream.data, stream.ack, stream.closed. */
  subscribe(listener: (name: StreamEventName, payload: unknown) => void): () => void;
}
