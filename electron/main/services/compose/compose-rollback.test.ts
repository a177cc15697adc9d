import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterruptedJob, JobView } from '../../../../shared/contract';
import { EventBus } from '../event-bus';
import { HostService } from '../hosts/host-service';
import { VirtCapabilitiesService } from '../hosts/virt-capabilities';
import { InventoryStore } from '../inventory/inventory-store';
import { JobService } from '../jobs/job-service';
import { KeyedLock } from '../jobs/keyed-lock';
import { RemoteRunner } from '../remote/remote-runner';
import type { ConnectionPool } from '../ssh/connection-pool';
import type { ExecOptions, ExecResult } from '../ssh/exec-channel';
import { ComposeJournal } from './compose-journal';
import { ComposeService } from './compose-service';

// The real compose service, job service, journal and runner; only the transport under the runner
// (the SSH connection pool) is a fake that answers like the lab's KVM host.
const SNAPSHOT = readFileSync(path.join(__dirname, '../../../../shared/snapshot/fixtures/labhost1.txt'), 'utf8');
const ok = (stdout = ''): ExecResult => ({
  outcome: 'ok',
  exitCode: 0,
  signal: null,
  stdout,
  stderr: '',
  durationMs: 1,
});
const failed = (stderr: string): ExecResult => ({
  outcome: 'failed',
  exitCode: 1,
  signal: null,
  stdout: '',
  stderr,
  durationMs: 1,
});

type Call = { command: string; journal: InterruptedJob['steps'] | null };
type Answer = (argv: readonly string[], o: ExecOptions) => ExecResult | Promise<ExecResult> | undefined;

/** A host over a fake transport: answers the snapshot script and libvirt's "no such" to probes; `answer` decides the rest. */
class FakeTransport {
  readonly calls: Call[] = [];
  answer: Answer = () => undefined;
  constructor(private readonly journalDir: string) {}

  exec = async (_endpoint: unknown, argv: readonly string[], o: ExecOptions = {}): Promise<ExecResult> => {
    if (argv[0] === 'sh') return ok(SNAPSHOT);
    const command = argv.join(' ');
    if (/ (domuuid|vol-key) /.test(` ${command} `))
      return failed(`error: failed to get ${command.includes('domuuid') ? 'domain' : 'vol'} 'x'`);
    // What the journal held on disk when this remote step was sent.
    this.calls.push({ command, journal: this.journalSteps() });
    return (await this.answer(argv, o)) ?? ok();
  };

  journalSteps(): InterruptedJob['steps'] | null {
    const file = readdirSync(this.journalDir, { withFileTypes: true }).find((e) => e.name.startsWith('compose-'));
    if (!file) return null;
    return (JSON.parse(readFileSync(path.join(this.journalDir, file.name), 'utf8')) as InterruptedJob).steps;
  }
}

