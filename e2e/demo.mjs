// `npm run demo`: the lab is up (package.json runs up.sh first); put its hosts in a demo inventory,
// trust their freshly generated host keys, and open LabDeck on it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lab = JSON.parse(
  readFileSync(path.join(process.env.LABDECK_LAB_STATE ?? path.join(root, 'e2e/lab/.state'), 'lab.json'), 'utf8'),
);
const dataDir = process.env.LABDECK_DATA_DIR ?? path.join(os.homedir(), '.config', 'LabDeck-demo');
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

const now = new Date().toISOString();
const hosts = lab.hosts.map((h) => ({
  id: randomUUID(),
  name: h.name,
  address: h.address,
  port: h.port,
  user: h.user,
  auth: { method: 'key', keyPath: lab.clientKey },
  libvirtUri: h.libvirtUri,
  tags: [h.kind === 'qemu' ? 'kvm' : 'test-driver', 'lab'],
  kind: 'unknown',
  pod: { defaultMacvlanMode: 'bridge', installMode: 'manual' },
  addedAt: now,
}));
writeFileSync(
  path.join(dataDir, 'inventory.json'),
  `${JSON.stringify({ schemaVersion: 1, hosts, marks: {} }, null, 2)}\n`,
  { mode: 0o600 },
);
// The lab made these keys itself a moment ago, so they are trusted without a prompt.
const known = lab.hosts
  .map((h) => `${h.port === 22 ? h.address : `[${h.address}]:${h.port}`} ${h.hostKeyPublic}`)
  .join('\n');
writeFileSync(path.join(dataDir, 'known_hosts'), `${known}\n`, { mode: 0o600 });

console.log(`LabDeck demo: ${hosts.length} lab hosts in ${dataDir}`);
const child = spawn(process.execPath, [path.join(root, 'electron/start.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, LABDECK_DATA_DIR: dataDir },
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
