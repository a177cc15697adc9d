// `npm run bench`: makes sure the lab has 20 read-only hosts besides the KVM host, bundles the
// benchmarks with esbuild and runs them, printing ratios.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const labState = process.env.LABDECK_LAB_STATE ?? path.join(root, 'e2e/lab/.state');
const labJson = path.join(labState, 'lab.json');
const testHosts = existsSync(labJson) ? JSON.parse(readFileSync(labJson, 'utf8')).hosts.filter((h) => h.kind === 'test').length : 0;
if (testHosts < 20) execFileSync('bash', [path.join(root, 'e2e/lab/up.sh'), '--test-hosts', '20'], { stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const name of ['refresh-bench', 'inventory-table-bench', 'compose-bench', 'live-bench', 'console-bench']) {
  const src = path.join(here, `${name}.ts`);
  if (!existsSync(src)) continue;
  const out = path.join(root, 'dist', 'bench', `${name}.cjs`);
  buildSync({ entryPoints: [src], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: [...Object.keys(pkg.dependencies), 'playwright-core'], logLevel: 'warning' });
  execFileSync(process.execPath, [out], { stdio: 'inherit', env: { ...process.env, LABDECK_LAB_STATE: labState } });
}
