import type { Client } from 'ssh2';
import { AppError } from '../../../../shared/contract';

/**
 * sshd hands every command to the user's login shell, and LabDeck quotes for the sh family. This
 * line is valid sh (and bash, dash, ksh, zsh) and a syntax error in fish and csh/tcsh, so a
 * connection to a host whose login shell would misread our quoting is refused before any command.
 */
export const SHELL_PROBE = 'case x in x) printf "%s\\n" LABDECK-SH-OK ;; esac';
const OK = 'LABDECK-SH-OK';

export async function checkLoginShell(client: Client, where: string, timeoutMs = 15_000): Promise<void> {
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    client.exec(SHELL_PROBE, (err, ch) => {
      if (err)
        return reject(
          new AppError({ kind: 'connect', message: `${where}: could not open a command channel: ${err.message}` }),
        );
      let out = '';
      let errText = '';
      const timer = setTimeout(() => {
        ch.close();
        reject(
          new AppError({
            kind: 'timeout',
            message: `${where}: the login shell did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          }),
        );
      }, timeoutMs);
      ch.on('data', (d: Buffer) => {
        if (out.length < 4096) out += d.toString('utf8');
      });
      ch.stderr.on('data', (d: Buffer) => {
        if (errText.length < 4096) errText += d.toString('utf8');
      });
      ch.on('close', () => {
        clearTimeout(timer);
        resolve({ stdout: out, stderr: errText });
      });
    });
  });
  if (stdout.split('\n').includes(OK)) return;
  const shell = /fish/i.test(stderr)
    ? 'fish'
    : /tcsh|csh|Illegal variable|Unmatched|switch|Missing/i.test(stderr)
      ? 'csh/tcsh'
      : undefined;
  throw new AppError({
    kind: 'connect',
    message: `${where}: the login shell ${shell ? `looks like ${shell}, which` : 'did not run a plain sh command; it'} cannot run LabDeck's commands safely. LabDeck needs an sh-family login shell (sh, dash, bash, ksh or zsh).`,
    stderr: stderr.slice(0, 2000),
    hint: 'Change the user’s login shell (chsh -s /bin/bash USER) or log in as another user.',
  });
}
