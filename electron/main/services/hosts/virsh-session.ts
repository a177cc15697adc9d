import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/contract';
import type { SessionTransport, TransportOpener } from './session-transport';

/** One command of a request; its answer comes back as a section of the same name and arg. */
export type SessionCommand = { name: string; arg?: string; cmd: string };
export type SessionSection = { name: string; arg?: string; body: string };

/**
 * - `virsh`: an interactive `virsh --connect URI` (no command: it reads commands from stdin). Without a
 *   terminal it still prints its prompt and echoes each line it reads (readline), and its `echo`
 *   prints no newline there; both are accounted for below.
 * - `sh`: a plain `sh -s` reading command lines from stdin.
 */
export type Dialect = 'virsh' | 'sh';

export type ResidentSessionOptions = {
  dialect: Dialect;
  /** The remote command; it must merge stderr into stdout itself (so errors land in their section). */
  argv: readonly string[];
  open: TransportOpener;
  /** Text written once after start (sh: function definitions). */
  setup?: string;
  timeoutMs: number;
  startTimeoutMs?: number;
  label: string;
  /** Called when the session (re)starts or goes down. */
  onState?: (up: boolean, why?: string) => void;
};

export class SessionClosedError extends Error {}

type Waiter = {
  nonce: string;
  resolve: (s: SessionSection[]) => void;
  reject: (e: Error) => void;
  /** Output arrived: the request is not stuck (restarts its timeout). */
  progress: () => void;
};

/** Marker text as it arrives; the command line spells it with an empty quote inside, so an echoed line never matches. */
const markerOut = (nonce: string, name: string, arg = '') => `@@@LDS:${nonce}:${name}:${arg}@@@`;
const markerCmd = (d: Dialect, nonce: string, name: string, arg = '') =>
  d === 'virsh' ? `echo @@@L''DS:${nonce}:${name}:${arg}@@@` : `printf '%s' '@@@L''DS:${nonce}:${name}:${arg}@@@'`;

const SAFE = /^[A-Za-z0-9._-]*$/;

/**
 * A resident process per host answering framed requests: one request at a time (a queue), each
 * with a fresh random nonce in its markers so no output (a domain's description, say) can fake one.
 * A session that dies is restarted on the next request; a request cut off by the death of its
 * session is retried once on a new one; a request that times out kills the session and fails.
 */
export class ResidentSession {
  private t?: SessionTransport;
  private starting?: Promise<SessionTransport>;
  /**
   * The answer so far, as it arrived. Kept as chunks and searched only where new text came in: a
   * string grown by `+=` and searched whole on every chunk costs quadratic time, which an answer of
   * megabytes in small chunks (thousands of VMs) turns into minutes.
   */
  private chunks: string[] = [];
  /** The end of what came before the newest chunk, so a marker split across chunks is found. */
  private tail = '';
  private waiter?: Waiter;
  private chain: Promise<unknown> = Promise.resolve();
  /** Whether this virsh's `echo` ends its text with a newline (learnt at start). */
  private echoNewline = false;
  private stopped = false;
  readonly stats = { starts: 0, requests: 0, retries: 0, timeouts: 0 };

  constructor(private readonly o: ResidentSessionOptions) {}

  /** The remote process group of the running session (tests kill it to play a crash). */
  get pid(): number | undefined {
    return this.t?.pid;
  }

  get up(): boolean {
    return !!this.t && !this.t.closed;
  }

