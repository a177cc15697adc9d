import { STREAM_MAX_CHUNK, type StreamEventPayload } from '../../../shared/contract';
import { intFlag, UsageError, type Args } from './args';
import { hostNamed, type CliEngine } from './cli-engine';

export const CONSOLE_USAGE = 'usage: labdeck console HOST VM [--force] [--linger SECONDS]';

const DETACH = 0x1d; // Ctrl-]

/**
 * `labdeck console HOST VM`: the VM's serial console over the host's SSH connection. On a terminal it
 * runs raw (Ctrl-] detaches, the window size follows); with stdin not a terminal it pipes bytes both
 * ways and, once stdin ends, detaches after the console has been quiet for --linger seconds (default
 * 2) — so `printf 'uname\n' | labdeck console h vm` prints the answer and exits. `--force` takes the
 * console over from another client. Exit 0 when detached, 1 when the console or connection ended.
 */
export async function consoleCommand(
  { call, core }: CliEngine,
  args: Args,
  positional: string[],
  io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [hostName, vm, ...extra] = positional;
  if (!hostName || !vm || extra.length > 0) throw new UsageError(CONSOLE_USAGE);
  const host = await hostNamed(call, hostName, 'HOST');
  const lingerMs = (intFlag(args, 'linger') ?? 2) * 1000;
  const tty = Boolean(io.stdin.isTTY && io.stdout.isTTY);

  let ended: (ev: StreamEventPayload<'stream.closed'>) => void = () => undefined;
  const closed = new Promise<StreamEventPayload<'stream.closed'>>((r) => (ended = r));
  let lastOutput = Date.now();
  const session = core.streamSession({
    data: (stream, chunk) => {
      lastOutput = Date.now();
      // The terminal is the consumer: acknowledging after stdout took the bytes is the back-pressure.
      io.stdout.write(chunk, () => session.ack(stream, chunk.byteLength));
    },
    event: (name, payload) => {
      if (name === 'stream.closed') ended(payload as StreamEventPayload<'stream.closed'>);
    },
  });
  const cols = io.stdout.columns ?? 80;
  const rows = io.stdout.rows ?? 24;
  const { stream } = await session.openStream('console.serial', {
    hostId: host.id,
    domain: vm,
    force: args.flags.has('force'),
    cols,
    rows,
  });
  const detach = () => session.handle('stream.close', { stream });

  if (tty) io.stderr.write(`Connected to ${vm} on ${host.name}. Ctrl-] detaches.\r\n`);
  const onResize = () =>
    void session.handle('stream.resize', { stream, cols: io.stdout.columns ?? 80, rows: io.stdout.rows ?? 24 });
  if (tty) {
    (io.stdin as NodeJS.ReadStream).setRawMode?.(true);
    io.stdout.on('resize', onResize);
  }
  let lingerTimer: NodeJS.Timeout | undefined;
  const onData = (d: Buffer) => {
    let chunk = d;
    if (tty) {
      const at = chunk.indexOf(DETACH);
      if (at >= 0) {
        chunk = chunk.subarray(0, at);
        if (chunk.length) session.write(stream, chunk);
        void detach();
        return;
      }
    }
    for (let i = 0; i < chunk.length; i += STREAM_MAX_CHUNK)
      session.write(stream, chunk.subarray(i, i + STREAM_MAX_CHUNK));
  };
  const onEnd = () => {
    // Scripted use: wait for the answers to stop coming, then detach.
    const check = () => {
      if (Date.now() - lastOutput >= lingerMs) void detach();
      else lingerTimer = setTimeout(check, 100);
    };
    lastOutput = Math.max(lastOutput, Date.now());
    check();
  };
  io.stdin.on('data', onData);
  io.stdin.on('end', onEnd);
  io.stdin.resume();
  const onSigint = () => void detach();
  process.on('SIGINT', onSigint);
  try {
    const ev = await closed;
    if (ev.reason !== 'detached') io.stderr.write(`${tty ? '\r\n' : ''}${ev.reason}\n`);
    else if (tty) io.stderr.write('\r\nDetached; the VM keeps running.\r\n');
    return ev.reason === 'detached' ? 0 : 1;
  } finally {
    if (lingerTimer) clearTimeout(lingerTimer);
    process.off('SIGINT', onSigint);
    io.stdin.off('data', onData);
    io.stdin.off('end', onEnd);
    io.stdin.pause();
    if (tty) {
      (io.stdin as NodeJS.ReadStream).setRawMode?.(false);
      io.stdout.off('resize', onResize);
    }
    session.dispose();
  }
}
