import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../shared/contract';
import { createHandlers, type Handlers } from '../../electron/main/handlers';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';
import { labHostConfig, virsh, virshMaybe, volumeNames } from './compose-helpers';

const PREFIX = 'it-upload-';
let c: TestCore;
let host: HostConfig;
let handlers: Handlers;

async function removeLeftovers(): Promise<void> {
  for (const v of (await volumeNames(c, host)).filter((n) => n.startsWith(PREFIX))) {
    await virshMaybe(c, host, 'vol-delete', '--pool', 'default', '--vol', v);
  }
}

beforeAll(async () => {
  c = await startCore();
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
  handlers = createHandlers(c);
  await removeLeftovers();
});

afterAll(async () => {
  if (!c) return;
  await removeLeftovers();
  await c.cleanup();
});

describe('uploading a local file into a pool (virsh vol-upload over the SSH connection)', () => {
  it('arrives byte for byte, with progress, as a new raw volume', async () => {
    const file = path.join(c.dir, 'media.iso');
    const data = randomBytes(5 * 1024 * 1024 + 17);
    writeFileSync(file, data);
    const name = `${PREFIX}ok-${process.pid}.iso`;
    const { jobId } = await handlers['volumes.upload']({
      hostId: host.id,
      pool: 'default',
      volume: name,
      localPath: file,
    });
    const job = await c.jobs.wait(jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
    const upload = job.steps.find((s) => s.kind === 'upload');
    expect(upload?.progress).toEqual({ doneBytes: data.length, totalBytes: data.length });
    // The lab's pool is a folder on this machine: compare the bytes themselves.
    const volPath = (await virsh(c, host, 'vol-path', '--pool', 'default', '--vol', name)).trim();
    expect(volPath.startsWith(lab().qemu.poolPath)).toBe(true);
    expect(readFileSync(volPath).equals(data)).toBe(true);
  });

  it('refuses a name already in the pool and a missing file, changing nothing', async () => {
    const before = await volumeNames(c, host);
    await expect(
      handlers['volumes.upload']({
        hostId: host.id,
        pool: 'default',
        volume: `${PREFIX}x.iso`,
        localPath: '/nonexistent/file.iso',
      }),
    ).rejects.toThrow(/no such file/);
    const file = path.join(c.dir, 'small.iso');
    writeFileSync(file, 'x');
    const { jobId } = await handlers['volumes.upload']({
      hostId: host.id,
      pool: 'default',
      volume: lab().qemu.volume,
      localPath: file,
    });
    const job = await c.jobs.wait(jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/already has a volume .*Nothing was changed/);
    expect(await volumeNames(c, host)).toEqual(before);
  });

  it('cancelled mid-way, deletes the half-written volume', async () => {
    const dir = path.join(c.dir, 'big');
    mkdirSync(dir);
    const file = path.join(dir, 'big.iso');
    writeFileSync(file, Buffer.alloc(256 * 1024 * 1024, 7));
    const name = `${PREFIX}cancel-${process.pid}.iso`;
    const { jobId } = await handlers['volumes.upload']({
      hostId: host.id,
      pool: 'default',
      volume: name,
      localPath: file,
    });
    // Cancel once bytes flow.
    await new Promise<void>((resolve) => {
      const off = c.bus.subscribe((event, payload) => {
        const j = payload as { id?: string; steps?: { kind: string; progress?: { doneBytes: number } }[] };
        if (event !== 'job.progress' || j.id !== jobId) return;
        if ((j.steps?.find((s) => s.kind === 'upload')?.progress?.doneBytes ?? 0) > 0) {
          off();
          resolve();
        }
      });
    });
    await handlers['jobs.cancel']({ jobId });
    const job = await c.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect(job.steps.find((s) => s.kind === 'create-volume')?.status).toBe('rolled-back');
    expect(await volumeNames(c, host)).not.toContain(name);
  }, 120_000);
});

describe('client SSH keys for cloud-init', () => {
  it('lists ~/.ssh/*.pub with fingerprints and skips what is not a key', async () => {
    const pub = lab().clientPublicKey;
    writeFileSync(path.join(c.sshDir, 'id_lab.pub'), `${pub}\n`);
    writeFileSync(path.join(c.sshDir, 'notes.pub'), 'not a key\n');
    const keys = await handlers['client.sshKeys'](undefined);
    const mine = keys.filter((k) => k.source.startsWith('~/.ssh/'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ source: '~/.ssh/id_lab.pub', type: 'ssh-ed25519', line: pub.trim() });
    expect(mine[0]?.fingerprint).toMatch(/^SHA256:/);
  });
});
