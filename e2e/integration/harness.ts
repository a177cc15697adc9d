import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, type HostInput, type Prompt } from '../../shared/contract';
import { createCore, type Core, type CoreOptions } from '../../electron/main/core';
import { readLab, type LabDescription, type LabHost } from '../lab/lab-description';

export type TestCore = Core & { dir: string; prompts_seen: Prompt[]; cleanup(): Promise<void> };

/**
 * A real engine against the real lab, in a throw-away data folder and ssh folder. The test plays
 * the user: it answers host-key prompts (accept once by default).
 */
export async function startCore(
  o: {
    knownHosts?: string;
    answerHostKey?: 'once' | 'remember' | 'cancel';
    /** Answers for secret prompts (passphrases, passwords), in order; null cancels. */
    secrets?: (string | null)[];
    timeouts?: CoreOptions['timeouts'];
    /** Resident sessions and event watchers (off by default: most tests count execs). */
    live?: boolean;
  } = {},
): Promise<TestCore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-it-'));
  const sshDir = path.join(dir, 'ssh');
  mkdirSync(sshDir, { mode: 0o700 });
  if (o.knownHosts !== undefined) writeFileSync(path.join(sshDir, 'known_hosts'), o.knownHosts);
  const core = await createCore({
    dataDir: path.join(dir, 'data'),
    sshDir,
    mode: 'cli',
    backgroundRefresh: false,
    live: o.live ?? false,
    timeouts: o.timeouts,
  });
  const seen: Prompt[] = [];
  core.bus.subscribe((name, payload) => {
    if (name !== 'prompt.opened') return;
    const p = payload as Prompt;
    seen.push(p);
    if (p.kind === 'hostKey')
      core.prompts.answer({ kind: 'hostKey', promptId: p.promptId, decision: o.answerHostKey ?? 'once' });
    if (p.kind === 'secret') {
      const value = o.secrets?.shift() ?? null;
      core.prompts.answer({ kind: 'secret', promptId: p.promptId, value, remember: false });
    }
  });
  return Object.assign(core, {
    dir,
    prompts_seen: seen,
    async cleanup() {
      await core.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** The AppError `p` fails with (anything else it throws is rethrown; succeeding fails the test). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const root = path.resolve(__dirname, '../..');
const cliBundle = path.join(root, 'dist/cli/labdeck.cjs');

/** Bundles the labdeck CLI (dist/cli/labdeck.cjs) from the current source. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--no-renderer'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** An inventory with labhost1 in it and its host key remembered, as the CLI reads it; the engine is already closed. */
export async function cliInventory(): Promise<TestCore> {
  const setup = await startCore({ answerHostKey: 'remember' });
  await setup.hosts.add(hostInput(qemuHost()));
  await setup.dispose();
  return setup;
}

/** Runs the built CLI with `inv`'s ssh folder and (unless `inventory: false`) its inventory. */
export function runCli(inv: TestCore, args: string[], o: { inventory?: boolean } = {}) {
  const r = spawnSync(
    process.execPath,
    [cliBundle, ...args, ...(o.inventory === false ? [] : ['--inventory', path.join(inv.dataDir, 'inventory.json')])],
    { encoding: 'utf8', env: { ...process.env, LABDECK_SSH_DIR: inv.sshDir }, timeout: 120_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const lab = (): LabDescription => readLab();

export function qemuHost(l: LabDescription = lab()): LabHost {
  const h = l.hosts.find((x) => x.kind === 'qemu');
  if (!h) throw new Error('the lab has no qemu host');
  return h;
}

export function testHosts(l: LabDescription = lab()): LabHost[] {
  return l.hosts.filter((x) => x.kind === 'test');
}

export function hostInput(h: LabHost, l: LabDescription = lab(), over: Partial<HostInput> = {}): HostInput {
  return {
    name: h.name,
    address: h.address,
    port: h.port,
    user: h.user,
    auth: { method: 'key', keyPath: l.clientKey },
    libvirtUri: h.libvirtUri,
    tags: [],
    ...over,
  };
}

export function knownHostsLine(h: LabHost, keyOf: LabHost = h): string {
  const name = h.port === 22 ? h.address : `[${h.address}]:${h.port}`;
  return `${name} ${keyOf.hostKeyPublic}\n`;
}