let dir: string;
let fake: FakeTransport;
let jobs: JobService;
let compose: ComposeService;
let journal: ComposeJournal;
let hostId: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-rollback-'));
  const jobsDir = path.join(dir, 'jobs');
  mkdirSync(jobsDir, { recursive: true });
  fake = new FakeTransport(jobsDir);
  const runner = new RemoteRunner({ exec: fake.exec } as unknown as ConnectionPool);
  const store = new InventoryStore(path.join(dir, 'inventory.json'));
  await store.load();
  const bus = new EventBus();
  const hosts = new HostService(store, runner, bus);
  const lock = new KeyedLock();
  jobs = new JobService(bus);
  journal = new ComposeJournal(jobsDir, { runner, lock, hosts: () => hosts.configs() });
  compose = new ComposeService({ hosts, runner, jobs, lock, virt: new VirtCapabilitiesService(runner), journal });
  const host = await hosts.add({
    name: 'kvm',
    address: '10.0.0.1',
    port: 22,
    user: 'root',
    auth: { method: 'agent' },
    libvirtUri: 'qemu:///system',
    tags: [],
  });
  hostId = host.id;
});
afterEach(async () => {
  await jobs.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

// Steps of this request, in order: root volume, data volume, define, start (then the read-back).
const request = () => ({
  hostId,
  hostname: 'rb-test',
  cores: 1,
  memoryMiB: 32,
  virtType: 'qemu' as const,
  storage: 'root:0.05,data:0.05',
  interfaces: '',
  start: true,
  nicRom: false,
});
const ROOT = /vol-create-as .*rb-test-root/;
const DATA = /vol-create-as .*rb-test-data/;
const DEFINE = /(^| )define /;
const UNDO_DATA = /vol-delete .*rb-test-data/;
const UNDO_ROOT = /vol-delete .*rb-test-root/;
const UNDEFINE = /(^| )undefine /;

/** Which pattern each sent command matched, in the order sent. */
const sent = (...patterns: RegExp[]) => fake.calls.map((c) => patterns.findIndex((p) => p.test(c.command)));
const journalAt = (pattern: RegExp) => fake.calls.find((c) => pattern.test(c.command))?.journal?.map((s) => s.state);
const stepOf = (job: JobView, pattern: RegExp) =>
  job.steps.find((s) => s.command !== undefined && pattern.test(s.command));

async function run(): Promise<JobView> {
  const { jobId } = compose.start(request());
  return jobs.wait(jobId);
}

describe('compose rollback with a fake transport', () => {
  it('step 3 fails: what was done is undone newest first, and the journal had each state on disk before each step', async () => {
    fake.answer = (argv) => (DEFINE.test(argv.join(' ')) ? failed('error: XML error: bad domain') : undefined);
    const job = await run();

    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ kind: 'remote', stderr: 'error: XML error: bad domain' });
    expect(job.error?.command).toMatch(DEFINE);
    // Sent: root, data, define (fails), then undo data, undo root. The failed define had a known
    // outcome (exit code 1), so there is nothing of it to undo; start never ran.
    expect(sent(ROOT, DATA, DEFINE, UNDO_DATA, UNDO_ROOT)).toEqual([0, 1, 2, 3, 4]);
    expect(stepOf(job, ROOT)).toMatchObject({ status: 'rolled-back', rollback: { status: 'done' } });
    expect(stepOf(job, DATA)).toMatchObject({ status: 'rolled-back', rollback: { status: 'done' } });
    expect(stepOf(job, DEFINE)).toMatchObject({ status: 'failed' });
    expect(stepOf(job, DEFINE)?.rollback).toBeUndefined();
    expect(job.leftBehind).toEqual([]);

    // Journal states (root, data, define, start) as they were on disk when each command went out.
    expect(journalAt(ROOT)).toEqual(['running', 'pending', 'pending', 'pending']);
    expect(journalAt(DATA)).toEqual(['done', 'running', 'pending', 'pending']);
    expect(journalAt(DEFINE)).toEqual(['done', 'done', 'running', 'pending']);
    expect(journalAt(UNDO_DATA)).toEqual(['done', 'done', 'running', 'pending']);
    expect(journalAt(UNDO_ROOT)).toEqual(['done', 'undone', 'running', 'pending']);
    // All undone: the entry is gone, nothing is offered for recovery.
    expect(fake.journalSteps()).toBeNull();
    expect(await journal.list()).toEqual([]);
  });

  it('cancel mid-way: the step in flight (maybe done) is undone first, then the finished ones, newest first', async () => {
    let sentDefine: () => void = () => undefined;
    const defineSent = new Promise<void>((r) => (sentDefine = r));
    fake.answer = (argv, o) => {
      if (!DEFINE.test(argv.join(' '))) return undefined;
      sentDefine();
      // The host never says how it ended: the cancel arrives first.
      return new Promise<ExecResult>((resolve) =>
        o.signal?.addEventListener('abort', () =>
          resolve({ outcome: 'cancelled', exitCode: null, signal: null, stdout: '', stderr: '', durationMs: 5 }),
        ),
      );
    };
    const { jobId } = compose.start(request());
    await defineSent;
    expect(jobs.cancel(jobId)).toBe(true);
    const job = await jobs.wait(jobId);

    expect(job.state).toBe('cancelled');
    expect(sent(ROOT, DATA, DEFINE, UNDEFINE, UNDO_DATA, UNDO_ROOT)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stepOf(job, DEFINE)).toMatchObject({ status: 'rolled-back', rollback: { status: 'done' } });
    expect(stepOf(job, DATA)).toMatchObject({ status: 'rolled-back' });
    expect(stepOf(job, ROOT)).toMatchObject({ status: 'rolled-back' });
    expect(journalAt(UNDEFINE)).toEqual(['done', 'done', 'running', 'pending']);
    expect(journalAt(UNDO_DATA)).toEqual(['done', 'done', 'undone', 'pending']);
    expect(journalAt(UNDO_ROOT)).toEqual(['done', 'undone', 'undone', 'pending']);
    expect(fake.journalSteps()).toBeNull();
  });

  it('an undo that fails is reported and the rest still run; the journal keeps it for recovery', async () => {
    let busy = true;
    fake.answer = (argv) => {
      const command = argv.join(' ');
      if (DEFINE.test(command)) return failed('error: XML error: bad domain');
      if (UNDO_DATA.test(command) && busy)
        return failed(
          'error: Failed to delete vol rb-test-data.qcow2\nerror: cannot unlink file: Device or resource busy',
        );
      return undefined;
    };
    const job = await run();

    expect(job.state).toBe('failed');
    // The failed undo does not stop the next one.
    expect(sent(ROOT, DATA, DEFINE, UNDO_DATA, UNDO_ROOT)).toEqual([0, 1, 2, 3, 4]);
    const data = stepOf(job, DATA);
    expect(data?.rollback).toMatchObject({
      status: 'failed',
      error: { kind: 'remote', stderr: expect.stringContaining('Device or resource busy') },
    });
    expect(data?.rollback?.command).toMatch(UNDO_DATA);
    expect(stepOf(job, ROOT)).toMatchObject({ status: 'rolled-back', rollback: { status: 'done' } });
    expect(job.leftBehind).toHaveLength(1);
    expect(job.leftBehind[0]).toMatch(/undo failed: .*vol-delete .*rb-test-data/);

    // The journal stays, with that step marked, and recovery lists it.
    expect(fake.journalSteps()?.map((s) => s.state)).toEqual(['undone', 'undo-failed', 'running', 'pending']);
    const [left] = await journal.list();
    expect(left?.domain).toBe('rb-test');

    // Once the volume can go, recovery undoes what is left (the failed undo, and the define that
    // only maybe happened: libvirt says there is no such domain) and the entry is cleared.
    busy = false;
    fake.answer = (argv) =>
      UNDEFINE.test(argv.join(' ')) ? failed("error: failed to get domain 'rb-test'") : undefined;
    fake.calls.length = 0;
    const result = await journal.rollback(left!.id);
    expect(result).toMatchObject({ failed: [], cleared: true });
    expect(sent(UNDEFINE, UNDO_DATA)).toEqual([0, 1]);
    expect(fake.journalSteps()).toBeNull();
  });
});
