import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SNAPSHOT_SCRIPT } from '../../shared/snapshot';
import type { LabHost } from '../lab/lab-description';
import { sshOptions } from './bench-kit';

const run = promisify(execFile);

/** One word for the remote shell: OpenSSH joins argv with spaces into a command line. */
const shWord = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * The floor for one refresh: an OpenSSH connection multiplexed through a ControlMaster set up
 * beforehand, running the snapshot script LabDeck sends in one remote process (`sh -s -- URI`).
 * Nothing is parsed: this is the transport and the remote work alone.
 */
export async function openSshFloor(h: LabHost, key: string, dir: string) {
  const ctl = path.join(dir, 'ctl');
  const opts = [...sshOptions(key), '-p', String(h.port), '-o', `ControlPath=${ctl}`];
  const target = `${h.user}@${h.address}`;
  // The master stays in the background (ControlPersist) after this first command returns.
  await run('ssh', [...opts, '-o', 'ControlMaster=yes', '-o', 'ControlPersist=120', target, 'true']);
  const snapshot = () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn('ssh', [...opts, '-o', 'ControlMaster=no', target, 'sh', '-s', '--', shWord(h.libvirtUri)], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const out: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`ssh exited with ${code}`)),
      );
      child.stdin.end(SNAPSHOT_SCRIPT);
    });
  const close = () =>
    run('ssh', [...opts, '-O', 'exit', target]).then(
      () => undefined,
      () => undefined,
    );
  return { snapshot, close };
}
