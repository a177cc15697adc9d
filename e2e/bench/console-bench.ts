import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STREAM_WINDOW, type StreamEventName } from '../../shared/contract';
import { createStreamClient, type StreamHandle } from '../../renderer/src/api/streams';
import type { Transport } from '../../renderer/src/api/transport';
import { readLab } from '../lab/lab-description';
import { addLabHost, benchCore, median, runBench, sleep } from './bench-kit';

/**
 * The serial console of a tiny lab guest (composed here, deleted at the end), two ways:
 *   LabDeck — the renderer's stream client (renderer/src/api/streams.ts) over the engine's
 *             StreamSession, the PTY exec of `virsh console` on the pooled SSH connection; the
 *             IPC / WebSocket hop between them is not in the figures;
 *   OpenSSH — `ssh -t root@HOST virsh -c qemu:///system console VM` in a pty (Python's pty module,
 *             timed on the pty master, as a terminal would see it).
 *   (g) keystroke-echo latency: one character typed at the guest's shell prompt until it is echoed,
 *       median of 30 (goal LabDeck <= 1.2x OpenSSH);
 *   (h) a `seq` flood printed by the guest until its end marker (goal LabDeck >= 0.8x OpenSSH), with
 *       this process's memory (engine + stream client) sampled during the flood.
 * The renderer's own memory (xterm.js) needs a browser and is not measured here.
 */
const KEYS = 30;
const FLOOD_LINES = Number(process.env.LABDECK_BENCH_FLOOD_LINES ?? 150_000);
const FLOOD = `seq 1 ${FLOOD_LINES}; echo END$((6*7))MARK\r`;
const MARKER = 'END42MARK';
const MiB = 1024 * 1024;

/** The OpenSSH side, in one Python process: the pty, the timing and the flood count. Prints JSON. */
const PY = String.raw`
import json, os, pty, select, sys, time, fcntl, termios, struct
argv, keys, flood, marker = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode(), sys.argv[4].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
buf = bytearray()
def pump(timeout):
    r, _, _ = select.select([fd], [], [], max(0, timeout))
    if not r: return False
    try: d = os.read(fd, 65536)
    except OSError: raise SystemExit(json.dumps({'error': 'ssh ended: ' + buf[-500:].decode('latin1')}))
    if not d: raise SystemExit(json.dumps({'error': 'ssh ended: ' + buf[-500:].decode('latin1')}))
    buf.extend(d)
    return True
def until(pred, timeout, what):
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end: raise SystemExit(json.dumps({'error': 'timed out waiting for ' + what + ': ' + buf[-500:].decode('latin1')}))
        pump(end - time.monotonic())
def quiet(ms):
    while pump(ms / 1000): pass
until(lambda: b'Escape character' in buf, 30, 'the virsh banner')
os.write(fd, b'\r')
until(lambda: buf.replace(b'\x1b[6n', b'').rstrip().endswith((b'#', b'$')), 20, 'a prompt')
quiet(300)
lat = []
for i in range(keys):
    c = bytes([97 + i % 26])
    start = len(buf)
    t0 = time.perf_counter()
    os.write(fd, c)
    until(lambda: c in buf[start:], 10, 'the echo')
    lat.append((time.perf_counter() - t0) * 1000)
    if i % 10 == 9:
        os.write(fd, b'\r')
        quiet(300)
os.write(fd, b'\r')
quiet(300)
start = len(buf)
t0 = time.perf_counter()
os.write(fd, flood)
seen = start
while True:
    i = buf.find(marker, max(start, seen - len(marker)))
    if i >= 0: break
    seen = len(buf)
    pump(60)
    if time.perf_counter() - t0 > 600: raise SystemExit(json.dumps({'error': 'flood did not end'}))
ms = (time.perf_counter() - t0) * 1000
nbytes = i + len(marker) - start
quiet(300)
os.write(fd, b'\x1d')
end = time.monotonic() + 5
while time.monotonic() < end:
    if os.waitpid(pid, os.WNOHANG)[0]: break
    try: pump(0.1)
    except SystemExit: pass
else:
    os.kill(pid, 9); os.waitpid(pid, 0)
print(json.dumps({'latencies': lat, 'floodMs': ms, 'floodBytes': nbytes}))
`;

type OpenSshResult = { latencies: number[]; floodMs: number; floodBytes: number };

