// Live hosts benchmark (part of `npm run bench`): resident session vs one persistent libvirt
// connection, event latency in the browser build, remote CPU at idle vs polling, and LabDeck's own
// CPU holding 20 hosts live.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/main/core';
import { localTransportOpener } from '../../electron/main/services/hosts/session-transport';
import { ResidentSession, type SessionCommand } from '../../electron/main/services/hosts/virsh-session';
import { parseUuidList } from '../../shared/snapshot/parse-uuid-list';
import { readLab } from '../lab/lab-description';
import { addLabHost, benchCore, median, openWebBuild, p95, runBench, sleep, until } from './bench-kit';

const newCore = (dir: string, live: boolean) => benchCore(dir, { hostKey: 'remember', live });

/** The queries of one refresh, as LabDeck's session runs them (lists, then every object). */
async function roundOfQueries(s: ResidentSession): Promise<void> {
  const lists: SessionCommand[] = [
    ['uri', 'uri'],
    ['net-all', 'net-list --all --uuid'],
    ['net-active', 'net-list --uuid'],
    ['net-autostart', 'net-list --all --autostart --uuid'],
    ['net-persistent', 'net-list --all --persistent --uuid'],
    ['pool-all', 'pool-list --all --uuid'],
    ['pool-active', 'pool-list --uuid'],
    ['pool-autostart', 'pool-list --all --autostart --uuid'],
    ['pool-persistent', 'pool-list --all --persistent --uuid'],
    ['dom-all', 'list --all --uuid'],
    ['dom-active', 'list --uuid'],
    ['version', 'version --daemon'],
    ['nodeinfo', 'nodeinfo'],
  ].map(([name, cmd]) => ({ name: name!, cmd: cmd! }));
  const r = await s.run(lists);
  const body = (n: string) => r.find((x) => x.name === n)?.body ?? '';
  const on = (n: string) => new Set(parseUuidList(body(n)));
  const cmds: SessionCommand[] = [];
  for (const u of parseUuidList(body('net-all')))
    cmds.push(
      { name: 'n', cmd: `net-dumpxml ${u}` },
      ...(on('net-active').has(u) ? [{ name: 'l', cmd: `net-dhcp-leases ${u}` }] : []),
    );
  for (const u of parseUuidList(body('pool-all')))
    cmds.push(
      { name: 'p', cmd: `pool-dumpxml ${u}` },
      ...(on('pool-active').has(u) ? [{ name: 'v', cmd: `vol-list --pool ${u} --details` }] : []),
    );
  for (const u of parseUuidList(body('dom-all')))
    cmds.push(
      { name: 'd', cmd: `dumpxml ${u}` },
      { name: 's', cmd: `domstate ${u}` },
      ...(on('dom-active').has(u) ? [{ name: 'i', cmd: `domifaddr ${u} --source lease` }] : []),
    );
  await s.run(cmds);
}

/**
 * CPU time in ms of a process and all its living descendants: their own run time to the nanosecond
 * (/proc/PID/schedstat), plus what their children that already exited used (cutime+cstime, in 10 ms
 * ticks). Tick-sampled utime alone is too coarse for processes that wake a few times a minute.
 */
