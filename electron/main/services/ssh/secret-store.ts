import path from 'node:path';
import { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from '../storage/atomic-file';

/** Encrypts at rest; the desktop app supplies Electron's safeStorage, the web host has none. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

const SecretsFile = z.record(z.string(), z.string());

/**
 * Passwords the user asked LabDeck to remember. Without a cipher they live in memory for this run
 * only: never written in plain text.
 */
export class SecretStore {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly dataDir: string,
    private readonly cipher: SecretCipher | undefined,
    /** Why passwords cannot be remembered (no cipher): shown in the password prompt. */
    private readonly noCipherReason = 'This LabDeck has no OS keyring: passwords stay in memory for this run only.',
  ) {}

  get canPersist(): boolean {
    return this.cipher !== undefined;
  }

  /** Undefined when passwords can be remembered; otherwise the reason, in words for the user. */
  get cannotPersistReason(): string | undefined {
    return this.cipher ? undefined : this.noCipherReason;
  }

  private get file(): string {
    return path.join(this.dataDir, 'secrets.json');
  }

  /** The encrypted entries on disk; an unreadable file counts as empty rather than breaking logins. */
  private async readAll(): Promise<Record<string, string>> {
    const text = await readFileIfExists(this.file).catch(() => undefined);
    if (!text) return {};
    try {
      return SecretsFile.safeParse(JSON.parse(text)).data ?? {};
    } catch {
      return {};
    }
  }

  async get(key: string): Promise<string | undefined> {
    const mem = this.memory.get(key);
    if (mem !== undefined || !this.cipher) return mem;
    const enc = (await this.readAll())[key];
    if (!enc) return undefined;
    try {
      return this.cipher.decrypt(Buffer.from(enc, 'base64'));
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, persist: boolean): Promise<void> {
    this.memory.set(key, value);
    if (!persist || !this.cipher) return;
    const all = await this.readAll();
    all[key] = this.cipher.encrypt(value).toString('base64');
    await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
  }

  async forget(key: string): Promise<void> {
    this.memory.delete(key);
    const all = await this.readAll();
    if (!(key in all)) return;
    delete all[key];
    await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
  }
}
