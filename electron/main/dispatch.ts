import { channels, toErrorShape, type ChannelName, type Envelope } from '../../shared/contract';
import type { Handlers } from './handlers';

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * The receiving side of the contract, shared by both adapters: unknown channels and payloads that
 * fail the schema never reach a handler; every failure comes back as a typed error envelope.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { kind: 'validation', message: `Unknown channel "${channel}".` } };
  }
  try {
    const req = channels[channel].request.parse(payload);
    const handler = handlers[channel] as (r: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(req) };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}
