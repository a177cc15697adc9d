import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OpenSSHAgent, type ParsedKey } from 'ssh2';
import sshpk from 'sshpk';
import type { ClientSshKey } from '../../../../shared/contract/guests';

/** How long the agent may take to list its keys before LabDeck goes on without them. */
const AGENT_TIMEOUT_MS = 3000;

/**
 * The public keys this machine's user could log into a new VM with: every `*.pub` in the SSH folder
 * and every key the SSH agent holds. Only public halves are read; a file that is not a public key
 * is skipped. The same key from both places is listed once (the file wins: it names where it is).
 */
export async function clientSshKeys(sshDir: string, agentSocket = process.env.SSH_AUTH_SOCK): Promise<ClientSshKey[]> {
  const [files, agent] = await Promise.all([keyFiles(sshDir), agentKeys(agentSocket)]);
  const seen = new Set<string>();
  return [...files, ...agent].filter((k) => !seen.has(k.fingerprint) && seen.add(k.fingerprint));
}

function describe(source: string, line: string): ClientSshKey | null {
  const [type, blob, ...comment] = line.trim().split(/\s+/);
  if (!type || !blob) return null;
  try {
    const key = sshpk.parseKey(`${type} ${blob}`, 'ssh');
    return {
      source,
      type,
      comment: comment.join(' '),
      fingerprint: key.fingerprint('sha256').toString(),
      line: [type, blob, ...comment].join(' '),
    };
  } catch {
    return null;
  }
}

async function keyFiles(sshDir: string): Promise<ClientSshKey[]> {
  const names = await fs.readdir(sshDir).catch(() => [] as string[]);
  const out: ClientSshKey[] = [];
  for (const name of names.filter((n) => n.endsWith('.pub')).sort()) {
    const text = await fs.readFile(path.join(sshDir, name), 'utf8').catch(() => '');
    // A .pub holds one key; a stray big file is not one.
    if (text.length > 16 * 1024) continue;
    const k = describe(`~/.ssh/${name}`, text.split('\n').find((l) => l.trim() !== '') ?? '');
    if (k) out.push(k);
  }
  return out;
}

function agentKeys(socket: string | undefined): Promise<ClientSshKey[]> {
  if (!socket) return Promise.resolve([]);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), AGENT_TIMEOUT_MS);
    try {
      new OpenSSHAgent(socket).getIdentities((err, keys) => {
        clearTimeout(timer);
        if (err || !keys) return resolve([]);
        resolve(
          keys
            .map((k) => ('getPublicSSH' in k ? k : null))
            .map((k: ParsedKey | null) =>
              k ? describe('agent', `${k.type} ${k.getPublicSSH().toString('base64')} ${k.comment}`) : null,
            )
            .filter((k): k is ClientSshKey => k !== null),
        );
      });
    } catch {
      clearTimeout(timer);
      resolve([]);
    }
  });
}
