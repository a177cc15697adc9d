import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig, StreamEventPayload } from '../../shared/contract';
import { CONSOLE_LANE } from '../../electron/main/services/console/console-service';
import type { StreamSession } from '../../electron/main/services/streams/stream-session';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';
import { labHostConfig, virshMaybe, volumeNames } from './compose-helpers';

/**
 * Consoles against the real lab: a tiny guest composed through the engine, its serial console over a
 * PTY exec of `virsh console` and its VNC display over a forwarded channel — the same StreamSession
 * both adapters serve — and `labdeck console` driven through a pipe.
 */
const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/labdeck.cjs');
const VM = `it-console-${process.pid.toString(36)}`;
let c: TestCore;
let host: HostConfig;

type Tap = {
  session: StreamSession;
  text: () => string;
  raw: () => Buffer;
  closed: () => StreamEventPayload<'stream.closed'> | undefined;
  acks: () => number;
};

/** A stream session whose sink keeps everything and acknowledges at once (a fast consumer). */
function tap(): Tap {
  let out = Buffer.alloc(0);
  let closedEv: StreamEventPayload<'stream.closed'> | undefined;
  let acked = 0;
  const session: StreamSession = c.streamSession({
    data: (stream, chunk) => {
      out = Buffer.concat([out, chunk]);
      session.ack(stream, chunk.byteLength);
    },
    event: (name, payload) => {
      if (name === 'stream.closed') closedEv = payload as StreamEventPayload<'stream.closed'>;
      if (name === 'stream.ack') acked += (payload as { bytes: number }).bytes;
    },
  });
  return { session, text: () => out.toString('latin1'), raw: () => out, closed: () => closedEv, acks: () => acked };
}

async function until<T>(what: string, f: () => T | undefined | false, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const consoleLeases = () =>
  Object.entries(c.pool.stats().leases)
    .filter(([label]) => label.endsWith(`(${CONSOLE_LANE})`))
    .reduce((n, [, v]) => n + v, 0);

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--no-renderer'], {
    cwd: root,
    stdio: 'inherit',
  });
  c = await startCore({ answerHostKey: 'remember' });
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
  const { jobId } = c.compose.start({
    hostId: host.id,
    hostname: VM,
    cores: 1,
    memoryMiB: 112,
    virtType: 'qemu',
    storage: 'root:1',
    interfaces: 'eth0:name=virbr0',
    install: { kind: 'cloud-image', pool: 'default', volume: 'labdeck-tiny-cloud.img', clone: 'overlay' },
    cloudInit: { user: 'lab', sshKeys: [lab().clientPublicKey] },
    nicRom: false,
    start: true,
  } as never);
  const job = await c.jobs.wait(jobId);
  expect(job.state, JSON.stringify(job, null, 1).slice(0, 3000)).toBe('succeeded');
}, 240_000);

afterAll(async () => {
  try {
    if (!process.env.KEEP_CONSOLE_VM && c) {
      await c.actions.domain(host.id, VM, 'delete', true).catch(() => undefined);
      // Whatever that left (a stale snapshot, a failed undefine): later suites count labhost1's VMs.
      await virshMaybe(c, host, 'destroy', '--domain', VM);
      await virshMaybe(c, host, 'undefine', '--domain', VM, '--nvram');
      for (const v of (await volumeNames(c, host)).filter((n) => n.startsWith(`${VM}-`)))
        await virshMaybe(c, host, 'vol-delete', '--pool', 'default', '--vol', v);
    }
  } finally {
    await c?.cleanup();
  }
}, 120_000);

