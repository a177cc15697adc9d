import { DESKTOP_BRIDGE_KEY, streamEventNames, type DesktopBridge } from '../../../shared/contract';
import type { ConnectionState, Transport } from './transport';

/** The Electron preload's bridge, if this page runs inside the desktop app. */
export function findDesktopBridge(): DesktopBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[DESKTOP_BRIDGE_KEY];
  return candidate && typeof candidate === 'object' ? (candidate as DesktopBridge) : undefined;
}

/** IPC through the preload: always connected for as long as the window lives. */
export function createBridgeTransport(bridge: DesktopBridge): Transport {
  const state: ConnectionState = { status: 'open', generation: 1 };
  return {
    request(channel, payload) {
      // The bridge method's payload type depends on the channel; the client has already typed it.
      const call = bridge[channel] as (p: unknown) => Promise<unknown>;
      return call(payload) as ReturnType<Transport['request']>;
    },
    subscribe(event, listener) {
      return bridge[`on:${event}`](listener);
    },
    connection: () => state,
    onConnection: () => () => undefined,
    close: () => undefined,
    streams: {
      request: (op, payload) => bridge[op](payload),
      write: (stream, data) => void bridge['stream.write']({ stream, data }),
      subscribe(listener) {
        const offs = streamEventNames.map((name) => bridge[`on:${name}`]((payload) => listener(name, payload)));
        return () => offs.forEach((off) => off());
      },
    },
  };
}
