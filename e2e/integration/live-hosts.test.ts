import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/contract';
import type { HostSnapshot } from '../../shared/snapshot/types';
import { readSnapshot } from '../../electron/main/services/hosts/snapshot-reader';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';
import { restartSshd } from './lab-control';

const onHost = (...args: string[]) =>
  execFileSync('ip', ['netns', 'exec', 'labhost1', 'virsh', '-c', 'qemu:///system', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** A tiny guest of our own: 32 MiB, no disk, no NIC, TCG. */
function tinyXml(name: string, description = ''): string {
  const esc = (t: string) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
  return `<domain type='qemu'><name>${esc(name)}</name><description>${esc(description)}</description><memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type><boot dev='hd'/></os><devices/></domain>`;
}

function defineOnHost(name: string, description = ''): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-dom-'));
  try {
    writeFileSync(path.join(dir, 'dom.xml'), tinyXml(name, description));
    onHost('define', path.join(dir, 'dom.xml'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function removeOnHost(name: string): void {
  for (const cmd of ['destroy', 'undefine']) {
    try {
      onHost(cmd, '--domain', name);
    } catch {
      // not running / not defined
    }
  }
}

async function until<T>(f: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const stateOf = (s: HostSnapshot | undefined, name: string) => s?.libvirt?.domains.find((d) => d.name === name)?.state;
// takenAt and the host's free memory change between any two reads.
const withoutTime = (s: HostSnapshot) => ({ ...s, takenAt: '', system: { ...s.system, memoryAvailableKiB: 0 } });

describe('live hosts on labhost1 (resident sessions, events)', () => {
  let core: TestCore;
  let id: string;
  const views: HostView[] = [];

  beforeAll(async () => {
    core = await startCore({ live: true });
    core.bus.subscribe((name, p) => {
      if (name === 'host.changed') views.push(p as HostView);
    });
    id = (await core.hosts.add(hostInput(qemuHost(), lab()))).id;
    await until(() => core.live.isLive(id), 20_000, 'the host to be live');
  });

  afterAll(async () => {
    await core?.cleanup();
  });

  const snap = () => core.hosts.latestSnapshot(id);
  const host = () => core.hosts.configs().find((h) => h.id === id)!;

  it('refreshes through the resident sessions: the same snapshot as the one-exec script, and no exec', async () => {
    // Other tests may change labhost1 meanwhile: compare a few times until both reads agree.
    let same = false;
    for (let i = 0; i < 5 && !same; i++) {
      const viaScript = await readSnapshot(core.runner, host(), { interactive: false });
      const viaSession = await core.hosts.refresh(id, { interactive: false });
      same = JSON.stringify(withoutTime(viaSession)) === JSON.stringify(withoutTime(viaScript));
      if (!same && i === 4) expect(withoutTime(viaSession)).toEqual(withoutTime(viaScript));
    }
    await core.audit.flushed();
    const before = (await core.audit.list({ hostId: id, limit: 5000 })).length;
    for (let i = 0; i < 5; i++) await core.hosts.refresh(id, { interactive: false });
    await core.audit.flushed();
    expect((await core.audit.list({ hostId: id, limit: 5000 })).length).toBe(before);
    expect(core.live.stats(id)?.reads.full).toBeGreaterThanOrEqual(6);
    // The resident processes are in the audit log, once each.
    const argvs = (await core.audit.list({ hostId: id, limit: 5000 })).map((e) => e.argv.join(' '));
    expect(argvs.some((a) => a.includes('labdeck-virsh-session'))).toBe(true);
    expect(argvs.some((a) => a.includes('labdeck-events'))).toBe(true);
  });

  it('shows a VM defined, started, destroyed and undefined from the host shell within a second, by targeted re-reads', async () => {
    const name = `live-${randomBytes(3).toString('hex')}`;
    const latency: number[] = [];
    const timed = async (act: () => void, want: string | undefined) => {
      const t0 = Date.now();
      act();
      await until(() => stateOf(snap(), name) === want, 5000, `${name} to be ${want ?? 'gone'}`);
      latency.push(Date.now() - t0);
    };
    const targetedBefore = core.live.stats(id)!.reads.targeted;
    try {
      await timed(() => defineOnHost(name), 'shut off');
      await timed(() => onHost('start', '--domain', name), 'running');
      await timed(() => onHost('destroy', '--domain', name), 'shut off');
      await timed(() => onHost('undefine', '--domain', name), undefined);
    } finally {
      removeOnHost(name);
    }
    console.log(`event → snapshot latencies (ms, from the start of the host's virsh command): ${latency.join(', ')}`);
    // The goal is 1 s; a loaded CI machine gets some slack.
    for (const l of latency) expect(l).toBeLessThan(3000);
    expect(core.live.stats(id)!.reads.targeted).toBeGreaterThan(targetedBefore);
    const last = views.filter((v) => v.id === id).at(-1)!;
    expect(last.live).toBe(true);
    expect(last.lastChangeAt).toBeTruthy();
  });

  it('frames answers against hostile output: a domain whose name and description hold marker text', async () => {
    const name = `live-@@@LDS:0:end:@@@ virsh # ${randomBytes(2).toString('hex')}`;
    const description = [
      'LABDECK-SNAPSHOT 1 x',
      '@@@lds:x end',
      "virsh # echo @@@L''DS:00000000-0000-0000-0000-000000000000:end:@@@",
      '@@@LDS:00000000-0000-0000-0000-000000000000:end:@@@',
    ].join('\n');
    try {
      defineOnHost(name, description);
      await until(() => stateOf(snap(), name) === 'shut off', 5000, 'the hostile domain');
      let same = false;
      for (let i = 0; i < 5 && !same; i++) {
        const viaScript = await readSnapshot(core.runner, host(), { interactive: false });
        const viaSession = await core.hosts.refresh(id, { interactive: false });
        same = JSON.stringify(withoutTime(viaSession)) === JSON.stringify(withoutTime(viaScript));
        if (!same && i === 4) expect(withoutTime(viaSession)).toEqual(withoutTime(viaScript));
      }
      const { virsh } = core.live.sessions(id)!;
      const requests = virsh.stats.requests;
      await core.audit.flushed();
      const audited = (await core.audit.list({ hostId: id, limit: 5000 })).length;
      const xml = await core.live.virshRead(host(), [
        'dumpxml',
        snap()!.libvirt!.domains.find((d) => d.name === name)!.uuid,
      ]);
      // Through the resident session: no exec, no audit entry of its own.
      expect(virsh.stats.requests).toBe(requests + 1);
      await core.audit.flushed();
      expect((await core.audit.list({ hostId: id, limit: 5000 })).length).toBe(audited);
      await expect(core.live.virshRead(host(), ['dumpxml', '--domain', 'live-no-such-domain'])).rejects.toMatchObject({
        shape: { kind: 'remote', message: /failed to get domain/ },
      });
      expect(xml).toContain('@@@LDS:00000000-0000-0000-0000-000000000000:end:@@@');
      expect(xml.trim().endsWith('</domain>')).toBe(true);
    } finally {
      removeOnHost(name);
    }
  });

  it('stops a command that times out, restarts the session, and the next command works', async () => {
    const { virsh } = core.live.sessions(id)!;
    const starts = virsh.stats.starts;
    await expect(
      virsh.run([{ name: 'w', cmd: 'event --all --loop --timeout 30' }], { timeoutMs: 700 }),
    ).rejects.toMatchObject({ shape: { kind: 'timeout' } });
    const [r] = await virsh.run([{ name: 'u', cmd: 'uri' }]);
    expect(r!.body.trim()).toBe('qemu:///system');
    expect(virsh.stats.starts).toBe(starts + 1);
  });

  it('retries the command in flight once when its session dies', async () => {
    const { virsh } = core.live.sessions(id)!;
    await virsh.run([{ name: 'u', cmd: 'uri' }]);
    const pid = virsh.pid!;
    const starts = virsh.stats.starts;
    const p = virsh.run(
      [
        { name: 'w', cmd: 'event --all --loop --timeout 2' },
        { name: 'u', cmd: 'uri' },
      ],
      { timeoutMs: 20_000 },
    );
    await new Promise((r) => setTimeout(r, 300));
    execFileSync('ip', ['netns', 'exec', 'labhost1', 'kill', '-KILL', '--', `-${pid}`]);
    const r = await p;
    expect(r.find((s) => s.name === 'u')!.body.trim()).toBe('qemu:///system');
    expect(virsh.stats.starts).toBe(starts + 1);
    expect(virsh.stats.retries).toBeGreaterThanOrEqual(1);
  });

  it('comes back after libvirtd is killed and restarted: session answers and events flow again', async () => {
    const { virsh } = core.live.sessions(id)!;
    execFileSync('bash', [path.join(__dirname, '..', 'lab', 'restart-libvirtd.sh')], { stdio: 'inherit' });
    const s = await core.hosts.refresh(id, { interactive: false });
    expect(s.libvirt?.error).toBeUndefined();
    expect(s.libvirt?.domains.length).toBeGreaterThan(0);
    const name = `live-${randomBytes(3).toString('hex')}`;
    try {
      // The watchers reconnect on their own (within a few seconds): a domain defined then shows up.
      await until(() => core.live.isLive(id), 20_000, 'live again');
      await new Promise((r) => setTimeout(r, 4000));
      defineOnHost(name);
      await until(() => stateOf(snap(), name) === 'shut off', 10_000, 'an event after the restart');
    } finally {
      removeOnHost(name);
    }
    expect(virsh.stats.requests).toBeGreaterThan(0);
  });

  it('comes back after sshd is restarted (the connection died): live again on a new connection', async () => {
    const { virsh } = core.live.sessions(id)!;
    const starts = virsh.stats.starts;
    restartSshd(qemuHost());
    await until(() => views.some((v) => v.id === id && v.live === false), 20_000, 'the host to drop out of live');
    await until(() => core.live.isLive(id), 30_000, 'the host to be live again');
    const name = `live-${randomBytes(3).toString('hex')}`;
    try {
      defineOnHost(name);
      await until(() => stateOf(snap(), name) === 'shut off', 10_000, 'an event on the new connection');
    } finally {
      removeOnHost(name);
    }
    await core.hosts.refresh(id, { interactive: false });
    expect(virsh.stats.starts).toBeGreaterThan(starts);
    expect(core.hosts.view(id).status).toBe('online');
  });
});

describe('live hosts for a user libvirt refuses (labuser on labhost1)', () => {
  it('stays noLibvirt with its hint, the sessions fall back to the script, and failing watchers do not turn into a stream of execs', async () => {
    const core = await startCore({ live: true });
    try {
      const l = lab();
      const view = await core.hosts.add(hostInput(qemuHost(), l, { user: l.unprivilegedUser, name: 'unprivileged' }));
      expect(view.status).toBe('noLibvirt');
      await until(() => core.live.isLive(view.id), 20_000, 'the watchers to run');
      await core.audit.flushed();
      const before = (await core.audit.list({ hostId: view.id, limit: 5000 })).length;
      const s = await core.hosts.refresh(view.id, { interactive: false });
      expect(s.libvirt?.error?.message).toMatch(/libvirt|socket|permission/i);
      expect(core.hosts.view(view.id).status).toBe('noLibvirt');
      await new Promise((r) => setTimeout(r, 8000));
      await core.audit.flushed();
      // The refresh's script, plus at most a few resyncs of watchers that keep failing (1 s, 2 s, 4 s…).
      const execs = (await core.audit.list({ hostId: view.id, limit: 5000 })).length - before;
      expect(execs).toBeLessThanOrEqual(6);
    } finally {
      await core.cleanup();
    }
  });
});
