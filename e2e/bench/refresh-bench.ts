import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCore } from '../../electron/main/core';
import { readLab, type LabHost } from '../lab/lab-description';

const run = promisify(execFile);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Busy CPU time of the whole machine (all processes, all cores), in ms, from /proc/stat. */
function machineBusyMs(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return ((total - idle) * 1000) / 100; // USER_HZ is 100 on Linux
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** What a naive tool does: a fresh `ssh host virsh …` per piece of data. */
async function naiveCollect(h: LabHost, key: string): Promise<number> {
  const ssh = (cmd: string[]) =>
    run('ssh', ['-i', key, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', `${h.user}@${h.address}`, ...cmd], { maxBuffer: 64 << 20 });
  const v = (...args: string[]) => ssh(['virsh', '-c', h.libvirtUri, ...args]);
  return timed(async () => {
    await ssh(['hostname']);
    await ssh(['ip', '-j', '-d', 'addr', 'show']);
    await v('version');
    await v('nodeinfo');
    await v('capabilities');
    const nets = (await v('net-list', '--all', '--name')).stdout.split('\n').filter(Boolean);
    for (const n of nets) {
      await v('net-dumpxml', n);
      await v('net-info', n);
      await v('net-dhcp-leases', n).catch(() => undefined);
    }
    const pools = (await v('pool-list', '--all', '--name')).stdout.split('\n').filter(Boolean);
    for (const p of pools) {
      await v('pool-dumpxml', p);
      await v('vol-list', p, '--details');
    }
    const doms = (await v('list', '--all', '--name')).stdout.split('\n').filter(Boolean);
    for (const d of doms) {
      await v('dumpxml', d);
      await v('domstate', d);
    }
  });
}

async function main(): Promise<void> {
  const lab = readLab();
  const testHosts = lab.hosts.filter((h) => h.kind === 'test').slice(0, 20);
  const qemu = lab.hosts.find((h) => h.kind === 'qemu')!;
  if (testHosts.length < 20) throw new Error(`need 20 test hosts in the lab, found ${testHosts.length}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-bench-'));
  const core = await createCore({ dataDir: path.join(dir, 'data'), sshDir: path.join(dir, 'ssh'), mode: 'cli', backgroundRefresh: false });
  core.bus.subscribe((name, p) => {
    const prompt = p as { kind?: string; promptId?: string };
    if (name === 'prompt.opened' && prompt.kind === 'hostKey') core.prompts.answer({ kind: 'hostKey', promptId: prompt.promptId!, decision: 'once' });
  });
  try {
    const add = (h: LabHost) =>
      core.hosts.add({ name: h.name, address: h.address, port: h.port, user: h.user, auth: { method: 'key', keyPath: lab.clientKey }, libvirtUri: h.libvirtUri });
    const views = await Promise.all([add(qemu), ...testHosts.map(add)]);
    const qemuId = views[0]!.id;
    const testIds = views.slice(1).map((v) => v.id);
    const refresh = (id: string) => core.hosts.refresh(id, { interactive: false });

    // (a) 20 hosts at once vs one host, both on warm connections.
    const one: number[] = [];
    const twenty: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) {
      one.push(await timed(() => refresh(testIds[0]!)));
      const busy0 = machineBusyMs();
      twenty.push(await timed(() => Promise.all(testIds.map(refresh))));
      // Here the 20 "remote" hosts share this machine's cores with LabDeck: the CPU all of them
      // burn, spread over the cores, is a floor no client can beat.
      floor.push((machineBusyMs() - busy0) / os.cpus().length);
    }

    // (b) LabDeck's refresh of the KVM host vs a fresh ssh per command.
    const ours: number[] = [];
    const naive: number[] = [];
    for (let i = 0; i < 3; i++) {
      ours.push(await timed(() => refresh(qemuId)));
      naive.push(await naiveCollect(qemu, lab.clientKey));
    }

    // (c) execs per refresh and (d) connections per host over 10 refreshes, counted by the engine.
    await core.audit.flushed();
    const before = (await core.audit.list({ hostId: qemuId, limit: 5000 })).length;
    for (let i = 0; i < 10; i++) await refresh(qemuId);
    await core.audit.flushed();
    const execs = ((await core.audit.list({ hostId: qemuId, limit: 5000 })).length - before) / 10;
    const opened = Object.values(core.pool.stats().opened);

    const a = median(twenty) / median(one);
    const b = median(ours) / median(naive);
    console.log('LabDeck refresh benchmark (medians)');
    console.log(`  one host: ${median(one).toFixed(0)} ms; 20 hosts at once: ${median(twenty).toFixed(0)} ms`);
    console.log(`  KVM host: LabDeck ${median(ours).toFixed(0)} ms; fresh ssh per command ${median(naive).toFixed(0)} ms`);
    const aFloor = median(twenty) / Math.max(median(one), median(floor));
    console.log(`(a) 20 hosts vs 1 host           ratio ${a.toFixed(2)}x   goal <= 1.5x   ${a <= 1.5 ? 'met' : 'MISSED'}`);
    console.log(`    the 20 lab hosts run on this machine's ${os.cpus().length} cores: CPU floor for the batch ${median(floor).toFixed(0)} ms;`);
    console.log(`    20 hosts vs max(1 host, CPU floor) ratio ${aFloor.toFixed(2)}x (1.0 = LabDeck adds no waiting of its own)`);
    console.log(`(b) LabDeck vs ssh per command   ratio ${b.toFixed(3)}x  goal <= 0.2x   ${b <= 0.2 ? 'met' : 'MISSED'}`);
    console.log(`(c) remote execs per refresh     ${execs.toFixed(2)}        goal 1        ${execs === 1 ? 'met' : 'MISSED'}`);
    console.log(`(d) connections per host (10 refreshes) max ${Math.max(...opened)}  goal 1   ${Math.max(...opened) === 1 ? 'met' : 'MISSED'}`);
  } finally {
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
