// `npm start`: the desktop app when an Electron binary is installed, else the same app in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--if-needed'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

// Look for the binary without require('electron'): that would try to download it on the spot.
function electronBinary() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(p) ? p : undefined;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const bin = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

const bin = electronBinary();
const child = bin
  ? spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log(
      'LabDeck: no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD or a failed download) — serving the browser version instead.',
    ),
    spawn(process.execPath, [path.join(root, 'dist/web/index.cjs')], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
