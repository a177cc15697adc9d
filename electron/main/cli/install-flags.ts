import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpuModes, type CpuMode } from '../../../shared/contract';
import type { CloudInitInput, InstallSource } from '../../../shared/contract/compose';
import { hashPassword } from '../../../shared/cloud-init';
import { textFlag, UsageError, type Args } from './args';

/** `--install network|none|iso:POOL/VOLUME|cloud-image:POOL/VOLUME[:overlay|:copy]`. */
export function installFromFlag(text: string | undefined): InstallSource | undefined {
  if (text === undefined) return undefined;
  if (text === 'network' || text === 'none') return { kind: text };
  const m = /^(iso|cloud-image):([^/:]+)\/([^:]+)(?::(overlay|copy))?$/.exec(text);
  if (!m)
    throw new UsageError(
      `--install takes network, none, iso:POOL/VOLUME or cloud-image:POOL/VOLUME[:overlay|:copy], not '${text}'.`,
    );
  const [, kind, pool = '', volume = '', clone] = m;
  if (kind === 'iso') {
    if (clone) throw new UsageError(`--install iso:… takes no :${clone} (an ISO is attached as it is).`);
    return { kind: 'iso', pool, volume };
  }
  return { kind: 'cloud-image', pool, volume, clone: (clone as 'overlay' | 'copy' | undefined) ?? 'overlay' };
}

/** `--cpu-mode host-passthrough|host-model|default|custom:MODEL` (a bare model name means custom). */
export function cpuFromFlag(text: string | undefined): { cpuMode?: CpuMode; cpuModel?: string } {
  if (text === undefined) return {};
  if ((cpuModes as readonly string[]).includes(text) && text !== 'custom') return { cpuMode: text as CpuMode };
  const model = text.startsWith('custom:') ? text.slice('custom:'.length) : text;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(model))
    throw new UsageError(`--cpu-mode takes host-passthrough, host-model, default or custom:MODEL, not '${text}'.`);
  return { cpuMode: 'custom', cpuModel: model };
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `${flag} ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

/**
 * cloud-init from `--user`, `--ssh-key FILE` (repeatable), `--password-file FILE` and `--user-data FILE`.
 * The password is hashed here, so it never reaches the engine, the host or a log in clear.
 */
export function cloudInitFromFlags(args: Args): CloudInitInput | undefined {
  const user = textFlag(args, 'user');
  const keyFiles = args.lists.get('ssh-key') ?? [];
  const passwordFile = textFlag(args, 'password-file');
  const userDataFile = textFlag(args, 'user-data');
  if (user === undefined && keyFiles.length === 0 && passwordFile === undefined && userDataFile === undefined)
    return undefined;
  const sshKeys = keyFiles.flatMap((f) =>
    readText(f, '--ssh-key')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  // Like chpasswd: the first line is the password; a trailing newline is not part of it.
  const password =
    passwordFile === undefined ? undefined : (readText(passwordFile, '--password-file').split('\n')[0] ?? '');
  if (password === '') throw new UsageError(`--password-file ${passwordFile}: the first line is empty.`);
  return {
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { passwordHash: hashPassword(password, (n) => new Uint8Array(randomBytes(n))) } : {}),
    sshKeys,
    ...(userDataFile !== undefined ? { userData: readText(userDataFile, '--user-data') } : {}),
  };
}
