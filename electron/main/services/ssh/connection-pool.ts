import type { Duplex } from 'node:stream';
import PQueue from 'p-queue';
import type { Client } from 'ssh2';
import { AppError } from '../../../../shared/contract';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import { openConnection, type ConnectOptions } from './connect';
import { endpointKey, poolKey, type SshEndpoint } from './endpoint';
import { execOnClient, type ExecOptions, type ExecResult } from './exec-channel';
import { checkLoginShell } from './login-shell';

export type PoolOptions = Omit<ConnectOptions, 'viaJump' | 'interactive'> & {
  /** Close a connection nobody has used for this long. */
  idleMs: number;
  /** Channels open at once per connection; below sshd's default MaxSessions of 10. */
  maxChannels: number;
  /** Called after every exec, for the audit log. */
  onExec?: (
    e: SshEndpoint,
    argv: readonly string[],
    r: ExecResult,
    hostId: string | undefined,
    stdinNote: string | undefined,
    probe?: RegExp,
  ) => void;
};

type Entry = {
  key: string;
  /** Readable user@host:port for stats; several entries may share one label. */
  label: string;
  endpoint: SshEndpoint;
  client?: Client;
  connecting?: Promise<Client>;
  refs: number;
  queue: PQueue;
  idleTimer?: NodeJS.Timeout;
  failures: number;
  retryAt: number;
  /** Released when this connection closes: a jump connection stays referenced while we use it. */
  releaseJump?: () => void;
};

export type PoolStats = {
  opened: Record<string, number>;
  open: string[];
  /** Leases held per connection label (0s left out). */ leases: Record<string, number>;
};

/**
 * One SSH connection per login identity (user@host:port, auth method and key file, jump), shared by every operation, reference counted, closed
 * when idle, reopened on demand (with backoff for background work after failures).
 */
export class ConnectionPool {
  private readonly entries = new Map<string, Entry>();
  private readonly opened = new Map<string, number>();
  private closed = false;

  constructor(private readonly o: PoolOptions) {}

  stats(): PoolStats {
    return {
      opened: Object.fromEntries(this.opened),
      open: [...this.entries.values()].filter((e) => e.client).map((e) => e.label),
      leases: Object.fromEntries([...this.entries.values()].filter((e) => e.refs > 0).map((e) => [e.label, e.refs])),
    };
  }

  /**
   * Holds the connection open (and counts as a user) until the returned release is called. A `lane`
   * is a second connection of the same identity for long-lived channels (consoles), so they never
   * take the session slots commands queue for, nor wait behind them.
   */
  async acquire(
    endpoint: SshEndpoint,
    interactive = true,
    lane?: string,
  ): Promise<{ client: Client; release: () => void }> {
    const entry = this.entry(endpoint, lane);
    entry.refs++;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      entry.refs--;
      this.maybeIdle(entry);
    };
    try {
      const client = await this.connected(entry, interactive);
      return { client, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  async exec(
    endpoint: SshEndpoint,
    argv: readonly string[],
    o: ExecOptions & { interactive?: boolean; hostId?: string } = {},
  ): Promise<ExecResult> {
    const lease = await this.acquire(endpoint, o.interactive ?? true);
    try {
      const entry = this.entry(endpoint);
      // The signal is checked when the task leaves the queue; once running, execOnClient handles it.
      const result = await entry.queue.add(() => {
        if (o.signal?.aborted) {
          throw new AppError({ kind: 'cancelled', message: 'Cancelled before it started.', command: quoteArgv(argv) });
        }
        return execOnClient(lease.client, argv, o);
      });
      this.o.onExec?.(endpoint, argv, result, o.hostId, o.stdinNote, o.probe);
      return result;
    } finally {
      lease.release();
    }
  }

  /** Closes every connection now (app exit, tests). */
  async closeAll(): Promise<void> {
    this.closed = true;
    for (const e of this.entries.values()) this.drop(e);
    this.entries.clear();
  }

  private entry(endpoint: SshEndpoint, lane?: string): Entry {
    if (this.closed) throw new AppError({ kind: 'internal', message: 'The connection pool is shut down.' });
    const key = lane ? JSON.stringify([poolKey(endpoint), lane]) : poolKey(endpoint);
    let e = this.entries.get(key);
    if (!e) {
      e = {
        key,
        label: lane ? `${endpointKey(endpoint)} (${lane})` : endpointKey(endpoint),
        endpoint,
        refs: 0,
        queue: new PQueue({ concurrency: this.o.maxChannels }),
        failures: 0,
        retryAt: 0,
      };
      this.entries.set(key, e);
    }
    return e;
  }

  /**
   * Interactive work (the user clicked) connects at once and may prompt; background work waits out
   * the backoff after failures and never prompts.
   */
  private async connected(e: Entry, interactive: boolean): Promise<Client> {
    if (e.client) return e.client;
    if (!e.connecting) {
      const wait = interactive ? 0 : Math.max(0, e.retryAt - Date.now());
      e.connecting = (async () => {
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        return this.open(e, interactive);
      })().finally(() => {
        e.connecting = undefined;
      });
    }
    return e.connecting;
  }

  private async open(e: Entry, interactive: boolean): Promise<Client> {
    let viaJump: ConnectOptions['viaJump'];
    if (e.endpoint.jump) {
      const jumpLease = await this.acquire({ ...e.endpoint.jump }, interactive);
      e.releaseJump = jumpLease.release;
      viaJump = (address, port) => forwardOut(jumpLease.client, address, port);
    }
    try {
      const client = await openConnection(e.endpoint, { ...this.o, viaJump, interactive });
      try {
        await checkLoginShell(client, e.label);
      } catch (err) {
        client.end();
        throw err;
      }
      this.opened.set(e.label, (this.opened.get(e.label) ?? 0) + 1);
      e.failures = 0;
      e.retryAt = 0;
      e.client = client;
      const gone = () => {
        if (e.client !== client) return;
        e.client = undefined;
        e.releaseJump?.();
        e.releaseJump = undefined;
      };
      client.on('close', gone);
      client.on('error', gone);
      return client;
    } catch (err) {
      e.releaseJump?.();
      e.releaseJump = undefined;
      e.failures++;
      e.retryAt = Date.now() + Math.min(60_000, 1000 * 2 ** Math.min(e.failures - 1, 6));
      throw err;
    }
  }

  private maybeIdle(e: Entry): void {
    if (e.refs > 0 || this.closed) return;
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = setTimeout(() => {
      if (e.refs === 0) this.drop(e);
    }, this.o.idleMs);
    e.idleTimer.unref?.();
  }

  private drop(e: Entry): void {
    if (e.idleTimer) clearTimeout(e.idleTimer);
    const c = e.client;
    e.client = undefined;
    c?.end();
    e.releaseJump?.();
    e.releaseJump = undefined;
  }
}

function forwardOut(client: Client, address: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, address, port, (err, stream) =>
      err
        ? reject(
            new AppError({
              kind: 'connect',
              message: `The jump host could not reach ${address}:${port}: ${err.message}`,
            }),
          )
        : resolve(stream),
    );
  });
}