function openSsh(
  host: string,
  user: string,
  key: string,
  knownHosts: string,
  uri: string,
  vm: string,
): Promise<OpenSshResult> {
  const ssh = [
    'ssh',
    '-t',
    '-F',
    '/dev/null',
    '-i',
    key,
    '-o',
    'BatchMode=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'StrictHostKeyChecking=yes',
    `${user}@${host}`,
    'virsh',
    '-c',
    uri,
    'console',
    vm,
  ];
  const child = spawn('python3', ['-c', PY, JSON.stringify(ssh), String(KEYS), FLOOD, MARKER], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15 * 60_000);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        const r = JSON.parse(line) as OpenSshResult & { error?: string };
        if (r.error) reject(new Error(`OpenSSH console: ${r.error}`));
        else resolve(r);
      } catch {
        reject(new Error(`OpenSSH console exited ${code}: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

type Mem = { rss: number; heap: number; buffers: number };
const mem = (): Mem => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, buffers: m.arrayBuffers };
};
const mib = (n: number) => `${(n / MiB).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const lab = readLab();
  const qemu = lab.hosts.find((h) => h.kind === 'qemu')!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-bench-console-'));
  const core = await benchCore(dir, { hostKey: 'once' });
  const host = await addLabHost(core, qemu, lab.clientKey);
  const vm = `bench-console-${process.pid.toString(36)}`;
  let composed = false;

  // The renderer's stream client over the engine's stream session, as over IPC but in one process.
  const listeners = new Set<(name: StreamEventName, payload: unknown) => void>();
  const emit = (name: StreamEventName, payload: unknown) => {
    for (const l of listeners) l(name, payload);
  };
  const session = core.streamSession({
    data: (stream, data) => emit('stream.data', { stream, data }),
    event: (name, payload) => emit(name, payload),
  });
  const transport: Transport = {
    request: () => Promise.reject(new Error('not used by the benchmark')),
    subscribe: () => () => undefined,
    connection: () => ({ status: 'open', generation: 1 }),
    onConnection: () => () => undefined,
    close: () => undefined,
    streams: {
      request: (op, payload) => session.handle(op, payload),
      write: (stream, data) => session.write(stream, data),
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  };
  const client = createStreamClient(transport);
  let handle: StreamHandle<'console.serial'> | undefined;
  try {
    await core.hosts.refresh(host.id, { interactive: false });
    const { jobId } = core.compose.start({
      hostId: host.id,
      hostname: vm,
      cores: 1,
      memoryMiB: lab.guest.minMemoryMiB,
      virtType: 'qemu',
      storage: 'root:1',
      interfaces: 'eth0:name=virbr0',
      install: { kind: 'cloud-image', pool: lab.qemu.pool, volume: lab.guest.cloudVolume, clone: 'overlay' },
      cloudInit: { user: 'lab', sshKeys: [lab.clientPublicKey] },
      nicRom: false,
      start: true,
    });
    composed = true;
    const job = await core.jobs.wait(jobId);
    if (job.state !== 'succeeded') throw new Error(`compose failed: ${job.error?.message ?? job.state}`);

    // What the consumer sees: a tail to find echoes and the marker in, and a byte count (like a
    // terminal, it keeps nothing else). `consumed` runs on the next turn, as after xterm's write.
    let tail = '';
    let recent = '';
    let total = 0;
    const onData: Array<() => void> = [];
    handle = await client.open(
      'console.serial',
      { hostId: host.id, domain: vm, cols: 80, rows: 24 },
      {
        data: (bytes, consumed) => {
          total += bytes.byteLength;
          const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
          tail = (tail + text).slice(-4096);
          recent = (recent + text).slice(-4096);
          for (const f of onData.splice(0)) f();
          setImmediate(consumed);
        },
        closed: (ev) => {
          if (ev.reason !== 'detached') console.error(`console closed: ${ev.reason}`);
        },
      },
    );
    const h = handle;
    const until = async (what: string, f: () => boolean, timeoutMs: number) => {
      const end = Date.now() + timeoutMs;
      while (!f()) {
        if (Date.now() > end)
          throw new Error(`timed out waiting for ${what}; console: ${JSON.stringify(tail.slice(-500))}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, 200);
          onData.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    };
    const quiet = async (ms: number) => {
      for (let n = total - 1; n !== total;) {
        n = total;
        await sleep(ms);
      }
    };
    const t0 = performance.now();
    await until('the guest to be ready', () => tail.includes('labdeck-guest: ready'), 180_000);
    const boot = performance.now() - t0;
    await sleep(1000);
    h.write('\r');
    // (busybox's shell asks for the cursor position after its prompt; neither client answers.)
    await until('a prompt', () => /[#$]\s*$/.test(tail.replaceAll('\x1b[6n', '')), 20_000);
    await quiet(300);

    // (g) echo latency through LabDeck.
    const ours: number[] = [];
    for (let i = 0; i < KEYS; i++) {
      const c = String.fromCharCode(97 + (i % 26));
      recent = '';
      const start = performance.now();
      h.write(c);
      await until('the echo', () => recent.includes(c), 10_000);
      ours.push(performance.now() - start);
      if (i % 10 === 9) {
        h.write('\r');
        await quiet(300);
      }
    }
    h.write('\r');
    await quiet(300);

    // (h) the flood through LabDeck, memory sampled meanwhile.
    const before = mem();
    const samples: Mem[] = [];
    let peakUnacked = 0;
    const sampler = setInterval(() => {
      samples.push(mem());
      peakUnacked = Math.max(peakUnacked, session.unacked(h.stream) ?? 0);
    }, 50);
    const from = total;
    tail = '';
    const f0 = performance.now();
    h.write(FLOOD);
    await until('the flood to end', () => tail.includes(MARKER), 600_000);
    const floodMs = performance.now() - f0;
    const floodBytes = total - from;
    clearInterval(sampler);
    const after = mem();
    await quiet(300);
    h.close();
    handle = undefined;
    // virsh console lets go of the guest's console a moment after the detach.
    await until('the console to be free', () => core.consoles.list().length === 0, 10_000);
    await sleep(1000);

    // The same through OpenSSH.
    const theirs = await openSsh(
      qemu.address,
      qemu.user,
      lab.clientKey,
      path.join(lab.stateDir, 'known_hosts'),
      qemu.libvirtUri,
      vm,
    );

    const peak = (k: keyof Mem) => Math.max(before[k], ...samples.map((s) => s[k]));
    const grew = Math.max(peak('heap') + peak('buffers') - before.heap - before.buffers, 0);
    const flat = grew < 4 * STREAM_WINDOW + 8 * MiB;
    const g = median(ours) / median(theirs.latencies);
    const oursRate = floodBytes / floodMs;
    const theirRate = theirs.floodBytes / theirs.floodMs;
    const hr = oursRate / theirRate;
    console.log(
      `LabDeck console benchmark (serial console of a tiny TCG guest, booted in ${(boot / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  keystroke echo, median of ${KEYS}: LabDeck ${median(ours).toFixed(1)} ms, ssh -t … virsh console ${median(theirs.latencies).toFixed(1)} ms`,
    );
    console.log(
      `(g) echo latency LabDeck vs OpenSSH             ratio ${g.toFixed(2)}x   goal <= 1.2x   ${g <= 1.2 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  flood (seq 1 ${FLOOD_LINES}): LabDeck ${mib(floodBytes)} in ${(floodMs / 1000).toFixed(1)} s = ${(oursRate / 1.024).toFixed(0)} KiB/s, OpenSSH ${mib(theirs.floodBytes)} in ${(theirs.floodMs / 1000).toFixed(1)} s = ${(theirRate / 1.024).toFixed(0)} KiB/s`,
    );
    console.log(
      `(h) flood throughput LabDeck vs OpenSSH         ratio ${hr.toFixed(2)}x   goal >= 0.8x   ${hr >= 0.8 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  engine + stream client memory during the flood (${samples.length} samples): rss ${mib(before.rss)} → peak ${mib(peak('rss'))} → ${mib(after.rss)}; heap ${mib(before.heap)} → peak ${mib(peak('heap'))} → ${mib(after.heap)}; array buffers ${mib(before.buffers)} → peak ${mib(peak('buffers'))}`,
    );
    console.log(
      `  unacknowledged bytes in the engine peaked at ${(peakUnacked / 1024).toFixed(0)} KiB (window ${STREAM_WINDOW / 1024} KiB)`,
    );
    console.log(
      `  memory during the flood: heap + buffers grew ${mib(grew)}: ${flat ? 'flat' : 'NOT flat'} (renderer/xterm.js memory needs a browser: not measured here)`,
    );
  } finally {
    handle?.close();
    session.dispose();
    if (composed)
      await core.actions
        .domain(host.id, vm, 'delete', true)
        .catch((e: unknown) => console.error(`could not delete ${vm}:`, e));
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
