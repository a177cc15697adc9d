import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestAddresses } from '../../shared/contract/guests';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';

/**
 * domains.addresses against the real lab, through the real SSH pool and virsh (nothing faked).
 *
 * The lab's domains have no OS (QEMU runs, nothing boots), so they never ask for an address: these
 * tests cover "running without an address → the wait ends cleanly after waitMs" and "shut off → no
 * wait". A guest that really boots and gets a lease needs the lab's guest image (lab.json `guest`).
 */

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/labdeck.cjs');
const L = lab();
const running = L.qemu.runningDomain;
const shutoff = L.qemu.shutoffDomain;

let core: TestCore;
let hostId: string;

/** Execs of the address script since `from` (ISO time), from the engine's own audit log. */
async function looks(from: string): Promise<number> {
  const rows = await core.audit.list({ hostId, limit: 10_000 });
  return rows.filter(
    (r) => r.startedAt >= from && r.argv[0] === 'sh' && r.stdinNote?.startsWith('guest address script'),
  ).length;
}

beforeAll(async () => {
  core = await startCore();
  hostId = (await core.hosts.add(hostInput(qemuHost()))).id;
});

afterAll(async () => {
  await core?.cleanup();
});

describe('domains.addresses on labhost1', () => {
  it('a running VM without an address: asks every source and times out cleanly after waitMs', async () => {
    const from = new Date().toISOString();
    const t0 = Date.now();
    const r = GuestAddresses.parse(await core.guests.read(hostId, running, { waitMs: 4000 }));
    const took = Date.now() - t0;
    expect(r).toMatchObject({ domain: running, state: 'running', addresses: [], timedOut: true });
    expect(r.waitedMs).toBeGreaterThanOrEqual(4000);
    expect(took).toBeLessThan(9000);
    expect(r.tried.map((t) => t.origin)).toEqual(['lease', 'arp', 'agent']);
    expect(r.tried.find((t) => t.origin === 'lease')).toMatchObject({ ok: true, note: 'no address' });
    // The lab's VMs have no guest agent channel; libvirt says so in its own words.
    expect(r.tried.find((t) => t.origin === 'agent')).toMatchObject({
      ok: false,
      note: expect.stringMatching(/guest agent/i),
    });
    // About one look a second, one at a time: 4 s of waiting is ~5 looks, never a pile.
    const n = await looks(from);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(7);
  });

  it('a shut-off VM: answers at once without waiting', async () => {
    const t0 = Date.now();
    const r = await core.guests.read(hostId, shutoff, { waitMs: 60_000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r).toMatchObject({ domain: shutoff, state: 'shut off', addresses: [], timedOut: false });
    expect(r.tried.every((t) => !t.ok && t.note === 'the VM is not running')).toBe(true);
  });

  it('without waitMs: one look', async () => {
    const from = new Date().toISOString();
    const r = await core.guests.read(hostId, running);
    expect(r).toMatchObject({ state: 'running', timedOut: false });
    expect(await looks(from)).toBe(1);
  });

  it('an aborted wait stops at once and runs nothing afterwards', async () => {
    const ac = new AbortController();
    const p = core.guests.read(hostId, running, { waitMs: 60_000, signal: ac.signal });
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = Date.now();
    ac.abort();
    await expect(p).rejects.toMatchObject({ shape: { kind: 'cancelled' } });
    expect(Date.now() - t0).toBeLessThan(1000);
    const after = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 2500));
    expect(await looks(after)).toBe(0);
  });

  it('two waits on the same VM share their looks', async () => {
    const from = new Date().toISOString();
    await Promise.all([
      core.guests.read(hostId, running, { waitMs: 3000 }),
      core.guests.read(hostId, running, { waitMs: 3000 }),
    ]);
    expect(await looks(from)).toBeLessThanOrEqual(6);
  });

  it('an unknown VM, and a name full of shell syntax, are "not found" (names never reach a shell line)', async () => {
    await expect(core.guests.read(hostId, 'no-such-vm')).rejects.toMatchObject({ shape: { kind: 'notFound' } });
    const marker = `/tmp/labdeck-it-pwned-${process.pid}`;
    await expect(core.guests.read(hostId, `x'; touch ${marker}; echo '`)).rejects.toMatchObject({
      shape: { kind: 'notFound' },
    });
    await expect(core.guests.read(hostId, `x; touch ${marker}`)).rejects.toMatchObject({ shape: { kind: 'notFound' } });
    expect(existsSync(marker)).toBe(false);
  });

  it('the host snapshot reads the ARP table without warnings; the running VM shows no address', async () => {
    const s = await core.hosts.refresh(hostId, { interactive: true });
    expect((s.warnings ?? []).filter((w) => /arp/i.test(w))).toEqual([]);
    const d = s.libvirt!.domains.find((x) => x.name === running)!;
    expect(d.nics.flatMap((n) => n.ips)).toEqual([]);
  });

  // A booted guest's lease, seen by domains.addresses, is checked where guests boot anyway:
  // e2e/integration/network-traffic.test.ts (default network) and the compose-install Playwright spec.
});

describe('labdeck vm ip', () => {
  let setup: TestCore;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--no-renderer'], {
      cwd: root,
      stdio: 'inherit',
    });
    setup = await startCore({ answerHostKey: 'remember' });
    await setup.hosts.add(hostInput(qemuHost()));
    await setup.dispose();
  }, 180_000);

  afterAll(async () => {
    await setup?.cleanup();
  });

  function labdeck(...args: string[]) {
    const r = spawnSync(process.execPath, [cli, ...args, '--inventory', path.join(setup.dataDir, 'inventory.json')], {
      encoding: 'utf8',
      env: { ...process.env, LABDECK_SSH_DIR: setup.sshDir },
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('a running VM without an address: exit 1 after --wait, with a clear message', () => {
    const t0 = Date.now();
    const r = labdeck('vm', 'ip', 'labhost1', running, '--wait', '2');
    expect(r.code).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2000);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `${running}: no address after 2 s — a VM on a network without DHCP, or an OS that does not ask, gets none`,
      ),
    );
  });

  it('--json prints the answer; a shut-off VM exits 1 at once', () => {
    const r = labdeck('vm', 'ip', 'labhost1', shutoff, '--wait', '30', '--json');
    expect(r.code).toBe(1);
    expect(GuestAddresses.parse(JSON.parse(r.stdout))).toMatchObject({
      domain: shutoff,
      state: 'shut off',
      timedOut: false,
    });
    expect(r.stderr).toMatch(/is shut off: a VM that is not running has no address/);
  });

  it('usage errors exit 2; an unknown VM exits 1', () => {
    expect(labdeck('vm', 'ip', 'labhost1').code).toBe(2);
    expect(labdeck('vm', 'ip', 'labhost1', running, '--wait', 'soon').code).toBe(2);
    const r = labdeck('vm', 'ip', 'labhost1', 'no-such-vm');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no VM named "no-such-vm"/);
  });
});
