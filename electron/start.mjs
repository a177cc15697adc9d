// `npm start`: the desktop app when an Electron binary is installed, else the same app in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--if-needed'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary() {
  try {
    const bin = createRequire(import.meta.url)('electron'); // the package exports the binary's path
    return typeof bin === 'string' && existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const bin = electronBinary();
const child = bin
  ? spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log('LabDeck: no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD or a failed download) — serving the browser version instead.'),
    spawn(process.execPath, [path.join(root, 'dist/web/index.cjs')], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
