import type { ChannelName, RequestOf } from './channels';
import type { EventName } from './events';
import type { StreamEventName, StreamOpName } from './streams';
import type { Envelope } from './wire';

/**
 * What the desktop preload puts on `window.labdeck`: one method per channel and one subscribe
 * method per event. Results are unvalidated envelopes; the renderer's client validates them.
 */
export type DesktopBridge = {
  [C in ChannelName]: (payload: RequestOf<C>) => Promise<Envelope<unknown>>;
} & {
  [E in EventName as `on:${E}`]: (listener: (payload: unknown) => void) => () => void;
} & {
  /** Stream operations (streams.ts): answered only for the window that opened the stream. */
  [O in StreamOpName]: (payload: unknown) => Promise<Envelope<unknown>>;
} & {
  [E in StreamEventName as `on:${E}`]: (listener: (payload: unknown) => void) => () => void;
};

export const DESKTOP_BRIDGE_KEY = 'labdeck';
