import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type HostConfig } from '../../shared/contract';
import type { ComposeRequest, JobView } from '../../shared/contract/compose';
import { parseDomainXml } from '../../shared/snapshot/parse-domain-xml';
import { dispatch } from '../../electron/main/dispatch';
import { createHandlers, type Handlers } from '../../electron/main/handlers';
import { hostInput, qemuHost, startCore, type TestCore } from './harness';
import {
  cleanupComposeLeftovers,
  dhcpHostEntries,
  domainNames,
  itName,
  labHostConfig,
  virsh,
  volumeNames,
} from './compose-helpers';

// Addresses in network default's subnet (outside its DHCP range) that these tests reserve.
const IP_OK = '192.168.122.50';
const IP_LATE = '192.168.122.51';

let c: TestCore;
let host: HostConfig;
let handlers: Handlers;

beforeAll(async () => {
  c = await startCore();
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
  handlers = createHandlers(c);
  await cleanupComposeLeftovers(c, host, [IP_OK, IP_LATE]);
});

afterAll(async () => {
  if (!c) return;
  try {
    await cleanupComposeLeftovers(c, host, [IP_OK, IP_LATE]);
    // Other tests count labhost1's domains: leave exactly the two the lab made.
    expect((await domainNames(c, host)).sort()).toEqual(['lab-running', 'lab-shutoff']);
  } finally {
    await c.cleanup();
  }
});

/** A cheap lab guest: TCG, 32 MiB, a 50 MB disk, no NIC ROM (so no PXE loop). */
const request = (tag: string, over: Partial<ComposeRequest> = {}): ComposeRequest => ({
  hostId: host.id,
  hostname: itName(tag),
  cores: 1,
  memoryMiB: 32,
  virtType: 'qemu',
  nicRom: false,
  storage: 'root:0.05',
  interfaces: '',
  start: false,
  ...over,
});

async function compose(req: ComposeRequest): Promise<JobView> {
  const { jobId } = c.compose.start(req);
  return c.jobs.wait(jobId);
}

async function nicsOf(name: string) {
  const dom = parseDomainXml(await virsh(c, host, 'dumpxml', '--domain', name));
  if (!dom) throw new Error(`no domain ${name}`);
  return dom.nics;
}

const ok = (job: JobView) => {
  expect(job.error, JSON.stringify(job.error)).toBeUndefined();
  expect(job.state).toBe('succeeded');
  return job;
};

