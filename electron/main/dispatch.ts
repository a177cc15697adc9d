import {
  AppError,
  channels,
  toErrorShape,
  type ChannelName,
  type Envelope,
  type RequestOf,
  type ResponseOf,
} from '../../shared/contract';
import type { Handlers } from './handlers';

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * The receiving side of the contract, shared by every adapter: unknown channels and payloads that
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

/** An in-process caller of the contract (the CLI): one channel through dispatch, typed; a failure throws the AppError. */
export type Call = <C extends ChannelName>(
  channel: C,
  ...payload: undefined extends RequestOf<C> ? [RequestOf<C>?] : [RequestOf<C>]
) => Promise<ResponseOf<C>>;

export function callerOf(handlers: Handlers): Call {
  return async (channel, ...payload) => {
    const r = await dispatch(handlers, channel, payload[0]);
    if (!r.ok) throw new AppError(r.error);
    return r.value as ResponseOf<typeof channel>;
  };
}
