import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { LabHost } from '../lab/lab-description';

function sshdPids(ns: string): number[] {
  const pids = execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  return pids.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'sshd';
    } catch {
      return false;
    }
  });
}

/**
 * Kills every sshd process of a lab host — the listener and the sessions, as a reboot would — and
 * starts it again the way up.sh does. Connections open before it are dead afterwards.
 */
export function restartSshd(h: LabHost): void {
  for (const p of sshdPids(h.namespace)) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(h.sshdPidFile, { force: true });
  const child = spawn(
    'setsid',
    ['-f', 'ip', 'netns', 'exec', h.namespace, 'unshare', '--uts', 'sh', '-c', 'hostname "$0" && exec /usr/sbin/sshd -D -e -E "$1" -f "$2"', h.name, h.sshdLog, h.sshdConfig],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    if (existsSync(h.sshdPidFile)) return;
    execFileSync('sleep', ['0.05']);
  }
  throw new Error(`sshd of ${h.name} did not come back`);
}
