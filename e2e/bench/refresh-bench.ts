import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Core } from '../../electron/main/core';
import { parseSnapshotOutput } from '../../shared/snapshot';
import { readLab, type LabHost } from '../lab/lab-description';
import { addLabHost, benchCore, median, runBench, sshOptions, timed, until } from './bench-kit';
import { openSshFloor } from './openssh-floor';

const run = promisify(execFile);

/** Busy CPU time of the whole machine (all processes, all cores), in ms, from /proc/stat. */
function machineBusyMs(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return ((total - idle) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** What a naive tool does: a fresh `ssh host virsh …` per piece of data. */
async function naiveCollect(h: LabHost, key: string): Promise<number> {
  const ssh = (cmd: string[]) =>
    run('ssh', [...sshOptions(key), `${h.user}@${h.address}`, ...cmd], { maxBuffer: 64 << 20 });
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

/**
 * LabDeck's refresh of the KVM host against the floor (OpenSSH multiplexed, the same snapshot
 * script in one remote process), taken in turns in the same run so load hits all alike. LabDeck is
 * measured both ways it refreshes: the one-exec script (polling) and the resident session (live).
 */
async function floorPart(core: Core, qemuId: string, qemu: LabHost, key: string, dir: string): Promise<void> {
  const live = await benchCore(path.join(dir, 'live'), { hostKey: 'once', live: true });
  const floorSsh = await openSshFloor(qemu, key, dir);
  try {
    const liveId = (await addLabHost(live, qemu, key)).id;
    await until(() => live.live.isLive(liveId), 20_000, `${qemu.name} live`);
    const refreshExec = () => core.hosts.refresh(qemuId, { interactive: false });
    const refreshLive = () => live.hosts.refresh(liveId, { interactive: false });
    // Warm all three (connections, caches on the host) before timing.
    await refreshExec();
    await refreshLive();
    const sample = await floorSsh.snapshot();
    const exec: number[] = [];
    const resident: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 15; i++) {
      exec.push(await timed(refreshExec));
      resident.push(await timed(refreshLive));
      floor.push(await timed(floorSsh.snapshot));
    }
    // What reading the answer costs on this side (parse + zod-free structure), for the record.
    const parse = median(
      Array.from({ length: 9 }, () => {
        const t0 = performance.now();
        parseSnapshotOutput(sample, new Date().toISOString());
        return performance.now() - t0;
      }),
    );
    const f = median(floor);
    const rExec = median(exec) / f;
    const rLive = median(resident) / f;
    console.log(
      `  KVM host refresh (medians of 15, in turns): LabDeck one-exec ${median(exec).toFixed(1)} ms, LabDeck live session ${median(resident).toFixed(1)} ms;`,
    );
    console.log(
      `    floor: OpenSSH multiplexed (ControlMaster), the snapshot script in one remote process ${f.toFixed(1)} ms (its ${(sample.length / 1024).toFixed(0)} KiB answer parses in ${parse.toFixed(1)} ms)`,
    );
    console.log(
      `(b2) LabDeck one-exec vs floor   ratio ${rExec.toFixed(2)}x   goal <= 1.2x   ${rExec <= 1.2 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `(b3) LabDeck live vs floor       ratio ${rLive.toFixed(2)}x   goal <= 1.2x   ${rLive <= 1.2 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await floorSsh.close();
    await live.dispose();
  }
}

async function main(): Promise<void> {
  const lab = readLab();
  // REFRESH_BENCH_ONLY=a,b,cd,floor runs some parts; (a) alone needs the 20 test hosts.
  const only = process.env.REFRESH_BENCH_ONLY?.split(',');
  const part = (n: string) => !only || only.includes(n);
  const testHosts = lab.hosts.filter((h) => h.kind === 'test').slice(0, 20);
  const qemu = lab.hosts.find((h) => h.kind === 'qemu')!;
  if (part('a') && testHosts.length < 20) throw new Error(`need 20 test hosts in the lab, found ${testHosts.length}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-bench-'));
  const core = await benchCore(dir, { hostKey: 'once', live: false });
  try {
    const qemuId = (await addLabHost(core, qemu, lab.clientKey)).id;
    const refresh = (id: string) => core.hosts.refresh(id, { interactive: false });
    console.log('LabDeck refresh benchmark (medians)');

    // (a) 20 hosts at once vs one host, both on warm connections.
    if (part('a')) {
      const testIds = (await Promise.all(testHosts.map((h) => addLabHost(core, h, lab.clientKey)))).map((v) => v.id);
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
      const a = median(twenty) / median(one);
      const aFloor = median(twenty) / Math.max(median(one), median(floor));
      console.log(`  one host: ${median(one).toFixed(0)} ms; 20 hosts at once: ${median(twenty).toFixed(0)} ms`);
      console.log(
        `(a) 20 hosts vs 1 host           ratio ${a.toFixed(2)}x   goal <= 1.5x   ${a <= 1.5 ? 'met' : 'MISSED'}`,
      );
      console.log(
        `    the 20 lab hosts run on this machine's ${os.cpus().length} cores: CPU floor for the batch ${median(floor).toFixed(0)} ms;`,
      );
      console.log(
        `    20 hosts vs max(1 host, CPU floor) ratio ${aFloor.toFixed(2)}x (1.0 = LabDeck adds no waiting of its own)`,
      );
    }

    // (b) LabDeck's refresh of the KVM host vs a fresh ssh per command.
    if (part('b')) {
      const ours: number[] = [];
      const naive: number[] = [];
      for (let i = 0; i < 3; i++) {
        ours.push(await timed(() => refresh(qemuId)));
        naive.push(await naiveCollect(qemu, lab.clientKey));
      }
      const b = median(ours) / median(naive);
      console.log(
        `  KVM host: LabDeck ${median(ours).toFixed(0)} ms; fresh ssh per command ${median(naive).toFixed(0)} ms`,
      );
      console.log(
        `(b) LabDeck vs ssh per command   ratio ${b.toFixed(3)}x  goal <= 0.2x   ${b <= 0.2 ? 'met' : 'MISSED'}`,
      );
    }

    // (c) execs per refresh and (d) connections per host over 10 refreshes, counted by the engine.
    if (part('cd')) {
      await refresh(qemuId);
      await core.audit.flushed();
      const before = (await core.audit.list({ hostId: qemuId, limit: 5000 })).length;
      for (let i = 0; i < 10; i++) await refresh(qemuId);
      await core.audit.flushed();
      const execs = ((await core.audit.list({ hostId: qemuId, limit: 5000 })).length - before) / 10;
      const opened = Object.values(core.pool.stats().opened);
      console.log(
        `(c) remote execs per refresh     ${execs.toFixed(2)}        goal 1        ${execs === 1 ? 'met' : 'MISSED'}`,
      );
      console.log(
        `(d) connections per host (10 refreshes) max ${Math.max(...opened)}  goal 1   ${Math.max(...opened) === 1 ? 'met' : 'MISSED'}`,
      );
    }

    if (part('floor')) await floorPart(core, qemuId, qemu, lab.clientKey, dir);
  } finally {
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
