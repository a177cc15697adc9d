import { execFile, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostConfig, type InterruptedJob } from '../../../shared/contract';
import type { ComposeRequest, JobView } from '../../../shared/contract/compose';
import { createCore } from '../../../electron/main/core';
import { domainNames, labHostConfig, virshMaybe, volumeNames } from '../compose-helpers';
import { hostInput, qemuHost, startCore, type TestCore } from '../harness';
import { Figures } from './figures';

/**
 * Issue 10: faults injected at several points of a compose, a delete and a refresh on the real lab
 * — sshd killed, libvirtd killed, the host's network dropped and restored, the LabDeck process
 * SIGKILLed mid-compose, the data disk full during an inventory write. After each: the app keeps
 * working, the inventory is intact, and nothing half-made is unknown (either undone, or listed by
 * the job and the compose journal and then rolled back). Every fault is restored in a finally.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const lab = path.join(root, 'e2e/lab');
const cli = path.join(root, 'dist/cli/labdeck.cjs');
const figures = new Figures();
const PREFIX = 'fault-';

let c: TestCore;
let host: HostConfig;

const killSshd = () => run('bash', [path.join(lab, 'restart-sshd.sh'), 'labhost1']);
const libvirtd = (what: 'kill' | 'start') => run('bash', [path.join(lab, 'restart-libvirtd.sh'), what]);
const dropRule = ['INPUT', '-p', 'tcp', '--dport', '22', '-m', 'comment', '--comment', 'labdeck-fault', '-j', 'DROP'];
const networkDrop = () => run('ip', ['netns', 'exec', 'labhost1', 'iptables', '-I', ...dropRule]);
const networkRestore = async () => {
  // Delete every copy of our rule; never touch libvirt's own.
  for (let i = 0; i < 5; i++) {
    const ok = await run('ip', ['netns', 'exec', 'labhost1', 'iptables', '-D', ...dropRule]).then(
      () => true,
      () => false,
    );
    if (!ok) return;
  }
};

const name = (tag: string) =>
  `${PREFIX}${tag}-${process.pid.toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

const request = (hostname: string): ComposeRequest => ({
  hostId: host.id,
  hostname,
  cores: 1,
  memoryMiB: 32,
  virtType: 'qemu',
  nicRom: false,
  storage: 'root:0.05,data:0.05',
  interfaces: 'eth0:name=br0',
  start: true,
});

/** Retries an engine call while the host comes back (sshd restarting, libvirtd starting). */
async function eventually<T>(f: () => Promise<T>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await f();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** What exists on the host under a VM name: the domain and its volumes. */
async function objectsOf(vm: string): Promise<string[]> {
  return eventually(async () => {
    const doms = (await domainNames(c, host)).filter((d) => d === vm);
    const vols = (await volumeNames(c, host)).filter((v) => v.startsWith(vm));
    return [...doms.map((d) => `domain ${d}`), ...vols.map((v) => `volume ${v}`)];
  });
}

async function removeVm(vm: string): Promise<void> {
  await eventually(async () => {
    await virshMaybe(c, host, 'destroy', '--domain', vm);
    await virshMaybe(c, host, 'undefine', '--domain', vm, '--nvram');
    for (const v of (await volumeNames(c, host)).filter((x) => x.startsWith(vm)))
      await virshMaybe(c, host, 'vol-delete', '--pool', 'default', '--vol', v);
    if ((await objectsOf(vm)).length > 0) throw new Error(`${vm} still there`);
  });
}

/** The inventory on disk still parses and still holds labhost1. */
function inventoryIntact(dataDir: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(path.join(dataDir, 'inventory.json'), 'utf8')) as { hosts: { name: string }[] };
    return doc.hosts.some((h) => h.name === 'labhost1');
  } catch {
    return false;
  }
}

/**
 * Judges one compose run after a fault: objects on the host must be either the finished VM, or
 * listed (job's left-behind, compose journal) and then removed by the journal's roll back. Anything
 * else on the host is a leak; a broken inventory is data lost; a host that does not answer
 * afterwards is a run not survived.
 */
