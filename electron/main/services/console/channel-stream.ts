import type { Duplex } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import type { AppErrorShape } from '../../../../shared/contract';
import type { EngineStream } from '../streams/stream-session';

export type ChannelStreamOptions = {
  info: unknown;
  /** The connection the channel rides on: losing it is told as such. */
  client: Client;
  hostLabel: string;
  /** Bytes already read (after virsh's banner), delivered first. */
  head?: Buffer;
  /** Sent before closing, so the remote side detaches cleanly (virsh console's escape). */
  detachBytes?: Buffer;
  onResize?: (cols: number, rows: number) => void;
  /** How an end that LabDeck did not ask for is told. */
  endedReason: string;
  /** Called once when the channel is gone, with the byte counts (audit, lease release). */
  onEnd: (e: { reason: string; bytesIn: number; bytesOut: number; lost: boolean }) => void;
};

/** How long a closing channel may take before it is dropped anyway: nothing hangs. */
const CLOSE_GRACE_MS = 3000;

/** An ssh2 channel (PTY exec or forwarded socket) as an EngineStream. */
export function channelStream(ch: ClientChannel | Duplex, o: ChannelStreamOptions): EngineStream {
  let ended = false;
  let closingReason: string | undefined;
  let lost = false;
  let bytesIn = 0; // to the host
  let bytesOut = o.head?.length ?? 0; // from the host
  let handlers: Parameters<EngineStream['start']>[0] | undefined;
  const pending: Buffer[] = o.head && o.head.length ? [o.head] : [];
  ch.pause();

  const onClientGone = () => {
    lost = true;
    finish();
  };
  o.client.once('close', onClientGone);

  const finish = () => {
    if (ended) return;
    ended = true;
    o.client.removeListener('close', onClientGone);
    const reason = closingReason ?? (lost ? `The connection to ${o.hostLabel} was lost.` : o.endedReason);
    o.onEnd({ reason, bytesIn, bytesOut, lost });
    const error: AppErrorShape | undefined = lost ? { kind: 'connect', message: reason } : undefined;
    handlers?.end(reason, { reconnectable: true, ...(error ? { error } : {}) });
    if (!ch.destroyed) ch.destroy();
  };

  ch.on('data', (d: Buffer) => {
    bytesOut += d.length;
    if (handlers) handlers.data(d);
    else pending.push(d);
  });
  (ch as ClientChannel).stderr?.on('data', (d: Buffer) => {
    bytesOut += d.length;
    handlers?.data(d);
  });
  ch.on('close', finish);
  ch.on('end', () => setTimeout(finish, 50).unref());
  ch.on('error', () => finish());

  return {
    info: o.info,
    start(h) {
      handlers = h;
      for (const b of pending.splice(0)) h.data(b);
      if (ended) h.end(closingReason ?? o.endedReason);
      else ch.resume();
    },
    write(chunk, drained) {
      if (ended) return;
      bytesIn += chunk.length;
      ch.write(chunk, () => drained());
    },
    buffered: () => ch.writableLength,
    pause: () => ch.pause(),
    resume: () => {
      if (!ended) ch.resume();
    },
    resize(cols, rows) {
      o.onResize?.(cols, rows);
    },
    close(reason) {
      if (ended) return;
      closingReason = reason;
      try {
        if (o.detachBytes) ch.write(o.detachBytes);
        if ('close' in ch && typeof ch.close === 'function') ch.close();
        else ch.end();
      } catch {
        // already gone
      }
      setTimeout(finish, CLOSE_GRACE_MS).unref();
    },
  };
}
