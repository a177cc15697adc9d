import { execFile } from 'node:child_process';
import { constants, openSync, writeSync } from 'node:fs';
import tty from 'node:tty';
import { readLab } from '../lab/lab-description';

/**
 * Helpers for tests that boot the lab's tiny guest (e2e/lab/guest; lab.json `guest`) and talk to
 * it: its serial console, SSH into it from a lab namespace, pings, and the `labdeck-guest: …`
 * lines its /etc/rc prints (seed, static, lease, ready, power button, shutdown).
 */

/** Runs `virsh -c qemu:///system ARGS…` on this machine (the lab's libvirtd); rejects with stderr on failure. */
export function virsh(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('virsh', ['-q', '-c', 'qemu:///system', ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`virsh ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** A random locally administered MAC in QEMU's 52:54:00 range. */
export function randomMac(): string {
  const b = () =>
    Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0');
  return `52:54:00:${b()}:${b()}:${b()}`;
}

export interface Serial {
  /** Waits for a complete console line (ANSI escapes and \r removed) after the mark that matches (a RegExp or a predicate); resolves with the line. Rejects on timeout (default 90 s) or when the console closes. */
  waitFor(match: RegExp | ((line: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Moves the mark to the end of the output so far: later waitFor calls only see newer lines (e.g. before `virsh reboot`). */
  mark(): void;
  /** Types text on the console (add "\n" to run a shell command; the console shell is root). */
  send(text: string): void;
  /** Everything read since openSerial, raw. */
  output(): string;
  /** Closes the console; pending waits reject. Safe to call twice. */
  close(): void;
}

// eslint-disable-next-line no-control-regex -- ESC starts the terminal escapes GRUB and the shell write
const clean = (line: string): string => line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

/**
 * Reads the serial console (`<serial type='pty'>`) of a running domain without a terminal: opens
 * the pty that `virsh ttyconsole` names (QEMU holds the master; the tests run as root in the same
 * mount namespace) through a non-blocking tty stream. No process is started. Open it right after
 * `virsh start`: QEMU drops console output while nobody has the pty open.
 */
export async function openSerial(domain: string): Promise<Serial> {
  const path = (await virsh('ttyconsole', domain)).trim();
  if (!path.startsWith('/dev/pts/')) throw new Error(`${domain}: no pty console (${path})`);
  const fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  const stream = new tty.ReadStream(fd);
  stream.setRawMode(true); // (QEMU sets raw mode too: no echo of the guest's output back into it)
  let raw = '';
  const lines: string[] = [];
  let partial = '';
  let from = 0;
  let closed: Error | null = null;
  const waiters = new Set<() => void>();
  const wake = () => [...waiters].forEach((w) => w());
  stream.on('data', (chunk: Buffer) => {
    const text = chunk.toString('latin1');
    raw += text;
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.map(clean));
    wake();
  });
  const end = (why: string) => {
    if (closed) return;
    closed = new Error(`${domain}: console closed (${why})`);
    wake();
  };
  stream.on('error', (e) => end(e.message)); // EIO once QEMU exits
  stream.on('end', () => end('end'));
  stream.on('close', () => end('closed'));
  return {
    waitFor(match, timeoutMs = 90_000) {
      const test = typeof match === 'function' ? match : (l: string) => match.test(l);
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = from; i < lines.length; i++) {
            const line = lines[i] ?? '';
            if (test(line)) {
              done();
              resolve(line);
              return;
            }
          }
          if (closed) {
            done();
            reject(
              new Error(
                `${closed.message} while waiting for ${String(match)}; last output:\n${lines.slice(-15).join('\n')}`,
              ),
            );
          }
        };
        const done = () => {
          waiters.delete(check);
          clearTimeout(timer);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `${domain}: no console line matching ${String(match)} within ${timeoutMs} ms; last output:\n${lines.slice(-15).join('\n')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    mark() {
      from = lines.length;
    },
    send(text) {
      writeSync(fd, text);
    },
    output: () => raw,
    close() {
      if (!stream.destroyed) stream.destroy(); // (closes fd: the stream owns it)
      end('closed by the test');
    },
  };
}

export interface Lease {
  iface: string;
  mac: string;
  address: string;
  prefixLen: number;
  line: string;
}

const LEASE_RE = /labdeck-guest: lease (\S+) ([0-9a-f:]{17}) (\d+\.\d+\.\d+\.\d+)\/(\d+)/;

/** Waits for the guest's `labdeck-guest: lease IFACE MAC ADDRESS/PREFIX` line (for that MAC, if given) after the serial's mark. */
export async function waitForLease(serial: Serial, mac?: string, timeoutMs = 90_000): Promise<Lease> {
  const want = mac?.toLowerCase();
  const line = await serial.waitFor((l) => {
    const m = LEASE_RE.exec(l);
    return !!m && (!want || m[2] === want);
  }, timeoutMs);
  const m = LEASE_RE.exec(line)!;
  return { iface: m[1]!, mac: m[2]!, address: m[3]!, prefixLen: Number(m[4]), line };
}

export interface SshResult {
  /** Exit status; null when ssh was killed (timeout). 255: ssh itself failed (no route, refused, auth). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in a guest over SSH from inside a lab namespace (`labhost1` for the host's own
 * view, `lablan1` for the LAN's) with the lab's client key, no host key checks. Never rejects.
 */
export function guestSsh(o: {
  namespace: string;
  address: string;
  user: string;
  command: string;
  timeoutMs?: number;
  key?: string;
}): Promise<SshResult> {
  const key = o.key ?? readLab().clientKey;
  const args = [
    'netns',
    'exec',
    o.namespace,
    'ssh',
    '-F',
    '/dev/null',
    '-i',
    key,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=5',
    '-o',
    'LogLevel=ERROR',
    `${o.user}@${o.address}`,
    o.command,
  ];
  return new Promise((resolve) => {
    execFile('ip', args, { timeout: o.timeoutMs ?? 30_000, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** guestSsh, retried until it exits 0 (the guest's dropbear makes its host key on the first connection) or timeoutMs passes; returns the last result. */
export async function waitForSsh(o: Parameters<typeof guestSsh>[0] & { timeoutMs?: number }): Promise<SshResult> {
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    const r = await guestSsh({ ...o, timeoutMs: Math.max(5_000, Math.min(30_000, deadline - Date.now())) });
    if (r.code === 0 || Date.now() >= deadline) return r;
    await new Promise((f) => setTimeout(f, 1_000));
  }
}

/** One ping from a lab namespace (`ip netns exec NS ping -c 1`): true if answered within timeoutMs. */
export function canPing(namespace: string, address: string, timeoutMs = 3_000): Promise<boolean> {
  const wait = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  return new Promise((resolve) => {
    execFile(
      'ip',
      ['netns', 'exec', namespace, 'ping', '-n', '-q', '-c', '1', '-W', wait, address],
      { timeout: timeoutMs + 2_000, killSignal: 'SIGKILL' },
      (err) => resolve(!err),
    );
  });
}

/** One ping from inside a guest (over guestSsh, as user; busybox ping works for any user): true if answered. */
export async function pingFromGuest(o: {
  namespace: string;
  address: string;
  user: string;
  target: string;
  timeoutMs?: number;
}): Promise<boolean> {
  const wait = Math.max(1, Math.ceil((o.timeoutMs ?? 3_000) / 1000));
  const r = await guestSsh({ ...o, command: `ping -c 1 -W ${wait} ${o.target}`, timeoutMs: wait * 1000 + 15_000 });
  return r.code === 0;
}
