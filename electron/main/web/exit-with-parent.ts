/**
 * Keeps the web host from outliving whoever started it (a test fixture, a script, a terminal's
 * `npm run web`): when the parent process is gone — or, when asked, when stdin closes — `onGone`
 * runs once. Node's `process.ppid` is read once at start, so the parent is probed with signal 0.
 */
export function exitWithParent(
  onGone: (why: string) => void,
  opts: { parentPid?: number; intervalMs?: number; stdin?: NodeJS.ReadableStream | undefined } = {},
): () => void {
  const parent = opts.parentPid ?? process.ppid;
  let done = false;
  const fire = (why: string) => {
    if (done) return;
    done = true;
    clearInterval(timer);
    onGone(why);
  };
  const timer = setInterval(() => {
    if (!alive(parent)) fire(`its parent (pid ${parent}) is gone`);
  }, opts.intervalMs ?? 1000);
  timer.unref();
  if (opts.stdin) {
    opts.stdin.on('end', () => fire('stdin closed'));
    opts.stdin.on('close', () => fire('stdin closed'));
    opts.stdin.resume();
  }
  return () => {
    done = true;
    clearInterval(timer);
  };
}

function alive(pid: number): boolean {
  if (pid <= 1) return true; // started by init (daemonised on purpose): nothing to follow
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
