import {
  AppError,
  AppErrorShape,
  channels,
  events,
  formatZodError,
  type ChannelName,
  type EventName,
  type EventPayload,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/contract';
import { takeAccessToken } from './access-token';
import { createBridgeTransport, findDesktopBridge } from './bridge-transport';
import type { ConnectionState, Transport } from './transport';
import { createWsTransport } from './ws-transport';
import { createStreamClient, type StreamClient } from './streams';

/** Channels whose request is `void` may be called without a payload. */
type PayloadArgs<C extends ChannelName> =
  undefined extends RequestOf<C> ? [payload?: RequestOf<C>] : [payload: RequestOf<C>];

export interface LabDeckClient {
  readonly mode: 'desktop' | 'web';
  /** Resolves with the schema-checked response, or throws an AppError carrying the AppErrorShape. */
  invoke<C extends ChannelName>(channel: C, ...args: PayloadArgs<C>): Promise<ResponseOf<C>>;
  /** Subscribes to a pushed event; payloads failing the contract are dropped (and logged). */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
  /** Streams (consoles) over the same connection, with flow control. */
  readonly streams: StreamClient;
}

/** Wraps a transport with contract validation; exported for tests with a fake transport. */
export function createClientOver(transport: Transport, mode: 'desktop' | 'web'): LabDeckClient {
  return {
    mode,
    async invoke(channel, ...args) {
      let envelope: unknown;
      try {
        envelope = await transport.request(channel, args[0]);
      } catch (err) {
        throw new AppError({ kind: 'connect', message: err instanceof Error ? err.message : String(err) });
      }
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
        throw new AppError({ kind: 'internal', message: `The engine sent a malformed reply to ${channel}.` });
      }
      if (envelope.ok !== true) {
        const parsed = AppErrorShape.safeParse((envelope as { error?: unknown }).error);
        throw new AppError(
          parsed.success
            ? parsed.data
            : { kind: 'internal', message: `The engine reported an unreadable error for ${channel}.` },
        );
      }
      const schema = channels[channel].response;
      const result = schema.safeParse((envelope as { value?: unknown }).value);
      if (!result.success) {
        throw new AppError({
          kind: 'internal',
          message: `The engine's reply to ${channel} does not match the contract: ${formatZodError(result.error)}`,
        });
      }
      return result.data as ResponseOf<typeof channel>;
    },
    on(event, listener) {
      const schema = events[event];
      return transport.subscribe(event, (payload) => {
        const result = schema.safeParse(payload);
        if (result.success) listener(result.data as EventPayload<typeof event>);
        else console.warn(`LabDeck: dropped a malformed ${event} event: ${formatZodError(result.error)}`);
      });
    },
    connection: () => transport.connection(),
    onConnection: (listener) => transport.onConnection(listener),
    close: () => transport.close(),
    streams: createStreamClient(transport),
  };
}

/**
 * Inside Electron the preload exposes `window.labdeck` (IPC); in a browser we talk to the web
 * host's WebSocket on the same origin, authenticated by the token from the printed URL.
 */
export function createClient(): LabDeckClient {
  const bridge = findDesktopBridge();
  if (bridge) return createClientOver(createBridgeTransport(bridge), 'desktop');
  const token = takeAccessToken();
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token ?? '')}`;
  return createClientOver(createWsTransport(url, !token), 'web');
}