async function judgeCompose(vm: string, job: JobView, label: string): Promise<void> {
  figures.runs++;
  let leaked = 0;
  const found = await objectsOf(vm);
  if (job.state === 'succeeded') {
    await removeVm(vm);
  } else if (found.length > 0) {
    const listed: InterruptedJob | undefined = (await c.journal.list()).find((j) => j.domain === vm);
    if (!listed && job.leftBehind.length === 0) leaked += found.length;
    if (listed) await eventually(async () => expect((await c.journal.rollback(listed.id)).cleared).toBe(true));
    const after = await objectsOf(vm);
    if (listed) leaked += after.length;
    if (after.length > 0) await removeVm(vm);
  }
  figures.objectsLeaked += leaked;
  if (!inventoryIntact(c.dataDir)) figures.dataLost++;
  const alive = await eventually(() => c.hosts.refresh(host.id, { interactive: true })).then(
    () => true,
    () => false,
  );
  if (alive && leaked === 0) figures.runsSurvived++;
  figures.note(
    `${label}: job ${job.state}${job.leftBehind.length ? ` (left behind listed: ${job.leftBehind.length})` : ''}; on host after the job: ${found.length ? found.join(', ') : 'nothing'}; leaked ${leaked}`,
  );
  expect(leaked, label).toBe(0);
  expect(alive, `${label}: the host answers again`).toBe(true);
}

/** Runs a compose and fires `inject` once the n-th remote step starts; `restore` always runs. */
async function composeWithFault(
  tag: string,
  atStep: number,
  inject: () => Promise<unknown>,
  restore: () => Promise<unknown>,
  holdMs = 0,
): Promise<void> {
  const vm = name(tag);
  const { jobId } = c.compose.start(request(vm));
  let fired: Promise<unknown> | undefined;
  const off = c.bus.subscribe((event, payload) => {
    if (event !== 'job.progress' || fired) return;
    const job = payload as JobView;
    if (job.id !== jobId) return;
    const remote = job.steps.filter((s) => !['lock', 'plan', 'check', 'verify'].includes(s.kind));
    if (
      remote[atStep]?.status === 'running' ||
      (atStep >= remote.length && remote.length > 0 && remote.every((s) => s.status === 'done'))
    ) {
      figures.faultsInjected++;
      // The fault is lifted after holdMs whatever the job does (a dropped network would otherwise
      // hold the job until its timeouts, and the lab is shared).
      fired = inject()
        .then(() => new Promise((r) => setTimeout(r, holdMs)))
        .finally(() => restore());
    }
  });
  let job: JobView;
  try {
    job = await c.jobs.wait(jobId);
  } finally {
    off();
    await fired?.catch(() => undefined);
    await restore().catch(() => undefined);
  }
  await judgeCompose(vm, job, `${tag} at remote step ${atStep}`);
}

beforeAll(async () => {
  c = await startCore({ answerHostKey: 'remember' });
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
}, 120_000);

afterAll(async () => {
  try {
    await networkRestore();
    await libvirtd('start').catch(() => undefined);
    if (c) {
      for (const d of (await domainNames(c, host).catch(() => [] as string[])).filter((n) => n.startsWith(PREFIX)))
        await removeVm(d);
      for (const v of (await volumeNames(c, host).catch(() => [] as string[])).filter((n) => n.startsWith(PREFIX)))
        await virshMaybe(c, host, 'vol-delete', '--pool', 'default', '--vol', v);
    }
  } finally {
    await c?.cleanup();
    figures.print('Lab faults: sshd, libvirtd, network, LabDeck killed, disk full');
  }
}, 120_000);

describe('compose under faults', () => {
  it('sshd killed at three points of a compose: nothing half-made is unknown', async () => {
    for (const at of [0, 2, 4]) await composeWithFault('sshd', at, killSshd, async () => undefined);
  }, 180_000);

  it('libvirtd killed at two points of a compose, restarted after a second', async () => {
    for (const at of [1, 3])
      await composeWithFault(
        'libvirtd',
        at,
        () => libvirtd('kill'),
        () => libvirtd('start'),
        1000,
      );
  }, 180_000);

  it('the host network dropped for 2.5 s at two points of a compose, then restored', async () => {
    for (const at of [0, 3]) await composeWithFault('netdrop', at, networkDrop, networkRestore, 2500);
  }, 180_000);
});

