import { createReadStream, promises as fs } from 'node:fs';
import { AppError, toErrorShape, type HostConfig } from '../../../../shared/contract';
import { VolumeUploadRequest } from '../../../../shared/contract/guests';
import { formatBytes } from '../../../../shared/format/bytes';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import { virsh, virshArgv } from '../../../../shared/virsh';
import type { HostService } from '../hosts/host-service';
import type { JobContext, JobService } from '../jobs/job-service';
import type { KeyedLock } from '../jobs/keyed-lock';
import type { RemoteRunner } from '../remote/remote-runner';

/** How often progress is pushed while bytes flow: often enough to look alive, rarely enough to stay cheap. */
const PROGRESS_EVERY_MS = 250;

/**
 * Uploads a local file into a pool as a new raw volume: `vol-create-as` with the file's exact size,
 * then `vol-upload --file /dev/stdin` fed from the file over the pooled SSH connection (nothing
 * installed or opened on the host). Cancel or failure deletes the half-written volume.
 */
export class VolumeUploads {
  constructor(private readonly deps: { hosts: HostService; runner: RemoteRunner; jobs: JobService; lock: KeyedLock }) {}

  async start(input: VolumeUploadRequest): Promise<{ jobId: string }> {
    const req = VolumeUploadRequest.parse(input);
    const host = this.deps.hosts.configs().find((h) => h.id === req.hostId);
    if (!host) throw new AppError({ kind: 'notFound', message: `No host with id ${req.hostId} in the inventory.` });
    const size = await localFileSize(req.localPath);
    const job = this.deps.jobs.start({
      kind: 'upload',
      hostId: host.id,
      title: `Upload ${req.localPath} to ${host.name} as ${req.pool}/${req.volume}`,
      queued: this.deps.lock.busy(host.id),
      run: (ctx) => this.run(ctx, host, req, size),
    });
    return { jobId: job.id };
  }

  private async run(
    ctx: JobContext,
    host: HostConfig,
    req: ReturnType<typeof VolumeUploadRequest.parse>,
    size: number,
  ): Promise<void> {
    const { signal } = ctx;
    const release = await this.deps.lock.acquire(host.id, signal);
    try {
      ctx.running();
      const check = ctx.addStep({
        kind: 'check',
        description: `Check that pool ${req.pool} exists, has room for ${formatBytes(size)} and has no volume ${req.volume}.`,
        status: 'running',
      });
      const snap = await this.deps.hosts.refresh(host.id, { interactive: true });
      const pool = snap.libvirt?.pools.find((p) => p.name === req.pool);
      const problem = !pool
        ? `${host.name} has no storage pool ${req.pool}.`
        : !pool.active
          ? `Pool ${req.pool} is not active; start it first.`
          : pool.volumes.some((v) => v.name === req.volume)
            ? `Pool ${req.pool} already has a volume ${req.volume}; choose another name.`
            : pool.availableBytes < size
              ? `Pool ${req.pool} has ${formatBytes(pool.availableBytes)} free; the file needs ${formatBytes(size)}.`
              : null;
      if (problem) {
        const error = { kind: 'validation' as const, message: `${problem} Nothing was changed.` };
        ctx.updateStep(check, { status: 'failed', error });
        throw new AppError(error);
      }
      ctx.updateStep(check, { status: 'done' });

      const createArgv = virshArgv(
        host.libvirtUri,
        virsh.volume.createAs({ pool: req.pool, name: req.volume, capacity: String(size), format: 'raw' }),
      );
      const create = ctx.addStep({
        kind: 'create-volume',
        description: `Create volume ${req.volume} (${formatBytes(size)}) in pool ${req.pool}.`,
        command: quoteArgv(createArgv),
        status: 'running',
      });
      await this.deps.runner.run(host, createArgv, { signal, timeoutMs: 60_000 });
      ctx.updateStep(create, { status: 'done' });

      const uploadArgv = virshArgv(
        host.libvirtUri,
        virsh.volume.upload({ pool: req.pool, vol: req.volume }, '/dev/stdin'),
      );
      const upload = ctx.addStep({
        kind: 'upload',
        description: `Send ${req.localPath} over the SSH connection.`,
        command: quoteArgv(uploadArgv),
        status: 'running',
      });
      ctx.updateStep(upload, { progress: { doneBytes: 0, totalBytes: size } });
      try {
        let last = 0;
        await this.deps.runner.run(host, uploadArgv, {
          signal,
          stdin: createReadStream(req.localPath),
          stdinNote: `${req.localPath} (${size} bytes)`,
          onStdinBytes: (n) => {
            if (Date.now() - last < PROGRESS_EVERY_MS) return;
            last = Date.now();
            ctx.updateStep(upload, { progress: { doneBytes: n, totalBytes: size } });
          },
        });
        ctx.updateStep(upload, { status: 'done', progress: { doneBytes: size, totalBytes: size } });
      } catch (err) {
        ctx.updateStep(upload, { status: signal.aborted ? 'cancelled' : 'failed', error: toErrorShape(err) });
        await this.undoCreate(ctx, host, create, req);
        throw err;
      }
    } finally {
      release();
    }
    await this.deps.hosts.refresh(host.id, { interactive: false }).catch(() => undefined);
  }

  private async undoCreate(
    ctx: JobContext,
    host: HostConfig,
    step: number,
    req: { pool: string; volume: string },
  ): Promise<void> {
    const argv = virshArgv(host.libvirtUri, virsh.volume.delete({ pool: req.pool, vol: req.volume }));
    const command = quoteArgv(argv);
    ctx.updateStep(step, { rollback: { command, status: 'pending' } });
    try {
      // No signal: a cancel must not stop the clean-up it caused.
      await this.deps.runner.run(host, argv, { timeoutMs: 60_000 });
      ctx.updateStep(step, { status: 'rolled-back', rollback: { command, status: 'done' } });
    } catch (err) {
      ctx.updateStep(step, { rollback: { command, status: 'failed', error: toErrorShape(err) } });
      ctx.leftBehind(`Volume ${req.volume} in pool ${req.pool} (undo failed: ${command})`);
    }
  }
}

async function localFileSize(file: string): Promise<number> {
  let st;
  try {
    st = await fs.stat(file);
  } catch (err) {
    throw new AppError({
      kind: 'validation',
      message: `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`,
    });
  }
  if (!st.isFile()) throw new AppError({ kind: 'validation', message: `${file} is not a regular file.` });
  if (st.size === 0) throw new AppError({ kind: 'validation', message: `${file} is empty.` });
  await fs.access(file, fs.constants.R_OK).catch(() => {
    throw new AppError({ kind: 'validation', message: `${file} is not readable by LabDeck.` });
  });
  return st.size;
}
