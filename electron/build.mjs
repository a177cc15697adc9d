// Builds the Node-side bundles with esbuild (main, preload, web host, CLI); the renderer is built by
// Vite (renderer/vite.config.mts). `--if-needed` skips work when the outputs are newer than the sources.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');
const ifNeeded = process.argv.includes('--if-needed');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const outputs = ['main/index.cjs', 'preload/index.cjs', 'web/index.cjs', 'cli/labdeck.cjs', 'renderer/index.html'].map(
  (f) => path.join(dist, f),
);
if (ifNeeded && outputs.every(existsSync)) {
  const src = Math.max(
    ...['electron', 'renderer', 'shared'].map((d) => newest(path.join(root, d))),
    statSync(path.join(root, 'package.json')).mtimeMs,
  );
  const out = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  if (out > src) process.exit(0);
}

// Runtime dependencies stay in node_modules (electron-builder ships them); everything else is bundled.
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { __LABDECK_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/main/desktop/index.ts')],
    outfile: path.join(dist, 'main/index.cjs'),
    external,
  }),
  // A sandboxed preload can only require 'electron': bundle everything else into it.
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: path.join(dist, 'preload/index.cjs'),
    external: ['electron'],
    sourcemap: false,
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/main/web/index.ts')],
    outfile: path.join(dist, 'web/index.cjs'),
    external,
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/main/cli/labdeck.ts')],
    outfile: path.join(dist, 'cli/labdeck.cjs'),
    external,
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

if (!process.argv.includes('--no-renderer')) {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'renderer/vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
}
