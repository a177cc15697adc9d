import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AuditEntry } from '../../../../shared/contract';
import type { EventBus } from '../event-bus';
import { readFileIfExists } from '../storage/atomic-file';

const KEEP_IN_MEMORY = 5000;
const ROTATE_BYTES = 20 * 1024 * 1024;

/** Every remote command, appended as one JSON line; recent entries are also kept in memory for the UI. */
export class AuditLog {
  private recent: AuditEntry[] = [];
  private chain: Promise<void> = Promise.resolve();
  private loaded = false;

  constructor(
    private readonly dataDir: string,
    private readonly bus: EventBus,
  ) {}

  get file(): string {
    return path.join(this.dataDir, 'audit.jsonl');
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const text = await readFileIfExists(this.file);
    if (!text) return;
    const lines = text.split('\n').filter(Boolean).slice(-KEEP_IN_MEMORY);
    const parsed = lines.flatMap((l) => {
      try {
        const r = AuditEntry.safeParse(JSON.parse(l));
        return r.success ? [r.data] : [];
      } catch {
        return []; // a torn last line after a crash is skipped, not fatal
      }
    });
    this.recent = [...parsed, ...this.recent];
  }

  append(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const full: AuditEntry = { id: randomUUID(), ...entry };
    this.recent.push(full);
    if (this.recent.length > KEEP_IN_MEMORY) this.recent.splice(0, this.recent.length - KEEP_IN_MEMORY);
    this.bus.emit('audit.appended', full);
    this.chain = this.chain
      .then(() => this.load())
      .then(async () => {
        await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
        await this.rotateIfLarge();
        await fs.appendFile(this.file, `${JSON.stringify(full)}\n`, { mode: 0o600 });
      })
      .catch(() => undefined);
    return full;
  }

  private async rotateIfLarge(): Promise<void> {
    const st = await fs.stat(this.file).catch(() => undefined);
    if (st && st.size > ROTATE_BYTES) await fs.rename(this.file, `${this.file}.1`);
  }

  async list(filter: { hostId?: string; limit: number }): Promise<AuditEntry[]> {
    await this.chain;
    await this.load();
    const rows = filter.hostId ? this.recent.filter((e) => e.hostId === filter.hostId) : this.recent;
    return rows.slice(-filter.limit).reverse();
  }

  /** Resolves when everything appended so far is on disk. */
  flushed(): Promise<void> {
    return this.chain;
  }
}
