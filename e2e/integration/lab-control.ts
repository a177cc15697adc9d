import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { LabHost } from '../lab/lab-description';

/**
 * Kills every sshd process of a lab host — the listener and the sessions, as a reboot would — and
 * starts it again exactly the way up.sh does. Connections open before it are dead afterwards.
 */
export function restartSshd(h: LabHost): void {
  execFileSync('bash', [path.join(__dirname, '..', 'lab', 'restart-sshd.sh'), h.name], { stdio: 'inherit' });
}
