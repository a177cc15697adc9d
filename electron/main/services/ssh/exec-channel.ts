import type { Readable } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { quoteArgv } from '../../../../shared/remote/shell-quote';

export type ExecResult = {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  outcome: 'ok' | 'failed' | 'timeout' | 'cancelled';
};

export type ExecOptions = {
  /** A Readable is streamed with back-pressure (uploads); it is destroyed on cancel or timeout. */
  stdin?: string | Buffer | Uint8Array | Readable;
  /** Called as stdin bytes are handed to the channel (a Readable's only). */
  onStdinBytes?: (total: number) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  maxOutputBytes?: number;
  /** stderr beyond this is counted, not kept (a hostile host could send gigabytes). */
  maxStderrBytes?: number;
  /** Describes stdin in the audit log, since argv alone (`sh -s`) says little. */
  stdinNote?: string;
  /**
   * A probe: a non-zero exit whose stderr matches this is the expected "no" of a lookup, recorded in
   * the audit log as `probe`, not `failed`. (The result itself is unchanged.)
   */
  probe?: RegExp;
};

const PID_MARK = 'LABDECK-PID ';
/** Our PID line is short; if no newline comes within this many bytes, it was not our line. */
const PID_LINE_MAX = 128;
export const DEFAULT_MAX_STDERR = 1024 * 1024;

/**
 * The remote line: report our PID on stderr, then exec the quoted argv in its place. sshd makes the
 * session a process-group leader, so that PID lets a cancel kill the command and its children.
 */
export function remoteLine(argv: readonly string[]): string {
  return `printf '${PID_MARK}%s\\n' $$ >&2; exec ${quoteArgv(argv)}`;
}

function openExecOnce(client: Client, line: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.exec(line, (err, stream) => (err ? reject(err) : resolve(stream)));
  });
}

/**
 * sshd frees a session slot a moment after the channel closes, so a channel opened right after
 * another finished can be refused; that refusal is transient and worth a few quick retries.
 */
async function openExec(client: Client, line: string): Promise<ClientChannel> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openExecOnce(client, line);
    } catch (err) {
      if (attempt >= 5 || !/open failed|Channel open failure/i.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

/** Best effort: kill the remote process group on a fresh channel of the same connection. */
async function killRemote(client: Client, pid: number): Promise<void> {
  try {
    const ch = await openExec(
      client,
      `kill -TERM -- -${pid} 2>/dev/null; sleep 0.3; kill -KILL -- -${pid} 2>/dev/null; true`,
    );
    ch.resume();
    ch.stderr.resume();
  } catch {
    // The connection may already be gone, which also ends the command.
  }
}

export async function execOnClient(client: Client, argv: readonly string[], o: ExecOptions = {}): Promise<ExecResult> {
  const started = Date.now();
  const stream = await openExec(client, remoteLine(argv));
  const max = o.maxOutputBytes ?? 64 * 1024 * 1024;
  return new Promise<ExecResult>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    const maxErr = o.maxStderrBytes ?? DEFAULT_MAX_STDERR;
    const keepErr = (d: Buffer) => {
      if (errBytes < maxErr) err.push(d.length > maxErr - errBytes ? d.subarray(0, maxErr - errBytes) : d);
      errBytes += d.length;
    };
    let head: Buffer[] = [];
    let headBytes = 0;
    let pid: number | undefined;
    let stderrHeadDone = false;
    let outcome: ExecResult['outcome'] | undefined;
    let timer: NodeJS.Timeout | undefined;

    const input = o.stdin;
    const streamed =
      input !== undefined && typeof input !== 'string' && !(input instanceof Uint8Array) ? input : undefined;
    const stop = (why: 'timeout' | 'cancelled') => {
      if (outcome) return;
      outcome = why;
      streamed?.unpipe(stream);
      streamed?.destroy();
      if (pid !== undefined) void killRemote(client, pid);
      stream.close();
    };
    if (o.timeoutMs) timer = setTimeout(() => stop('timeout'), o.timeoutMs);
    const onAbort = () => stop('cancelled');
    if (o.signal?.aborted) onAbort();
    o.signal?.addEventListener('abort', onAbort, { once: true });

    stream.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (outBytes <= max) out.push(d);
    });
    stream.stderr.on('data', (d: Buffer) => {
      if (!stderrHeadDone) {
        // The first stderr line is our PID report; strip it so callers see only the command's stderr.
        // Only the new chunk is scanned, and only the first PID_LINE_MAX bytes are ever held back.
        const nl = d.indexOf(0x0a);
        if (nl === -1 && headBytes + d.length <= PID_LINE_MAX) {
          head.push(d);
          headBytes += d.length;
          return;
        }
        stderrHeadDone = true;
        const all = head.length ? Buffer.concat([...head, d]) : d;
        const at = nl === -1 ? -1 : headBytes + nl;
        head = [];
        const first = at === -1 ? '' : all.subarray(0, at).toString('utf8');
        if (at !== -1 && first.startsWith(PID_MARK)) {
          pid = Number(first.slice(PID_MARK.length));
          if (at + 1 < all.length) keepErr(all.subarray(at + 1));
        } else keepErr(all);
        if (outcome && pid !== undefined) void killRemote(client, pid);
        return;
      }
      keepErr(d);
    });
    stream.on('close', (code: number | null, signal?: string) => {
      if (timer) clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      const exitCode = typeof code === 'number' ? code : null;
      if (!stderrHeadDone && head.length) keepErr(Buffer.concat(head));
      if (errBytes > maxErr)
        err.push(Buffer.from(`\n[LabDeck kept the first ${maxErr} of ${errBytes} bytes of stderr]\n`));
      resolve({
        exitCode,
        signal: signal ?? null,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Date.now() - started,
        outcome: outcome ?? (exitCode === 0 ? 'ok' : 'failed'),
      });
    });
    if (streamed) {
      let sent = 0;
      streamed.on('data', (chunk: Buffer) => {
        sent += chunk.length;
        o.onStdinBytes?.(sent);
      });
      // A local read error must end the remote command too, or it would wait for stdin forever.
      streamed.on('error', (e) => {
        err.push(Buffer.from(`LabDeck could not read the local input: ${e.message}\n`));
        stop('cancelled');
      });
      streamed.pipe(stream);
    } else if (input !== undefined) stream.end(input as string | Uint8Array);
    else stream.end();
  });
}