describe('delete and refresh under faults', () => {
  it('sshd killed during a delete: the VM is gone, or the delete said it failed', async () => {
    for (const delayMs of [0, 40, 150]) {
      const vm = name('del');
      const { jobId } = c.compose.start({ ...request(vm), storage: 'root:0.05' });
      expect((await c.jobs.wait(jobId)).state).toBe('succeeded');
      await c.hosts.refresh(host.id, { interactive: true });
      figures.faultsInjected++;
      const killing = new Promise((r) => setTimeout(r, delayMs)).then(killSshd);
      const outcome = await c.actions.domain(host.id, vm, 'delete', true).then(
        () => 'reported done',
        () => 'reported failed',
      );
      await killing.catch(() => undefined);
      const left = await objectsOf(vm);
      figures.runs++;
      const leaked = outcome === 'reported done' ? left.length : 0;
      figures.objectsLeaked += leaked;
      if (left.length > 0) await removeVm(vm);
      if (leaked === 0 && inventoryIntact(c.dataDir)) figures.runsSurvived++;
      figures.note(
        `delete, sshd killed after ${delayMs} ms: ${outcome}; left on host: ${left.length ? left.join(', ') : 'nothing'}`,
      );
      expect(leaked).toBe(0);
    }
  }, 180_000);

  it('sshd killed and libvirtd killed during refreshes: each fails cleanly or succeeds, the next succeeds', async () => {
    const faults: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['sshd', killSshd, async () => undefined],
      ['libvirtd', () => libvirtd('kill'), () => libvirtd('start')],
    ];
    for (const [what, inject, restore] of faults) {
      for (const delayMs of [0, 100]) {
        figures.faultsInjected++;
        figures.runs++;
        const refreshing = c.hosts.refresh(host.id, { interactive: true }).then(
          () => 'ok',
          (e: Error) => `failed: ${e.message.slice(0, 80)}`,
        );
        try {
          await new Promise((r) => setTimeout(r, delayMs));
          await inject();
          await refreshing;
        } finally {
          await restore().catch(() => undefined);
        }
        const snap = await eventually(async () => {
          const s = await c.hosts.refresh(host.id, { interactive: true });
          if (s.libvirt?.error) throw new Error(s.libvirt.error.message);
          return s;
        });
        const ok = snap.libvirt?.domains.some((d) => d.name === 'lab-running') === true && inventoryIntact(c.dataDir);
        if (ok) figures.runsSurvived++;
        figures.note(
          `refresh, ${what} killed after ${delayMs} ms: ${await refreshing}; next refresh ${ok ? 'ok' : 'BROKEN'}`,
        );
        expect(ok).toBe(true);
      }
    }
  }, 120_000);
});

