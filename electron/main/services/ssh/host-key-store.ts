import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/contract';
import type { PromptBroker } from '../prompts/prompt-broker';
import { readFileIfExists } from '../storage/atomic-file';
import {
  checkHostKey,
  fingerprintOf,
  formatKnownHostLine,
  keyTypeOf,
  knownKeyTypes,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
  type KnownHostLine,
} from './known-hosts';

export type HostKeyOutcome = { ok: true } | { ok: false; error: AppError };

/**
 * Decides whether a presented host key is trusted: the user's OpenSSH known_hosts files are read
 * (never written), LabDeck remembers accepted keys in its own file, and "accept once" lives in memory.
 */
export class HostKeyStore {
  private readonly sessionTrust = new Set<string>();
  private writeChain: Promise<void> = Promise.resolve();

  constructor(private readonly opts: { ownFile: string; userFiles: string[]; prompts: PromptBroker }) {}

  private async lines(): Promise<KnownHostLine[]> {
    const files = [this.opts.ownFile, ...this.opts.userFiles];
    const texts = await Promise.all(files.map((f) => readFileIfExists(f).catch(() => undefined)));
    const onDisk = texts.flatMap((t, i) => (t ? parseKnownHosts(t, files[i]!) : []));
    // Keys accepted "once" count as known for this run, so another type cannot slip in after them.
    const session = [...this.sessionTrust].map((k, i) => {
      const [host, port, b64] = k.split('|');
      return parseKnownHosts(
        formatKnownHostLine(host!, Number(port), Buffer.from(b64!, 'base64')),
        'this session’s accepted keys',
      ).map((l) => ({ ...l, lineNo: i + 1 }));
    });
    return [...onDisk, ...session.flat()];
  }

  /** Host-key algorithms to offer this host: the types we know for it first. */
  async algorithmsFor(host: string, port: number): Promise<string[]> {
    return preferredHostKeyAlgorithms(knownKeyTypes(await this.lines(), host, port));
  }

  async verify(host: string, port: number, key: Buffer, interactive: boolean): Promise<HostKeyOutcome> {
    const presentedFingerprint = fingerprintOf(key);
    const v = checkHostKey(await this.lines(), host, port, key);
    if (v.verdict === 'match') return { ok: true };
    if (v.verdict === 'revoked') {
      return {
        ok: false,
        error: new AppError({
          kind: 'hostKeyRevoked',
          message: `The host key of ${host}:${port} is marked @revoked in ${v.source} (line ${v.lineNo}). LabDeck refuses to connect.`,
          presentedFingerprint,
        }),
      };
    }
    if (v.verdict === 'mismatch') {
      return {
        ok: false,
        error: new AppError({
          kind: 'hostKeyMismatch',
          message: `The host key of ${host}:${port} has CHANGED. It may have been reinstalled — or someone may be intercepting the connection. LabDeck refuses to connect.`,
          knownFingerprint: v.knownFingerprint,
          presentedFingerprint,
          hint: `If the change is expected, remove the old key from ${v.source} (line ${v.lineNo}) and connect again.`,
        }),
      };
    }
    if (v.verdict === 'otherType') {
      return {
        ok: false,
        error: new AppError({
          kind: 'hostKeyMismatch',
          message: `${host}:${port} presented a ${keyTypeOf(key)} host key, but another key type is already known for it: ${v.knownType} ${v.knownFingerprint}. That is what an impostor without the real key would do. LabDeck refuses to connect.`,
          knownFingerprint: v.knownFingerprint,
          presentedFingerprint,
          hint: `If the host really dropped its ${v.knownType} key, remove that key from ${v.source} (line ${v.lineNo}) and connect again.`,
        }),
      };
    }
    const trustKey = `${host}|${port}|${key.toString('base64')}`;
    if (this.sessionTrust.has(trustKey)) return { ok: true };
    if (!interactive) {
      return {
        ok: false,
        error: new AppError({
          kind: 'hostKeyUnknown',
          message: `The host key of ${host}:${port} is not trusted yet. Refresh the host to review its fingerprint.`,
          presentedFingerprint,
        }),
      };
    }
    const answer = await this.opts.prompts.ask({
      kind: 'hostKey',
      host,
      port,
      keyType: keyTypeOf(key),
      fingerprint: presentedFingerprint,
    });
    if (answer?.kind !== 'hostKey' || answer.decision === 'cancel') {
      return {
        ok: false,
        error: new AppError({
          kind: 'hostKeyRejected',
          message: `The host key of ${host}:${port} was not accepted; nothing was sent to the host.`,
          presentedFingerprint,
        }),
      };
    }
    this.sessionTrust.add(trustKey);
    if (answer.decision === 'remember') await this.remember(host, port, key);
    return { ok: true };
  }

  /** Appends to LabDeck's own known_hosts (mode 0600); appends are serialised so lines never interleave. */
  remember(host: string, port: number, key: Buffer): Promise<void> {
    const line = `${formatKnownHostLine(host, port, key)}\n`;
    this.writeChain = this.writeChain.then(async () => {
      await fs.mkdir(path.dirname(this.opts.ownFile), { recursive: true, mode: 0o700 });
      await fs.appendFile(this.opts.ownFile, line, { mode: 0o600 });
    });
    return this.writeChain;
  }
}
