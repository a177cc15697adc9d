// What the benchmarks share: statistics, waiting, an engine wired for the lab, the browser build.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createCore, type Core } from '../../electron/main/core';
import type { LabHost } from '../lab/lab-description';

/** The repository (the benchmarks run bundled from dist/bench/, two levels down like here). */
export const root = path.resolve(__dirname, '..', '..');

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `f` every 20 ms until it gives something truthy, which it returns; throws after `ms`. */
export async function until<T>(
  f: () => T | undefined | false | Promise<T | undefined | false>,
  ms: number,
  what: string,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Wall time of `f` in ms. */
export async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/**
 * An engine on its own data folder under `dir`, without background refresh, that accepts every
 * host key: for the moment (`once`), or into its known_hosts (`remember`) when a web host started
 * later on the same folder must find the key there.
 */
export async function benchCore(dir: string, opts: { hostKey: 'once' | 'remember'; live?: boolean }): Promise<Core> {
  const core = await createCore({
    dataDir: path.join(dir, 'data'),
    sshDir: path.join(dir, 'ssh'),
    mode: 'cli',
    backgroundRefresh: false,
    ...(opts.live !== undefined ? { live: opts.live } : {}),
  });
  core.bus.subscribe((name, p) => {
    const prompt = p as { kind?: string; promptId?: string };
    if (name === 'prompt.opened' && prompt.kind === 'hostKey')
      core.prompts.answer({ kind: 'hostKey', promptId: prompt.promptId!, decision: opts.hostKey });
  });
  return core;
}

/** Adds a lab host as described, logging in with `key`. */
export const addLabHost = (core: Core, h: LabHost, key: string) =>
  core.hosts.add({
    name: h.name,
    address: h.address,
    port: h.port,
    user: h.user,
    auth: { method: 'key', keyPath: key },
    libvirtUri: h.libvirtUri,
  });

/** OpenSSH options for a lab host: the key, no host-key questions or records, no prompts. */
export const sshOptions = (key: string): string[] => [
  '-i',
  key,
  '-o',
  'StrictHostKeyChecking=no',
  '-o',
  'UserKnownHostsFile=/dev/null',
  '-o',
  'LogLevel=ERROR',
  '-o',
  'BatchMode=yes',
];

/** Chromium as the benchmarks drive it (LABDECK_CHROMIUM, else the system's). */
export const launchChromium = (args = ['--no-sandbox', '--disable-gpu', '--no-first-run']) =>
  chromium.launch({ executablePath: process.env.LABDECK_CHROMIUM ?? '/usr/bin/chromium', args });

/**
 * The browser build's web host on the data folder under `dir` (built first if missing), once it
 * prints its URL. `stop` ends it.
 */
export async function startWebHost(
  dir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(path.join(root, 'dist/web/index.cjs')))
    execFileSync(process.execPath, [path.join(root, 'electron/build.mjs')], { stdio: 'inherit' });
  const web = spawn(process.execPath, [path.join(root, 'dist/web/index.cjs')], {
    env: { ...process.env, LABDECK_DATA_DIR: path.join(dir, 'data'), LABDECK_SSH_DIR: path.join(dir, 'ssh'), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => web.kill('SIGTERM');
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      web.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /LabDeck is running at (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 20_000);
    });
    return { url, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** The web host on the data folder under `dir` and a Chromium to open it with; `close` ends both. */
export async function openWebBuild(dir: string) {
  const web = await startWebHost(dir);
  try {
    const browser = await launchChromium();
    return {
      url: web.url,
      browser,
      close: async () => {
        await browser.close();
        web.stop();
      },
    };
  } catch (err) {
    web.stop();
    throw err;
  }
}

/** Runs a benchmark's main; a failure is printed and ends the process with status 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