function subtreeCpuMs(rootPid: number): number {
  const children = new Map<number, number[]>();
  const ms = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      const run = Number(readFileSync(`/proc/${d}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      ms.set(Number(d), run + ((Number(f[13]) + Number(f[14])) * 1000) / 100);
      const c = children.get(ppid) ?? [];
      c.push(Number(d));
      children.set(ppid, c);
    } catch {
      // gone meanwhile
    }
  }
  let sum = 0;
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop()!;
    sum += ms.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return sum;
}

const ppidOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};

/** The sshd process of LabDeck's pooled connection (everything LabDeck runs on the host hangs below it). */
async function connectionRoot(core: Core, hostId: string): Promise<number> {
  const host = core.hosts.configs().find((h) => h.id === hostId)!;
  let pid = Number((await core.runner.run(host, ['sh', '-c', 'echo $PPID'], { interactive: false })).trim());
  // OpenSSH's per-connection process is "sshd: USER@notty"; everything of the connection is below it.
  while (!/^sshd: \S+@notty/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) {
    pid = ppidOf(pid);
    if (pid <= 1) throw new Error("LabDeck's sshd connection process was not found");
  }
  return pid;
}

async function main(): Promise<void> {
  const lab = readLab();
  const qemu = lab.hosts.find((h) => h.kind === 'qemu')!;
  const testHosts = lab.hosts.filter((h) => h.kind === 'test').slice(0, 20);
  if (testHosts.length < 20)
    throw new Error(`need 20 test hosts in the lab, found ${testHosts.length} (npm run bench brings them up)`);
  // Printed as they come, so a part that fails does not take the others' figures with it.
  const lines = { push: (l: string) => console.log(l) };
  lines.push('LabDeck live hosts benchmark');
  const only = process.env.LIVE_BENCH_ONLY?.split(',');
  const part = (n: string) => !only || only.includes(n);

  // (1) refresh through the resident session vs the same queries over one persistent libvirt connection.
  let refreshRatio: number;
  if (part('1')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-live-bench-'));
    const core = await newCore(dir, true);
    const persistent = new ResidentSession({
      dialect: 'virsh',
      argv: [
        'virsh',
        '-c',
        `qemu+ssh://${qemu.user}@${qemu.address}:${qemu.port}/system?keyfile=${lab.clientKey}&no_verify=1&no_tty=1`,
      ],
      open: localTransportOpener,
      timeoutMs: 30_000,
      label: 'qemu+ssh',
    });
    try {
      const id = (await addLabHost(core, qemu, lab.clientKey)).id;
      await until(() => core.live.isLive(id), 20_000, 'labhost1 live');
      await core.hosts.refresh(id, { interactive: false });
      await roundOfQueries(persistent);
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < 15; i++) {
        let t0 = performance.now();
        await core.hosts.refresh(id, { interactive: false });
        ours.push(performance.now() - t0);
        t0 = performance.now();
        await roundOfQueries(persistent);
        theirs.push(performance.now() - t0);
      }
      const stats = core.live.stats(id)!;
      refreshRatio = median(ours) / median(theirs);
      lines.push(
        `  KVM host refresh: resident session ${median(ours).toFixed(1)} ms (all of it: host sections + ${stats.reads.full} full reads so far); one persistent qemu+ssh libvirt connection, the same virsh queries ${median(theirs).toFixed(1)} ms (medians of 15)`,
      );
      lines.push(
        `(1) resident session vs persistent libvirt connection   ratio ${refreshRatio.toFixed(2)}x   goal <= 1.2x   ${refreshRatio <= 1.2 ? 'met' : 'MISSED'}`,
      );
    } finally {
      persistent.close();
      await core.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // (3) remote CPU per idle host per minute: live (sessions + watchers, nothing happening) vs polling
  // every 60 s (today's default). The lab is shared: slices in which anything changed on labhost1
  // (others' tests start guests) are left out of the live figure, so it is the cost of idling.
  if (part('3')) {
    const slice = 10_000;
    const quietWanted = 60_000;
    const measure = async (live: boolean) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-live-bench-'));
      const core = await newCore(dir, live);
      try {
        const id = (await addLabHost(core, qemu, lab.clientKey)).id;
        if (live) await until(() => core.live.isLive(id), 20_000, 'labhost1 live');
        await core.hosts.refresh(id, { interactive: false });
        const conn = await connectionRoot(core, id);
        await sleep(1000);
        // What one poll costs (the snapshot script in one exec), averaged over 3.
        let pollMs = 0;
        if (!live) {
          const c0 = subtreeCpuMs(conn);
          for (let i = 0; i < 3; i++) await core.hosts.refresh(id, { interactive: false });
          await sleep(500);
          pollMs = (subtreeCpuMs(conn) - c0) / 3;
        }
        const activity = () => JSON.stringify(core.live.stats(id) ?? null);
        let used = 0;
        let quiet = 0;
        let busy = 0;
        const t0 = Date.now();
        while (quiet < quietWanted && Date.now() - t0 < 4 * quietWanted) {
          const a0 = activity();
          const c0 = subtreeCpuMs(conn);
          await sleep(slice);
          const c1 = subtreeCpuMs(conn);
          if (activity() === a0) {
            used += c1 - c0;
            quiet += slice;
          } else busy++;
        }
        const idlePerMin = quiet > 0 ? (used * 60_000) / quiet : NaN;
        return { perMinMs: idlePerMin + pollMs, pollMs, quietS: quiet / 1000, busy };
      } finally {
        await core.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const poll = await measure(false);
    const live = await measure(true);
    const ratio = live.perMinMs / poll.perMinMs;
    lines.push(
      `  remote CPU per idle minute, LabDeck's processes on labhost1 (its sshd connection and everything below it: sh, virsh, ip…):`,
    );
    lines.push(
      `    polling every 60 s: ${poll.perMinMs.toFixed(1)} ms (one snapshot exec ${poll.pollMs.toFixed(1)} ms); live: ${live.perMinMs.toFixed(1)} ms, over ${live.quietS} s without changes (${live.busy} slices of ${slice / 1000} s with changes by others left out)`,
    );
    lines.push(
      `(3) remote CPU at idle, live vs polling                 ratio ${ratio.toFixed(2)}x   goal <= 0.2x   ${ratio <= 0.2 ? 'met' : 'MISSED'}`,
    );
  }

  // (4) 20 hosts held live: LabDeck's own CPU at idle.
  if (part('4')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-live-bench-'));
    const core = await newCore(dir, true);
    try {
      const views = await Promise.all(testHosts.map((h) => addLabHost(core, h, lab.clientKey)));
      await until(() => views.every((v) => core.live.isLive(v.id)), 60_000, '20 hosts live');
      await sleep(3000);
      const reads = () =>
        views.reduce(
          (n, v) => n + (core.live.stats(v.id)?.virsh.requests ?? 0) + (core.live.stats(v.id)?.sh.requests ?? 0),
          0,
        );
      const r0 = reads();
      const u0 = process.cpuUsage();
      const t0 = performance.now();
      await sleep(30_000);
      const u = process.cpuUsage(u0);
      lines.push(`  (session requests during the 30 s window, all hosts: ${reads() - r0})`);
      const ms = (u.user + u.system) / 1000;
      const perMin = (ms * 60_000) / (performance.now() - t0);
      lines.push(
        `(4) ${views.length} hosts held live, LabDeck's own CPU at idle: ${perMin.toFixed(0)} ms per minute (${((perMin / 60_000) * 100).toFixed(2)}% of one core)`,
      );
    } finally {
      await core.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // (2) event latency in the browser build: virsh start/destroy in the host's namespace → the VM table.
  if (part('2')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-live-bench-'));
    const name = `live-bench-${randomBytes(3).toString('hex')}`;
    const onHost = (...args: string[]) =>
      execFileSync('ip', ['netns', 'exec', qemu.namespace, 'virsh', '-c', qemu.libvirtUri, ...args], {
        stdio: 'ignore',
      });
    const xml = path.join(dir, 'dom.xml');
    writeFileSync(
      xml,
      `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type><boot dev='hd'/></os><devices/></domain>`,
    );
    const setup = await newCore(dir, false);
    await addLabHost(setup, qemu, lab.clientKey);
    await setup.dispose();
    const app = await openWebBuild(dir);
    try {
      const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(app.url);
      await page
        .getByRole('row', { name: new RegExp(qemu.name) })
        .getByTestId('live-indicator')
        .waitFor({ timeout: 30_000 });
      await page.getByRole('row', { name: new RegExp(qemu.name) }).click();
      await page.getByRole('button', { name: `Open host view of ${qemu.name}` }).click();
      await page
        .getByRole('tablist', { name: 'Host sections' })
        .getByRole('tab', { name: /^VMs\b/ })
        .click();
      onHost('define', xml);
      const stateIs = (want: string) =>
        page.waitForFunction(
          ([n, w]) =>
            [...document.querySelectorAll('table[aria-label="VMs"] tr')].some(
              (r) => r.querySelector('th, td')?.textContent?.trim() === n && (r.textContent ?? '').includes(w!),
            ),
          [name, want],
          { polling: 'raf', timeout: 10_000 },
        );
      await stateIs('shut off');
      const afterCmd: number[] = [];
      const withCmd: number[] = [];
      for (let i = 0; i < 20; i++) {
        const [cmd, want] = i % 2 === 0 ? ['start', 'running'] : ['destroy', 'shut off'];
        const t0 = performance.now();
        onHost(cmd!, '--domain', name);
        const t1 = performance.now();
        await stateIs(want!);
        const t2 = performance.now();
        afterCmd.push(t2 - t1);
        withCmd.push(t2 - t0);
      }
      const p = p95(afterCmd);
      lines.push(
        `  event latency over 20 trials (10 starts, 10 destroys), from virsh returning to the browser showing it: median ${median(afterCmd).toFixed(0)} ms, p95 ${p.toFixed(0)} ms, max ${Math.max(...afterCmd).toFixed(0)} ms; counting the virsh command itself: p95 ${p95(withCmd).toFixed(0)} ms`,
      );
      lines.push(
        `(2) event → screen, p95                                 ${p.toFixed(0)} ms   goal <= 1000 ms   ${p <= 1000 ? 'met' : 'MISSED'}`,
      );
    } finally {
      for (const cmd of ['destroy', 'undefine']) {
        try {
          onHost(cmd, '--domain', name);
        } catch {
          // not running / gone
        }
      }
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

runBench(main);
