import type { ChannelName, RequestOf } from './channels';
import type { EventName } from './events';
import type { Envelope } from './wire';

/**
 * What the desktop preload puts on `window.labdeck`: one method per channel and one subscribe
 * method per event. Results are unvalidated envelopes; the renderer's client validates them.
 */
export type DesktopBridge = {
  [C in ChannelName]: (payload: RequestOf<C>) => Promise<Envelope<unknown>>;
} & {
  [E in EventName as `on:${E}`]: (listener: (payload: unknown) => void) => () => void;
};

export const DESKTOP_BRIDGE_KEY = 'labdeck';
