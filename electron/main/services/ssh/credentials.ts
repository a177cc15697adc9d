import { promises as fs } from 'node:fs';
import { utils, type ParsedKey } from 'ssh2';
import { AppError } from '../../../../shared/contract';
import type { PromptBroker } from '../prompts/prompt-broker';
import { endpointKey, expandHome, type SshEndpoint } from './endpoint';
import type { SecretStore } from './secret-store';

export { expandHome };

/** Supplies keys, passphrases and passwords, asking the user through the prompt broker when needed. */
export class Credentials {
  constructor(
    private readonly prompts: PromptBroker,
    private readonly secrets: SecretStore,
  ) {}

  async privateKey(
    e: SshEndpoint & { auth: { method: 'key'; keyPath: string } },
    interactive: boolean,
  ): Promise<ParsedKey> {
    const keyPath = expandHome(e.auth.keyPath);
    let data: Buffer;
    try {
      data = await fs.readFile(keyPath);
    } catch (err) {
      throw new AppError({
        kind: 'auth',
        message: `Cannot read key file ${keyPath}: ${(err as Error).message}`,
      });
    }
    const secretKey = `passphrase:${keyPath}`;
    let passphrase = await this.secrets.get(secretKey);
    for (let attempt = 0; attempt < 4; attempt++) {
      const parsed = utils.parseKey(data, passphrase);
      const key = Array.isArray(parsed) ? parsed[0] : parsed;
      if (key && !(key instanceof Error)) return key;
      const msg = key instanceof Error ? key.message : 'unreadable key';
      if (!/passphrase|encrypted|decrypt/i.test(msg)) {
        throw new AppError({ kind: 'auth', message: `Key file ${keyPath} is not a usable private key: ${msg}` });
      }
      if (!interactive) {
        throw new AppError({
          kind: 'auth',
          message: `The key ${keyPath} needs its passphrase: refresh the host to enter it.`,
        });
      }
      const answer = await this.prompts.ask({
        kind: 'secret',
        secretKind: 'passphrase',
        host: e.address,
        port: e.port,
        user: e.user,
        keyPath,
        retry: attempt > 0 || passphrase !== undefined,
      });
      if (answer?.kind !== 'secret' || answer.value === null) {
        throw new AppError({ kind: 'cancelled', message: `No passphrase given for ${keyPath}.` });
      }
      passphrase = answer.value;
      // Passphrases are kept for this run only: the key file itself is what needs protecting.
      await this.secrets.set(secretKey, passphrase, false);
    }
    throw new AppError({ kind: 'auth', message: `Wrong passphrase for ${keyPath}.` });
  }

  async password(e: SshEndpoint, retry: boolean, interactive: boolean): Promise<string> {
    const secretKey = `password:${endpointKey(e)}`;
    if (!retry) {
      const known = await this.secrets.get(secretKey);
      if (known !== undefined) return known;
    } else {
      await this.secrets.forget(secretKey);
    }
    if (!interactive) {
      throw new AppError({
        kind: 'auth',
        message: `A password is needed for ${e.user}@${e.address}: refresh the host to enter it.`,
      });
    }
    const answer = await this.prompts.ask({
      kind: 'secret',
      secretKind: 'password',
      host: e.address,
      port: e.port,
      user: e.user,
      retry,
      cannotRemember: this.secrets.cannotPersistReason,
    });
    if (answer?.kind !== 'secret' || answer.value === null) {
      throw new AppError({ kind: 'cancelled', message: `No password given for ${e.user}@${e.address}.` });
    }
    await this.secrets.set(secretKey, answer.value, answer.remember && this.secrets.canPersist);
    return answer.value;
  }
}
