import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyInventory } from '../../shared/inventory/document';
import { hostInput, qemuHost, startCore, type TestCore } from './harness';

/**
 * The built CLI's command line: unknown options, `--inventory FILE` and a corrupt inventory
 * (issue 12, items 12–14). One real host (labhost1) in the inventory, read over SSH once.
 */
const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/labdeck.cjs');

let setup: TestCore;
let data: string;
let prod: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--no-renderer'], {
    cwd: root,
    stdio: 'inherit',
  });
  setup = await startCore({ answerHostKey: 'remember' });
  await setup.hosts.add(hostInput(qemuHost()));
  await setup.dispose();
  data = path.join(setup.dir, 'data');
  // prod.json holds labhost1; the folder's own inventory.json is empty.
  prod = path.join(data, 'prod.json');
  copyFileSync(path.join(data, 'inventory.json'), prod);
  writeFileSync(path.join(data, 'inventory.json'), JSON.stringify(emptyInventory()));
}, 180_000);

afterAll(async () => {
  await setup?.cleanup();
});

function labdeck(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      LABDECK_SSH_DIR: path.join(setup.dir, 'ssh'),
      LABDECK_DATA_DIR: path.join(setup.dir, 'nowhere'),
    },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('labdeck: unknown options', () => {
  it('plan --bogus is an error (exit 2) naming the options; nothing is planned', () => {
    const r = labdeck('plan', '--host', qemuHost().name, '--storage', 'root:8', '--bogus', '--inventory', prod);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('labdeck plan: unknown option --bogus');
    expect(r.stderr).toContain('Options of labdeck plan:');
    expect(r.stdout).toBe('');
  });

  it('compose --macvlan-mod private names --macvlan-mode and composes nothing', () => {
    const r = labdeck(
      'compose',
      '--host',
      qemuHost().name,
      '--hostname',
      'never-made',
      '--macvlan-mod',
      'private',
      '--inventory',
      prod,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('labdeck compose: unknown option --macvlan-mod. Did you mean --macvlan-mode?');
  });
});

describe('labdeck --inventory FILE', () => {
  it('reads FILE itself, not inventory.json in its folder', () => {
    const r = labdeck('hosts', '--inventory', prod);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${qemuHost().name}\t`);
    const other = labdeck('hosts', '--inventory', path.join(data, 'inventory.json'));
    expect(other.code).toBe(0);
    expect(other.stdout).toBe('');
  });

  it('works over SSH with the folder’s known_hosts (refresh)', () => {
    const r = labdeck('refresh', qemuHost().name, '--inventory', prod);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${qemuHost().name}: .*, \\d+ interfaces`));
  });

  it('a missing FILE says so (exit 2) instead of listing nothing', () => {
    const missing = path.join(data, 'missing.json');
    const r = labdeck('hosts', '--inventory', missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`No inventory file at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('labdeck with a corrupt inventory', () => {
  it('without a backup: says where the file went, exit 1, nothing listed', () => {
    const dir = path.join(setup.dir, 'corrupt-a');
    mkdirSync(dir);
    const file = path.join(dir, 'inv.json');
    writeFileSync(file, '{"schemaVersion": 1, "hosts": [tru');
    const r = labdeck('hosts', '--inventory', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const moved = /moved to (\S+?\.corrupt-\S+?)\. No good backup/.exec(r.stderr)?.[1];
    expect(r.stderr, r.stderr).toContain(`the inventory file ${file} was unreadable`);
    expect(moved && readFileSync(moved, 'utf8')).toBe('{"schemaVersion": 1, "hosts": [tru');
    expect(existsSync(file)).toBe(false);
  });

  it('with a good backup: restored, said on stderr, exit 0 and the hosts listed', () => {
    const dir = path.join(setup.dir, 'corrupt-b');
    mkdirSync(dir);
    const file = path.join(dir, 'inv.json');
    copyFileSync(prod, `${file}.bak`);
    writeFileSync(file, 'garbage');
    const r = labdeck('hosts', '--inventory', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${qemuHost().name}\t`);
    expect(r.stderr).toMatch(
      /was unreadable .*; it was moved to \S+\.corrupt-\S+ and the last good copy \(.*inv\.json\.bak\) was restored\./,
    );
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(prod, 'utf8'));
  });
});