describe('LabDeck itself killed mid-compose', () => {
  it('SIGKILL at three points: the next start lists what was left and rolls it back with one call', async () => {
    execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--no-renderer'], {
      cwd: root,
      stdio: 'ignore',
    });
    expect(existsSync(cli)).toBe(true);
    for (const at of [0, 2, 3]) {
      const vm = name('sigkill');
      const jobsDir = path.join(c.dataDir, 'jobs');
      const child = spawn(
        process.execPath,
        [
          cli,
          'compose',
          '--host',
          'labhost1',
          '--hostname',
          vm,
          '--memory',
          '32',
          '--virt-type',
          'qemu',
          '--no-nic-rom',
          '--storage',
          'root:0.05,data:0.05',
          '--interfaces',
          'eth0:name=br0',
          '--start',
          '--inventory',
          path.join(c.dataDir, 'inventory.json'),
        ],
        { env: { ...process.env, LABDECK_SSH_DIR: c.sshDir }, stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      // Watch the journal: kill the moment remote step `at` is sent (or when the job is over).
      let killed = false;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && child.exitCode === null) {
        const files = existsSync(jobsDir) ? readdirSync(jobsDir).filter((f) => f.endsWith('.json')) : [];
        const states = files.flatMap((f) => {
          try {
            const j = JSON.parse(readFileSync(path.join(jobsDir, f), 'utf8')) as InterruptedJob;
            return j.domain === vm ? j.steps.map((s) => s.state) : [];
          } catch {
            return [];
          }
        });
        if (states.length > 0 && (states[at] === 'running' || states[at] === 'done' || at >= states.length)) {
          child.kill('SIGKILL');
          killed = true;
          figures.faultsInjected++;
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      await exited;
      // "The next start": a new engine on the same data folder.
      const next = await createCore({ dataDir: c.dataDir, sshDir: c.sshDir, mode: 'cli', backgroundRefresh: false });
      try {
        figures.runs++;
        const listed = (await next.journal.list()).find((j) => j.domain === vm);
        const onHost = await objectsOf(vm);
        let leaked = 0;
        if (listed) {
          const r = await next.journal.rollback(listed.id);
          expect(r.cleared).toBe(true);
        } else if (killed) leaked += onHost.length;
        const after = await objectsOf(vm);
        leaked += listed ? after.length : 0;
        if (after.length > 0) await removeVm(vm);
        figures.objectsLeaked += leaked;
        if (!inventoryIntact(c.dataDir)) figures.dataLost++;
        if (leaked === 0) figures.runsSurvived++;
        figures.note(
          `SIGKILL at remote step ${at}: ${killed ? 'killed' : 'finished first'}; on host: ${onHost.length ? onHost.join(', ') : 'nothing'}; journal listed it: ${listed ? `yes (${listed.steps.map((s) => s.state).join(' ')})` : 'no'}; leaked ${leaked}`,
        );
        expect(leaked).toBe(0);
      } finally {
        await next.dispose();
      }
    }
  }, 240_000);
});

describe('the data disk full during an inventory write', () => {
  it('refuses the write, keeps the last good inventory, and works again once there is space', async () => {
    const mnt = mkdtempSync(path.join(os.tmpdir(), 'labdeck-fault-full-'));
    let mounted = false;
    try {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0700', 'labdeck-fault', mnt]);
        mounted = true;
      } catch {
        figures.note('disk full: could not mount a tmpfs here; skipped');
        return;
      }
      const dataDir = path.join(mnt, 'data');
      mkdirSync(dataDir);
      const core = await createCore({ dataDir, sshDir: c.sshDir, mode: 'cli', backgroundRefresh: false });
      try {
        const entry = (i: number, pad: number) =>
          HostConfig.parse({
            ...hostInput(qemuHost()),
            name: `disk-${i}`,
            id: `id-${i}`,
            addedAt: new Date().toISOString(),
            tags: [`t${'x'.repeat(pad)}`],
          });
        await core.store.update((d) => ({ ...d, hosts: [entry(0, 10)] }));
        const good = readFileSync(path.join(dataDir, 'inventory.json'), 'utf8');
        // Fill the disk but a few KiB.
        const free = statfsSync(mnt).bavail * statfsSync(mnt).bsize;
        writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(Math.max(0, free - 8 * 1024)));
        figures.faultsInjected++;
        figures.runs++;
        const refused = await core.store
          .update((d) => ({ ...d, hosts: [...d.hosts, entry(1, 60_000)] }))
          .then(
            () => false,
            () => true,
          );
        const onDisk = readFileSync(path.join(dataDir, 'inventory.json'), 'utf8');
        const intact = onDisk === good && core.store.current.hosts.length === 1;
        if (!intact) figures.dataLost++;
        const leftovers = readdirSync(dataDir).filter((f) => f.endsWith('.tmp'));
        rmSync(path.join(mnt, 'filler'));
        await core.store.update((d) => ({ ...d, hosts: [...d.hosts, entry(2, 10)] }));
        const works = JSON.parse(readFileSync(path.join(dataDir, 'inventory.json'), 'utf8')).hosts.length === 2;
        if (refused && intact && works && leftovers.length === 0) figures.runsSurvived++;
        figures.note(
          `disk full: write ${refused ? 'refused' : 'ACCEPTED'}; inventory ${intact ? 'intact' : 'CHANGED'}; temp files left ${leftovers.length}; after freeing space ${works ? 'writes work' : 'BROKEN'}`,
        );
        expect({ refused, intact, works, leftovers }).toEqual({
          refused: true,
          intact: true,
          works: true,
          leftovers: [],
        });
      } finally {
        await core.dispose();
      }
    } finally {
      if (mounted) execFileSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  });
});
