import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SSHConfig, { LineType, type Line } from 'ssh-config';
import { AppError, type SshConfigCandidate } from '../../../../shared/contract';

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function aliases(lines: Line[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.type !== LineType.DIRECTIVE || l.param.toLowerCase() !== 'host') continue;
    const values = typeof l.value === 'string' ? l.value.split(/\s+/) : l.value.map((v) => v.val);
    // Wildcards and negations are defaults for other hosts, not hosts of their own.
    out.push(...values.filter((v) => v && !/[*?!]/.test(v)));
  }
  return [...new Set(out)];
}

/** Parses "[user@]host[:port]" as ProxyJump writes it (only the first hop of a chain is used). */
function parseJump(spec: string, config: SSHConfig): SshConfigCandidate['proxyJump'] {
  const hop = spec.split(',')[0]?.trim();
  if (!hop || hop.toLowerCase() === 'none') return undefined;
  const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hop);
  if (!m) return undefined;
  const alias = m[2]!.replace(/^\[|\]$/g, '');
  const c = config.compute(alias, { ignoreCase: true, matchExec: false });
  return {
    address: first(c.hostname) ?? alias,
    port: Number(m[3] ?? first(c.port) ?? 22),
    user: m[1] ?? first(c.user) ?? os.userInfo().username,
    identityFile: first(c.identityfile),
  };
}

/** Hosts from an OpenSSH client config, resolved the way ssh would (first value wins). */
export function sshConfigCandidates(text: string): SshConfigCandidate[] {
  const config = SSHConfig.parse(text);
  return aliases([...config]).map((alias) => {
    // matchExec false: never run `Match exec` commands from a config we are only reading.
    const c = config.compute(alias, { ignoreCase: true, matchExec: false });
    const jump = first(c.proxyjump);
    return {
      alias,
      address: first(c.hostname) ?? alias,
      port: Number(first(c.port) ?? 22),
      user: first(c.user) ?? os.userInfo().username,
      identityFile: first(c.identityfile),
      proxyJump: jump ? parseJump(jump, config) : undefined,
    };
  });
}

/** The hosts in `config` of the user's OpenSSH folder; none when there is no such file. */
export async function readSshConfigCandidates(sshDir: string): Promise<SshConfigCandidate[]> {
  const file = path.join(sshDir, 'config');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    // A config that is there but unreadable must not look like an empty one.
    throw new AppError({ kind: 'internal', message: `Could not read ${file}: ${(err as Error).message}` });
  }
  return sshConfigCandidates(text);
}
