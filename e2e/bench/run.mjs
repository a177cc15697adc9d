// `npm run bench`: makes sure the lab has 20 read-only hosts besides the KVM host, bundles the
// benchmarks with esbuild and runs them, printing ratios. `npm run bench -- refresh vm-scale` runs
// only the benchmarks named (without the `-bench` suffix); the 20 hosts are brought up only when a
// chosen benchmark needs them (refresh part (a), live part (4); REFRESH_BENCH_ONLY / LIVE_BENCH_ONLY
// choose parts).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const labState = process.env.LABDECK_LAB_STATE ?? path.join(root, 'e2e/lab/.state');
const labJson = path.join(labState, 'lab.json');
const all = [
  'refresh-bench',
  'inventory-table-bench',
  'compose-bench',
  'live-bench',
  'console-bench',
  'vm-scale-bench',
];
const chosen = process.argv.slice(2).map((n) => (n.endsWith('-bench') ? n : `${n}-bench`));
const unknown = chosen.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(
    `unknown benchmark: ${unknown.join(', ')} (choose from: ${all.map((n) => n.replace(/-bench$/, '')).join(', ')})`,
  );
  process.exit(2);
}
const selected = chosen.length ? all.filter((n) => chosen.includes(n)) : all;
const parts = (v) => v?.split(',');
const needs20 =
  (selected.includes('refresh-bench') && (parts(process.env.REFRESH_BENCH_ONLY)?.includes('a') ?? true)) ||
  (selected.includes('live-bench') && (parts(process.env.LIVE_BENCH_ONLY)?.includes('4') ?? true));
const testHosts = existsSync(labJson)
  ? JSON.parse(readFileSync(labJson, 'utf8')).hosts.filter((h) => h.kind === 'test').length
  : 0;
if (needs20 && testHosts < 20)
  execFileSync('bash', [path.join(root, 'e2e/lab/up.sh'), '--test-hosts', '20'], { stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const name of selected) {
  const src = path.join(here, `${name}.ts`);
  if (!existsSync(src)) continue;
  const out = path.join(root, 'dist', 'bench', `${name}.cjs`);
  buildSync({
    entryPoints: [src],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    external: [...Object.keys(pkg.dependencies), 'playwright-core'],
    logLevel: 'warning',
  });
  execFileSync(process.execPath, [out], { stdio: 'inherit', env: { ...process.env, LABDECK_LAB_STATE: labState } });
}