describe('serial console over the SSH connection', () => {
  it('shows the guest boot, runs a typed command, and detaches leaving the VM running and no channel open', async () => {
    const t = tap();
    const { stream, info } = await t.session.openStream('console.serial', {
      hostId: host.id,
      domain: VM,
      cols: 100,
      rows: 30,
    });
    expect(info).toEqual({ domain: VM, host: host.name });
    // The guest boots under TCG (10–25 s): its rc prints this when the shell is up.
    await until('the guest to be ready', () => t.text().includes('labdeck-guest: ready'), 120_000).catch((e: Error) => {
      throw new Error(
        `${e.message}; console so far: ${JSON.stringify(t.text().slice(-1500))} closed: ${JSON.stringify(t.closed())}`,
      );
    });
    expect(t.text()).toMatch(/Linux version|labdeck-guest/); // its boot, not just a prompt
    t.session.write(stream, Buffer.from('echo LD$((6*7))OK\n'));
    await until('the command answer', () => t.text().includes('LD42OK'), 30_000);
    expect(t.acks()).toBeGreaterThan(0);
    expect(c.consoles.list()).toHaveLength(1);
    expect(consoleLeases()).toBe(1);

    await t.session.handle('stream.close', { stream });
    await until('the stream to close', () => t.closed(), 10_000);
    expect(t.closed()!.reason).toBe('detached');
    expect(c.consoles.list()).toHaveLength(0);
    expect(consoleLeases()).toBe(0);
    expect((await c.runner.virsh(host, ['domstate', '--domain', VM])).trim()).toBe('running');
    const audit = (await c.audit.list({ hostId: host.id, limit: 50 })).filter((e) =>
      e.stdinNote?.includes(`serial console of ${VM}`),
    );
    expect(audit.map((e) => e.stdinNote)).toEqual([
      expect.stringMatching(/closed \(detached\) by .*: \d+(\.\d)? (B|KiB) to the host/),
      expect.stringMatching(/opened by/),
    ]);
    expect(JSON.stringify(audit)).not.toContain('LD$((6*7))OK'); // never keystrokes
  }, 180_000);

  it('says when another client holds the console, and takes it over only with force', async () => {
    const a = tap();
    const first = await a.session.openStream('console.serial', { hostId: host.id, domain: VM });
    const b = tap();
    await expect(b.session.openStream('console.serial', { hostId: host.id, domain: VM })).rejects.toMatchObject({
      shape: { message: `Another client holds the serial console of ${VM}.` },
    });
    const second = await b.session.openStream('console.serial', { hostId: host.id, domain: VM, force: true });
    await until('the first console to end', () => a.closed(), 15_000);
    expect(a.closed()!.reason).toMatch(/another client took the console over/);
    b.session.write(second.stream, Buffer.from('echo TAKEN$((1+1))\n'));
    await until('the new console to answer', () => b.text().includes('TAKEN2'), 30_000);
    b.session.dispose();
    await until('the second stream to close', () => b.closed(), 10_000);
    expect(first.stream).toBe(1);
    expect(c.consoles.list()).toHaveLength(0);
  }, 90_000);

  it('gives a clear message for a VM that is shut off or has no serial port', async () => {
    const t = tap();
    await expect(
      t.session.openStream('console.serial', { hostId: host.id, domain: lab().qemu.shutoffDomain }),
    ).rejects.toMatchObject({
      shape: { message: `${lab().qemu.shutoffDomain} is shut off: start it to use its console.` },
    });
    await expect(
      t.session.openStream('console.serial', { hostId: host.id, domain: lab().qemu.runningDomain }),
    ).rejects.toMatchObject({
      shape: { message: expect.stringMatching(/has no serial port/) },
    });
    await expect(
      t.session.openStream('console.vnc', { hostId: host.id, domain: lab().qemu.runningDomain }),
    ).rejects.toMatchObject({
      shape: { message: expect.stringMatching(/no VNC display/) },
    });
    expect(consoleLeases()).toBe(0);
  });

  it('pipes a command through `labdeck console` and prints the answer', async () => {
    const child = spawn(
      process.execPath,
      [cli, 'console', host.name, VM, '--linger', '3', '--inventory', path.join(c.dataDir, 'inventory.json')],
      {
        env: { ...process.env, LABDECK_SSH_DIR: c.sshDir },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.end('echo CLI$((20+3))PIPE\n');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('CLI23PIPE');
  }, 90_000);
});

describe('graphical console over a forwarded channel', () => {
  it('reaches the VNC server on the host loopback: RFB handshake and a framebuffer update', async () => {
    const t = tap();
    const { stream, info } = await t.session.openStream('console.vnc', { hostId: host.id, domain: VM });
    expect(info).toMatchObject({
      domain: VM,
      target: expect.stringMatching(/^127\.0\.0\.1:59\d\d$/),
      passwordSet: false,
    });
    await until('the RFB version', () => t.text().startsWith('RFB 003.008\n'), 15_000);
    t.session.write(stream, Buffer.from('RFB 003.008\n'));
    await until('the security types', () => t.raw().length >= 12 + 2, 10_000);
    expect([...t.raw().subarray(13, 13 + t.raw()[12]!)]).toContain(1); // "None"
    t.session.write(stream, Buffer.from([1])); // choose None
    await until('the security result', () => t.raw().length >= 13 + t.raw()[12]! + 4, 10_000);
    t.session.write(stream, Buffer.from([1])); // ClientInit: shared
    await until('the ServerInit', () => t.raw().length > 13 + t.raw()[12]! + 4 + 24, 10_000);
    const init = t.raw().subarray(12 + 1 + t.raw()[12]! + 4);
    expect(init.readUInt16BE(0)).toBeGreaterThan(0); // width
    expect(init.readUInt16BE(2)).toBeGreaterThan(0); // height
    await t.session.handle('stream.close', { stream });
    await until('the tunnel to close', () => t.closed(), 10_000);
    expect(consoleLeases()).toBe(0);
    const audit = (await c.audit.list({ hostId: host.id, limit: 50 })).filter((e) =>
      e.stdinNote?.includes(`graphical console of ${VM}`),
    );
    expect(audit).toHaveLength(2);
  }, 60_000);

  it('tells the tab when the guest is killed, and leaks no channel', async () => {
    const t = tap();
    await t.session.openStream('console.serial', { hostId: host.id, domain: VM });
    const v = tap();
    await v.session.openStream('console.vnc', { hostId: host.id, domain: VM });
    await c.runner.virsh(host, ['destroy', '--domain', VM]);
    await until('the serial console to end', () => t.closed(), 20_000);
    await until('the VNC tunnel to end', () => v.closed(), 20_000);
    expect(t.closed()!.reason).toMatch(/console ended/);
    expect(c.consoles.list()).toHaveLength(0);
    expect(consoleLeases()).toBe(0);
  }, 60_000);
});