  /** Queues a request; resolves with one section per command, in order. */
  run(cmds: SessionCommand[], o: { timeoutMs?: number } = {}): Promise<SessionSection[]> {
    const p = this.chain.then(() => this.runNow(cmds, o.timeoutMs ?? this.o.timeoutMs, true));
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** Starts the session now (or reports why it cannot start). */
  async start(): Promise<void> {
    await this.ensure();
  }

  close(): void {
    this.stopped = true;
    this.t?.close();
    this.t = undefined;
  }

  private async runNow(cmds: SessionCommand[], timeoutMs: number, mayRetry: boolean): Promise<SessionSection[]> {
    const t = await this.ensure();
    try {
      this.stats.requests++;
      return await this.exchange(t, cmds, timeoutMs);
    } catch (err) {
      if (err instanceof SessionClosedError && mayRetry && !this.stopped) {
        this.stats.retries++;
        return this.runNow(cmds, timeoutMs, false);
      }
      if (err instanceof SessionClosedError) {
        throw new AppError({
          kind: 'remote',
          message: `${this.o.label}: the resident session ended during the command: ${err.message}`,
        });
      }
      throw err;
    }
  }

  private ensure(): Promise<SessionTransport> {
    if (this.stopped)
      return Promise.reject(new AppError({ kind: 'cancelled', message: `${this.o.label}: the session was closed.` }));
    if (this.t && !this.t.closed) return Promise.resolve(this.t);
    if (!this.starting) {
      this.starting = this.startNow().finally(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  private async startNow(): Promise<SessionTransport> {
    this.chunks = [];
    this.tail = '';
    const t: SessionTransport = await this.o.open(this.o.argv, {
      onData: (text) => {
        if (this.t !== t) return;
        this.chunks.push(text);
        this.waiter?.progress();
        this.scan(text);
      },
      onClose: (why) => {
        if (this.t !== t) return;
        this.t = undefined;
        const w = this.waiter;
        this.waiter = undefined;
        w?.reject(new SessionClosedError(why));
        this.o.onState?.(false, why);
      },
    });
    this.t = t;
    this.stats.starts++;
    try {
      if (this.o.setup) t.write(this.o.setup.endsWith('\n') ? this.o.setup : `${this.o.setup}\n`);
      const hello = await this.exchange(t, [{ name: 'probe', cmd: 'echo x' }], this.o.startTimeoutMs ?? 20_000);
      const body = hello[0]?.body ?? '';
      if (this.o.dialect === 'virsh') this.echoNewline = body.startsWith('\n');
      if (body.replace(/^\n/, '').trim() !== 'x') throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
    } catch (err) {
      if (this.t === t) this.t = undefined;
      t.close();
      const msg = err instanceof Error ? err.message : String(err);
      throw new AppError({ kind: 'remote', message: `${this.o.label}: the resident session did not start: ${msg}` });
    }
    this.o.onState?.(true);
    return t;
  }

  private exchange(t: SessionTransport, cmds: SessionCommand[], timeoutMs: number): Promise<SessionSection[]> {
    const d = this.o.dialect;
    const nonce = randomUUID();
    for (const c of cmds) {
      if (!SAFE.test(c.name) || !SAFE.test(c.arg ?? ''))
        throw new AppError({ kind: 'internal', message: `bad section name ${c.name} ${c.arg ?? ''}` });
      if (/[\n\r]/.test(c.cmd)) throw new AppError({ kind: 'internal', message: 'a session command must be one line' });
    }
    const lines = cmds.map((c) => `${markerCmd(d, nonce, c.name, c.arg)}; ${c.cmd}`);
    lines.push(markerCmd(d, nonce, 'end'));
    return new Promise<SessionSection[]>((resolve, reject) => {
      // The timeout counts silence, not the whole request: a refresh of thousands of objects that
      // keeps answering is slow, not stuck.
      const stalled = () => {
        if (this.waiter?.nonce !== nonce) return;
        this.waiter = undefined;
        this.stats.timeouts++;
        // The process is stuck in the command: kill it; the next request starts a new one.
        if (this.t === t) this.t = undefined;
        void t.kill();
        this.o.onState?.(false, 'a command timed out');
        reject(
          new AppError({
            kind: 'timeout',
            message: `${this.o.label}: the command answered nothing for ${(timeoutMs / 1000).toFixed(1)} s and was stopped; the session restarts.`,
            command: cmds
              .map((c) => c.cmd)
              .join('; ')
              .slice(0, 500),
          }),
        );
      };
      let timer = setTimeout(stalled, timeoutMs);
      timer.unref?.();
      // Anything before this request's first marker (a banner, a late message) is dropped.
      this.chunks = [];
      this.tail = '';
      this.waiter = {
        nonce,
        progress: () => {
          clearTimeout(timer);
          timer = setTimeout(stalled, timeoutMs);
          timer.unref?.();
        },
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      t.write(`${lines.join('\n')}\n`);
    });
  }

  private scan(newest: string): void {
    const w = this.waiter;
    if (!w) return;
    const end = markerOut(w.nonce, 'end');
    const recent = this.tail + newest;
    const found = recent.indexOf(end);
    if (found < 0) {
      this.tail = recent.slice(-(end.length - 1));
      return;
    }
    const all = this.chunks.join('');
    const at = all.length - recent.length + found;
    const text = all.slice(0, at + end.length);
    this.chunks = [all.slice(at + end.length)];
    this.tail = '';
    this.waiter = undefined;
    w.resolve(this.split(text, w));
  }

  private split(text: string, w: Waiter): SessionSection[] {
    const re = new RegExp(`@@@LDS:${w.nonce}:([A-Za-z0-9._-]*):([A-Za-z0-9._-]*)@@@`, 'g');
    const marks = [...text.matchAll(re)];
    const out: SessionSection[] = [];
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k]!;
      if (m[1] === 'end') break;
      const from = m.index! + m[0].length;
      const to = marks[k + 1]?.index ?? text.length;
      let body = text.slice(from, to);
      if (this.o.dialect === 'virsh') {
        // virsh echoes the next line it reads after its prompt (readline may wrap or scroll it):
        // cut from that echo on. It starts with the quoted marker, which output can never contain.
        const echo = body.lastIndexOf(`echo @@@L''DS:${w.nonce}:`);
        if (echo >= 0) body = body.slice(0, echo).replace(/virsh [#>] $/, '');
        if (this.echoNewline && body.startsWith('\n')) body = body.slice(1);
      }
      out.push({ name: m[1]!, arg: m[2] || undefined, body });
    }
    return out;
  }
}
