import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../shared/contract';
import { readLab } from '../lab/lab-description';
import { addLabHost, benchCore, median, runBench } from './bench-kit';

/**
 * Compose from the lab's cloud image as an overlay, with start:
 *   (e) the job's wall time vs the sum of the remote commands it ran (goal <= 1.2x: LabDeck's own
 *       planning, checks and bookkeeping add little on top of the host's work);
 *   (f) compose-to-first-lease: from clicking Compose to the guest holding a DHCP lease, as LabDeck
 *       sees it (printed; it is mostly the guest's boot under TCG).
 */
const RUNS = 3;

async function main(): Promise<void> {
  const lab = readLab();
  const qemu = lab.hosts.find((h) => h.kind === 'qemu')!;
  const image = lab.guest.cloudVolume;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-bench-compose-'));
  const core = await benchCore(dir, { hostKey: 'once' });
  const remote: AuditEntry[] = [];
  core.bus.subscribe((name, p) => {
    if (name === 'audit.appended') remote.push(p as AuditEntry);
  });
  const host = await addLabHost(core, qemu, lab.clientKey);
  const names: string[] = [];
  try {
    // Warm: the connection, the start probe and the host's snapshot, as in a session already under way.
    await core.hosts.refresh(host.id, { interactive: false });
    await core.virt.get(core.hosts.configs()[0]!, 'x86_64');
    const ratios: number[] = [];
    const walls: number[] = [];
    const leases: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `bench-compose-${process.pid.toString(36)}-${i}`;
      names.push(name);
      const from = remote.length;
      const t0 = performance.now();
      const { jobId } = core.compose.start({
        hostId: host.id,
        hostname: name,
        cores: 1,
        memoryMiB: lab.guest.minMemoryMiB,
        // The lab's nested KVM starts guests that then hang in long mode: its tiny OS runs under TCG.
        virtType: 'qemu',
        storage: 'root:1',
        interfaces: 'eth0:name=virbr0',
        install: { kind: 'cloud-image', pool: lab.qemu.pool, volume: image, clone: 'overlay' },
        cloudInit: { user: 'lab', sshKeys: [lab.clientPublicKey] },
        nicRom: false,
        start: true,
      });
      const job = await core.jobs.wait(jobId);
      const wall = performance.now() - t0;
      if (job.state !== 'succeeded') throw new Error(`compose failed: ${job.error?.message ?? job.state}`);
      await core.audit.flushed();
      // The job's own commands: everything the engine ran on the host while it went.
      const sum = remote.slice(from).reduce((a, e) => a + e.durationMs, 0);
      const addr = await core.guests.read(host.id, name, { waitMs: 180_000, interactive: false });
      const lease = performance.now() - t0;
      if (addr.addresses.length === 0) throw new Error(`${name} got no address within 3 min`);
      walls.push(wall);
      ratios.push(wall / sum);
      leases.push(lease);
      await core.actions.domain(host.id, name, 'delete', true);
    }
    const e = median(ratios);
    console.log('LabDeck compose benchmark (cloud image as overlay, with start; medians of 3)');
    console.log(`  compose wall time ${median(walls).toFixed(0)} ms`);
    console.log(
      `(e) compose wall vs sum of its remote commands  ratio ${e.toFixed(2)}x   goal <= 1.2x   ${e <= 1.2 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `(f) compose to first lease                      ${(median(leases) / 1000).toFixed(1)} s (mostly the guest's boot under TCG)`,
    );
  } finally {
    for (const n of names) await core.actions.domain(host.id, n, 'delete', true).catch(() => undefined);
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