describe('compose.plan (dry run)', () => {
  it('returns reasons, disks, XML and the exact commands, and changes nothing', async () => {
    const before = await domainNames(c, host);
    const req = request('plan', { interfaces: 'eth0:name=br0' });
    const env = await dispatch(handlers, 'compose.plan', req);
    if (!env.ok) throw new Error(env.error.message);
    const plan = channels['compose.plan'].response.parse(env.value);
    expect(plan.name).toBe(req.hostname);
    expect(plan.nics[0]).toMatchObject({ ifname: 'eth0', attach: { type: 'bridge', source: 'br0' } });
    expect(plan.nics[0]?.why.summary).toMatch(/br0/);
    expect(plan.disks[0]).toMatchObject({ pool: 'default', volume: `${req.hostname}-root.qcow2`, format: 'qcow2' });
    expect(plan.commands.map((x) => x.kind)).toEqual(['create-volume', 'define']);
    expect(plan.commands[1]?.command).toBe('virsh --connect qemu:///system define --file /dev/stdin --validate');
    expect(plan.domainXml).toMatch(/<rom enabled=["']no["']\/>/);
    expect(plan.conflicts).toEqual([]);
    expect(await domainNames(c, host)).toEqual(before);
  });

  it('refuses bad grammar with the position', async () => {
    const env = await dispatch(handlers, 'compose.plan', request('bad', { interfaces: 'eth0:nmae=br0' }));
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error).toMatchObject({ kind: 'validation', position: 5 });
    expect(env.error.message).toMatch(/^interfaces: position 5: key 'nmae' is not known/);
  });

  it('reports a name that is taken as a conflict', async () => {
    const plan = await c.compose.plan(request('x', { hostname: 'lab-shutoff' }));
    expect(plan.conflicts.join(' ')).toMatch(/lab-shutoff/);
  });
});

describe('compose on labhost1', () => {
  it('eth0:name=br0 → a bridge NIC on br0, started, read back', async () => {
    const req = request('br0', { interfaces: 'eth0:name=br0', start: true });
    const job = ok(await compose(req));
    expect(job.domain).toBe(req.hostname);
    expect(job.steps.map((s) => [s.kind, s.status])).toEqual([
      ['lock', 'done'],
      ['plan', 'done'],
      ['check', 'done'],
      ['create-volume', 'done'],
      ['define', 'done'],
      ['start', 'done'],
      ['verify', 'done'],
    ]);
    const nics = await nicsOf(req.hostname!);
    expect(nics).toHaveLength(1);
    expect(nics[0]).toMatchObject({ type: 'bridge', source: 'br0' });
    expect((await virsh(c, host, 'domstate', '--domain', req.hostname!)).trim()).toBe('running');
  });

  it('eth0:name=eth1 with mode private → direct, mode private', async () => {
    const req = request('private', { interfaces: 'eth0:name=eth1', perNicModes: { eth0: 'private' } });
    ok(await compose(req));
    expect(await nicsOf(req.hostname!)).toMatchObject([{ type: 'direct', source: 'eth1', mode: 'private' }]);
  });

  it('passthrough → mode passthrough', async () => {
    const req = request('passthru', { interfaces: 'eth0:name=eth1', macvlanMode: 'passthrough' });
    ok(await compose(req));
    expect(await nicsOf(req.hostname!)).toMatchObject([{ type: 'direct', source: 'eth1', mode: 'passthrough' }]);
  });

  it('no constraints on a hand-installed pod → network maas', async () => {
    expect(host.pod.installMode).toBe('manual');
    const req = request('manual');
    ok(await compose(req));
    expect(await nicsOf(req.hostname!)).toMatchObject([{ type: 'network', source: 'maas' }]);
  });

  it('ip= in network default → a static DHCP host entry for the NIC', async () => {
    const req = request('ip', { interfaces: `eth0:ip=${IP_OK}` });
    ok(await compose(req));
    const [nic] = await nicsOf(req.hostname!);
    expect(nic).toMatchObject({ type: 'network', source: 'default' });
    const entries = await dhcpHostEntries(c, host);
    expect(entries.some((e) => e.includes(IP_OK) && e.includes(nic!.mac!))).toBe(true);
  });
});

describe('failures, cancel and concurrency roll back cleanly', () => {
  it('a clash at define (another client raced us) removes the volume and DHCP entry again', async () => {
    const req = request('late', { interfaces: `eth0:ip=${IP_LATE}`, storage: 'root:0.05,data:0.05' });
    const name = req.hostname!;
    // Play the other client: define a VM of the same name just before our define runs.
    const run = c.runner.run.bind(c.runner);
    c.runner.run = async (h, argv, o) => {
      if (argv.includes('define')) {
        await run(h, ['virsh', '--connect', h.libvirtUri, 'define', '--file', '/dev/stdin'], {
          stdin: `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><os><type arch='x86_64'>hvm</type></os></domain>`,
        });
      }
      return run(h, argv, o);
    };
    let job: JobView;
    try {
      job = await compose(req);
    } finally {
      c.runner.run = run;
    }
    expect(job.state).toBe('failed');
    const failed = job.steps.find((s) => s.status === 'failed');
    expect(failed?.kind).toBe('define');
    expect(job.error?.command).toMatch(/^virsh --connect qemu:\/\/\/system define/);
    expect(job.error?.stderr).toMatch(/already exists/);
    expect(job.steps.filter((s) => s.kind === 'create-volume' || s.kind === 'reserve-ip').map((s) => s.status)).toEqual(
      ['rolled-back', 'rolled-back', 'rolled-back'],
    );
    expect(job.leftBehind).toEqual([]);
    expect((await volumeNames(c, host)).filter((v) => v.startsWith(name))).toEqual([]);
    expect((await dhcpHostEntries(c, host)).filter((e) => e.includes(IP_LATE))).toEqual([]);
    // The other client's VM is untouched (undefine rolled back nothing of ours): remove it ourselves.
    expect(await domainNames(c, host)).toContain(name);
    await virsh(c, host, 'undefine', '--domain', name);
  });

  it('a start that fails undoes define, the reservation and the volume', async () => {
    // 256 GiB of guest RAM on a host with far less and no swap: QEMU cannot allocate it, so start fails late.
    const req = request('nostart', { interfaces: `eth0:ip=${IP_LATE}`, memoryMiB: 256 * 1024, start: true });
    const job = await compose(req);
    expect(job.state).toBe('failed');
    expect(job.steps.find((s) => s.status === 'failed')?.kind).toBe('start');
    expect(job.error?.stderr).toMatch(/memory|allocate/i);
    expect(
      job.steps
        .filter((s) => ['create-volume', 'reserve-ip', 'define'].includes(s.kind))
        .every((s) => s.status === 'rolled-back'),
    ).toBe(true);
    expect(await domainNames(c, host)).not.toContain(req.hostname);
    expect((await volumeNames(c, host)).filter((v) => v.startsWith(req.hostname!))).toEqual([]);
    expect((await dhcpHostEntries(c, host)).filter((e) => e.includes(IP_LATE))).toEqual([]);
  });

  it('cancel mid-way rolls back what was done', async () => {
    const req = request('cancel', { storage: 'root:0.05,data:0.05', interfaces: 'eth0:name=br0' });
    const seen: string[] = [];
    const unsubscribe = c.bus.subscribe((event, payload) => {
      if (event !== 'job.progress') return;
      const job = payload as JobView;
      const firstVolume = job.steps.find((s) => s.kind === 'create-volume');
      // Cancel right after the first volume exists, through the contract like the UI would.
      if (firstVolume?.status === 'done' && !seen.includes(job.id)) {
        seen.push(job.id);
        void dispatch(handlers, 'jobs.cancel', { jobId: job.id });
      }
    });
    let job: JobView;
    try {
      job = await compose(req);
    } finally {
      unsubscribe();
    }
    expect(job.state).toBe('cancelled');
    expect(job.error?.kind).toBe('cancelled');
    const volumes = job.steps.filter((s) => s.kind === 'create-volume');
    expect(volumes[0]?.status).toBe('rolled-back');
    expect(job.steps.find((s) => s.kind === 'define')?.status).toBe('cancelled');
    expect(await domainNames(c, host)).not.toContain(req.hostname);
    expect((await volumeNames(c, host)).filter((v) => v.startsWith(req.hostname!))).toEqual([]);
    const listed = await dispatch(handlers, 'jobs.list', { hostId: host.id });
    expect(listed.ok && (listed.value as JobView[]).some((j) => j.id === job.id && j.state === 'cancelled')).toBe(true);
  });

  it('two composes on one pod at once both succeed', async () => {
    const a = request('para', { interfaces: 'eth0:name=br0' });
    const b = request('parb', { interfaces: 'eth0:name=br0' });
    const [ja, jb] = await Promise.all([compose(a), compose(b)]);
    ok(ja!);
    ok(jb!);
    const names = await domainNames(c, host);
    expect(names).toContain(a.hostname);
    expect(names).toContain(b.hostname);
  });

  it('two composes of the same name at once: one wins, the other reports the clash and removes nothing of the winner', async () => {
    const req = request('same', { interfaces: 'eth0:name=br0' });
    const [ja, jb] = await Promise.all([compose(req), compose(req)]);
    const jobs = [ja!, jb!];
    expect(jobs.map((j) => j.state).sort()).toEqual(['failed', 'succeeded']);
    const loser = jobs.find((j) => j.state === 'failed')!;
    expect(loser.error).toMatchObject({ kind: 'validation' });
    expect(loser.error?.message).toMatch(/already exists/);
    expect(loser.steps.find((s) => s.kind === 'check')?.status).toBe('failed');
    expect(loser.steps.some((s) => s.kind === 'create-volume')).toBe(false);
    expect(await domainNames(c, host)).toContain(req.hostname);
    expect(await volumeNames(c, host)).toContain(`${req.hostname}-root.qcow2`);
  });
});
