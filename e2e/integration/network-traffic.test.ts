import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig, MacvlanMode } from '../../shared/contract';
import type { ComposeRequest, JobView } from '../../shared/contract/compose';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';
import { cleanupComposeLeftovers, domainNames, labHostConfig, virshMaybe, volumeNames } from './compose-helpers';
import { canPing, openSerial, pingFromGuest, virsh, waitForLease, waitForSsh, type Serial } from './guests';

/**
 * What LabDeck claims about networks, checked with packets between real guests (the lab's tiny OS,
 * composed through LabDeck's own engine from the cloud image with a cloud-init seed):
 * which segment a NIC lands on, whether DHCP answers there, who can reach a macvtap guest in
 * which mode. Guests boot under TCG (10–25 s each), so each case keeps to two guests.
 */
const L = lab();
const guest = L.guest;
const HOST_NS = qemuHost(L).namespace;
const IP_DEFAULT = '192.168.122.61';
const IP_MAAS = '10.99.50.61';
const IP_BR0 = '192.168.50.61';

let c: TestCore;
let host: HostConfig;
const serials: Serial[] = [];

/** Its own prefix, so no other suite's clean-up takes these guests away mid-test (and vice versa). */
const PREFIX = 'it-traffic-';
const itName = (tag: string): string =>
  `${PREFIX}${tag}-${process.pid.toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function removeLeftovers(): Promise<void> {
  for (const name of (await domainNames(c, host)).filter((n) => n.startsWith(PREFIX))) {
    await virshMaybe(c, host, 'destroy', '--domain', name);
    await virshMaybe(c, host, 'undefine', '--domain', name, '--nvram');
  }
  for (const vol of (await volumeNames(c, host)).filter((n) => n.startsWith(PREFIX))) {
    await virshMaybe(c, host, 'vol-delete', '--vol', vol, '--pool', 'default');
  }
  await cleanupComposeLeftovers(c, host, [IP_DEFAULT]);
}

beforeAll(async () => {
  if (!guest) return;
  c = await startCore();
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
  await removeLeftovers();
});

afterAll(async () => {
  for (const s of serials) s.close();
  if (!c) return;
  try {
    await removeLeftovers();
  } finally {
    await c.cleanup();
  }
});

/** A tiny guest from the lab's cloud image, the lab's key for user `lab`; composed but not started. */
const request = (tag: string, interfaces: string, over: Partial<ComposeRequest> = {}): ComposeRequest => ({
  hostId: host.id,
  hostname: itName(tag),
  cores: 1,
  memoryMiB: guest!.minMemoryMiB,
  // The lab's nested KVM starts guests that then hang in long mode: the tiny OS runs under TCG.
  virtType: 'qemu',
  nicRom: false,
  storage: 'root:0.1',
  interfaces,
  install: { kind: 'cloud-image', pool: guest!.pool, volume: guest!.cloudVolume, clone: 'overlay' },
  cloudInit: { user: 'lab', sshKeys: [L.clientPublicKey] },
  start: false,
  ...over,
});

async function compose(req: ComposeRequest): Promise<JobView> {
  const { jobId } = c.compose.start(req);
  const job = await c.jobs.wait(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
  return job;
}

/** Composes, starts and watches the console from the first byte (QEMU drops output nobody reads). */
async function boot(req: ComposeRequest): Promise<{ name: string; serial: Serial; mac: string }> {
  const job = await compose(req);
  const name = job.domain!;
  await virsh('start', name);
  const serial = await openSerial(name);
  serials.push(serial);
  const xml = await virsh('dumpxml', name);
  const mac = /<mac address='([^']+)'/.exec(xml)?.[1] ?? '';
  return { name, serial, mac };
}

const inRange = (ip: string, from: string, to: string) => {
  const n = (a: string) => a.split('.').reduce((x, o) => x * 256 + Number(o), 0);
  return n(ip) >= n(from) && n(ip) <= n(to);
};

describe.skipIf(!guest)('the network, proven by traffic (lab guests)', () => {
  it('default: the guest gets a lease inside the DHCP range, and an ip= constraint gives exactly that address', async () => {
    const dyn = await boot(request('dhcp', 'eth0:name=virbr0'));
    const fixed = await boot(request('ipeq', `eth0:ip=${IP_DEFAULT}`));
    const lease = await waitForLease(dyn.serial, dyn.mac, 120_000);
    expect(inRange(lease.address, '192.168.122.100', '192.168.122.200'), lease.line).toBe(true);
    // ip= on a libvirt DHCP network: reserved in libvirt's DHCP and given statically by the seed.
    await fixed.serial.waitFor(new RegExp(`static \\S+ ${fixed.mac} ${IP_DEFAULT.replace(/\./g, '\\.')}/24`), 120_000);
    const ssh = await waitForSsh({
      namespace: HOST_NS,
      address: IP_DEFAULT,
      user: 'lab',
      command: 'ip -4 -o addr show; hostname',
      timeoutMs: 60_000,
    });
    expect(ssh.stdout).toContain(`inet ${IP_DEFAULT}/24`);
    expect(ssh.stdout).toContain(fixed.name);
    // …and LabDeck sees both addresses.
    const seen = await c.guests.read(host.id, dyn.name, { waitMs: 30_000, interactive: false });
    expect(seen.addresses.map((a) => a.address)).toContain(lease.address);
  }, 300_000);

  it('maas (no DHCP): no lease, but an ip= constraint still gives the guest its address through the seed', async () => {
    const plan = await c.compose.plan(request('maas', `eth0:ip=${IP_MAAS}`));
    // The planner says libvirt cannot reserve it here; the seed gives it statically instead.
    expect(plan.install.seed?.networkConfig).toContain(`${IP_MAAS}/24`);
    const g = await boot(request('maas', `eth0:ip=${IP_MAAS}`));
    await g.serial.waitFor(new RegExp(`static \\S+ ${g.mac} ${IP_MAAS.replace(/\./g, '\\.')}/24`), 120_000);
    await g.serial.waitFor(/labdeck-guest: ready/, 60_000);
    expect(g.serial.output()).not.toMatch(/labdeck-guest: lease/);
    expect(await canPing(HOST_NS, IP_MAAS)).toBe(true);
  }, 300_000);

  it('br0: the host reaches a guest on its bridge', async () => {
    const g = await boot(request('br0', `eth0:name=br0,ip=${IP_BR0}`));
    await g.serial.waitFor(/labdeck-guest: ready/, 120_000);
    expect(await canPing(HOST_NS, IP_BR0)).toBe(true);
    const ssh = await waitForSsh({
      namespace: HOST_NS,
      address: IP_BR0,
      user: 'lab',
      command: 'hostname',
      timeoutMs: 60_000,
    });
    expect(ssh.stdout.trim()).toBe(g.name);
  }, 300_000);

  // lab-notes: bridge — guest↔guest yes; private and vepa (no reflective switch) — no; the host never.
  const cases: { mode: MacvlanMode; guestToGuest: boolean }[] = [
    { mode: 'bridge', guestToGuest: true },
    { mode: 'private', guestToGuest: false },
    { mode: 'vepa', guestToGuest: false },
  ];
  for (const { mode, guestToGuest } of cases) {
    it(`macvtap ${mode} on eth1: the LAN reaches both guests, the host reaches neither, guest↔guest ${guestToGuest ? 'works' : 'fails'}`, async () => {
      const lan = L.lan!;
      const plan = await c.compose.plan(request(`mv${mode}`, 'eth0:name=eth1', { macvlanMode: mode }));
      // The warning the plan shows is the one these packets confirm.
      expect(plan.warnings.map((w) => w.code)).toContain('macvtap-host-isolation');
      if (mode === 'vepa') expect(plan.warnings.map((w) => w.code)).toContain('vepa-needs-switch');
      const a = await boot(request(`mv${mode}a`, 'eth0:name=eth1', { macvlanMode: mode }));
      const b = await boot(request(`mv${mode}b`, 'eth0:name=eth1', { macvlanMode: mode }));
      try {
        // Leases come from the LAN's own DHCP server (the lab's external dnsmasq), not from libvirt.
        const la = await waitForLease(a.serial, a.mac, 150_000);
        const lb = await waitForLease(b.serial, b.mac, 150_000);
        for (const l of [la, lb]) expect(inRange(l.address, lan.dhcpRange[0], lan.dhcpRange[1]), l.line).toBe(true);
        await waitForSsh({
          namespace: lan.namespace,
          address: la.address,
          user: 'lab',
          command: 'true',
          timeoutMs: 60_000,
        });
        expect(await canPing(lan.namespace, la.address)).toBe(true);
        expect(await canPing(lan.namespace, lb.address)).toBe(true);
        expect(await canPing(HOST_NS, la.address)).toBe(false);
        expect(await canPing(HOST_NS, lb.address)).toBe(false);
        // From inside guest a (reached from the LAN) to guest b.
        expect(
          await pingFromGuest({ namespace: lan.namespace, address: la.address, user: 'lab', target: lb.address }),
        ).toBe(guestToGuest);
      } finally {
        // Later cases need eth1 to themselves (passthrough).
        for (const g of [a, b]) await c.actions.domain(host.id, g.name, 'delete', true);
      }
    }, 420_000);
  }

  it('passthrough: a second VM on the same NIC is refused before compose, with the reason', async () => {
    // The first needs no OS: passthrough takes eth1 as soon as the VM runs.
    const first = await compose({
      ...request('pt1', 'eth0:name=eth1', { macvlanMode: 'passthrough' }),
      install: { kind: 'none' },
      cloudInit: undefined,
      memoryMiB: 32,
      start: true,
    });
    try {
      await expect(c.compose.plan(request('pt2', 'eth0:name=eth1', { macvlanMode: 'passthrough' }))).rejects.toThrow(
        new RegExp(`eth1.*passthrough.*${first.domain}`),
      );
      const { jobId } = c.compose.start(request('pt2', 'eth0:name=eth1', { macvlanMode: 'passthrough' }));
      const job = await c.jobs.wait(jobId);
      expect(job.state).toBe('failed');
      // Refused while planning: no volume, no definition was made.
      expect(job.steps.filter((s) => s.kind === 'create-volume' || s.kind === 'define')).toEqual([]);
    } finally {
      await c.actions.domain(host.id, first.domain!, 'delete', true);
      // lab-notes: libvirt 9 leaves the guest's MAC on the parent after passthrough; put eth1's back.
      await restoreEth1Mac();
    }
  }, 300_000);

  it('Shut down and Reboot of a composed guest complete', async () => {
    const g = await boot(request('power', 'eth0:name=virbr0'));
    await g.serial.waitFor(/labdeck-guest: ready/, 120_000);
    g.serial.mark();
    await c.actions.domain(host.id, g.name, 'reboot', false);
    await g.serial.waitFor(/labdeck-guest: ready/, 120_000);
    await c.actions.domain(host.id, g.name, 'shutdown', false);
    const deadline = Date.now() + 60_000;
    let state = '';
    while (Date.now() < deadline && state !== 'shut off') {
      state = (await virsh('domstate', g.name)).trim();
      if (state !== 'shut off') await new Promise((r) => setTimeout(r, 500));
    }
    expect(state).toBe('shut off');
  }, 300_000);
});

async function restoreEth1Mac(): Promise<void> {
  const { execFile } = await import('node:child_process');
  const run = (args: string[]) => new Promise<void>((resolve) => execFile('ip', args, () => resolve()));
  // up.sh gives labhost1's eth1 the MAC 02:6c:62:00:00:01.
  await run(['-n', HOST_NS, 'link', 'set', 'dev', 'eth1', 'address', '02:6c:62:00:00:01']);
}
