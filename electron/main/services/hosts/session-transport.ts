import { spawn } from 'node:child_process';
import type { Client, ClientChannel } from 'ssh2';
import { remoteLine } from '../ssh/exec-channel';
import type { ConnectionPool } from '../ssh/connection-pool';
import type { SshEndpoint } from '../ssh/endpoint';

/**
 * A long-lived remote process: text in on its stdin, text out of its stdout. Closing the transport
 * ends its stdin; the resident processes LabDeck starts all exit on EOF, so nothing lingers on the host.
 */
export interface SessionTransport {
  write(text: string): void;
  /** Ends stdin and closes the channel. */
  close(): void;
  /** Kills the remote process group (a command stuck in it), then closes. */
  kill(): Promise<void>;
  readonly closed: boolean;
  /** The remote process (group) id, once known. */
  readonly pid?: number;
}

export type TransportHandlers = {
  onData: (text: string) => void;
  onClose: (why: string) => void;
};

export type TransportOpener = (argv: readonly string[], h: TransportHandlers) => Promise<SessionTransport>;

const PID_MARK = 'LABDECK-PID ';

function openExec(client: Client, line: string): Promise<ClientChannel> {
  const once = () =>
    new Promise<ClientChannel>((resolve, reject) =>
      client.exec(line, (err, stream) => (err ? reject(err) : resolve(stream))),
    );
  return (async () => {
    // sshd frees a session slot a moment after a channel closes: a refusal right then is transient.
    for (let attempt = 0; ; attempt++) {
      try {
        return await once();
      } catch (err) {
        if (attempt >= 5 || !/open failed|Channel open failure/i.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  })();
}

/**
 * A transport on an exec channel of the pooled connection. It holds a lease on the connection for
 * as long as it is open (so the pool never closes it as idle) and never prompts: background work.
 */
export function sshTransportOpener(pool: ConnectionPool, endpoint: () => SshEndpoint): TransportOpener {
  return async (argv, h) => {
    const lease = await pool.acquire(endpoint(), false);
    let channel: ClientChannel;
    try {
      channel = await openExec(lease.client, remoteLine(argv));
    } catch (err) {
      lease.release();
      throw err;
    }
    let closed = false;
    let pid: number | undefined;
    let headDone = false;
    let errHead = '';
    let errTail = '';
    channel.setEncoding('utf8');
    channel.on('data', (d: string) => h.onData(d));
    channel.stderr.on('data', (d: Buffer) => {
      if (!headDone) {
        // The first stderr line is remoteLine's PID report: the process group to kill if stuck.
        errHead += d.toString('utf8');
        const nl = errHead.indexOf('\n');
        if (nl < 0) return;
        headDone = true;
        const first = errHead.slice(0, nl);
        if (first.startsWith(PID_MARK)) pid = Number(first.slice(PID_MARK.length));
        errTail = errHead.slice(nl + 1);
        return;
      }
      errTail = (errTail + d.toString('utf8')).slice(-2000);
    });
    const finish = (why: string) => {
      if (closed) return;
      closed = true;
      lease.release();
      h.onClose(why);
    };
    channel.on('close', (code: number | null) =>
      finish(
        `the remote process ended (exit ${code ?? '?'})${errTail.trim() ? `: ${errTail.trim().slice(-300)}` : ''}`,
      ),
    );
    channel.on('error', (e: Error) => finish(e.message));
    return {
      get closed() {
        return closed;
      },
      get pid() {
        return pid;
      },
      write(text) {
        if (!closed) channel.write(text);
      },
      close() {
        if (closed) return;
        channel.end();
        channel.close();
      },
      async kill() {
        if (pid !== undefined && !closed) {
          try {
            const k = await openExec(
              lease.client,
              `kill -TERM -- -${pid} 2>/dev/null; sleep 0.3; kill -KILL -- -${pid} 2>/dev/null; true`,
            );
            k.resume();
            k.stderr.resume();
          } catch {
            // The connection may be gone already, which ends the process too.
          }
        }
        if (!closed) {
          channel.end();
          channel.close();
        }
      },
    };
  };
}

/** The same on a local process: unit tests run virsh's test driver and sh on this machine. */
export const localTransportOpener: TransportOpener = async (argv, h) => {
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let closed = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => h.onData(d));
  child.stderr.resume();
  child.stdin.on('error', () => undefined);
  child.on('close', (code) => {
    closed = true;
    h.onClose(`the process ended (exit ${code ?? '?'})`);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  return {
    get closed() {
      return closed;
    },
    get pid() {
      return child.pid;
    },
    write(text) {
      if (!closed) child.stdin.write(text);
    },
    close() {
      child.stdin.end();
    },
    async kill() {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
};
