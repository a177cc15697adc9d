import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AuditEntry } from '../../../../shared/contract';
import type { EventBus } from '../event-bus';
import { AuditTail, type AuditTailOptions, type TailPosition } from './audit-tail';

const KEEP_IN_MEMORY = 5000;
const ROTATE_BYTES = 20 * 1024 * 1024;

function parseLine(line: string): AuditEntry | undefined {
  try {
    const r = AuditEntry.safeParse(JSON.parse(line));
    return r.success ? r.data : undefined;
  } catch {
    return undefined; // a torn line after a crash is skipped, not fatal
  }
}

/**
 * Every remote command, appended as one JSON line; recent entries are also kept in memory for the
 * UI. Other processes (the `labdeck` CLI) append to the same file: watch() follows it and pushes
 * their entries as `audit.appended` too.
 */
export class AuditLog {
  private recent: AuditEntry[] = [];
  /** Ids in `recent`: our own lines come back through the tail and must not be pushed twice. */
  private readonly ids = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private loading: Promise<TailPosition> | undefined;
  private tail: AuditTail | undefined;
  /** Set by stopWatching(): a watch() still loading must not start a tail after shutdown. */
  private watchStopped = false;

  constructor(
    private readonly dataDir: string,
    private readonly bus: EventBus,
  ) {}

  get file(): string {
    return path.join(this.dataDir, 'audit.jsonl');
  }

  /** Reads the file once; resolves with where it stopped (the last complete line), for the tail. */
  private load(): Promise<TailPosition> {
    this.loading ??= (async () => {
      const buf = await fs.readFile(this.file).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      const ino = buf ? ((await fs.stat(this.file).catch(() => undefined))?.ino ?? 0) : 0;
      if (!buf) return { ino, offset: 0 };
      const end = buf.lastIndexOf(0x0a) + 1;
      const lines = buf.subarray(0, end).toString('utf8').split('\n').filter(Boolean).slice(-KEEP_IN_MEMORY);
      const parsed = lines.flatMap((l) => parseLine(l) ?? []).filter((e) => !this.ids.has(e.id));
      this.recent = [...parsed, ...this.recent];
      for (const e of parsed) this.ids.add(e.id);
      this.trim();
      return { ino, offset: end };
    })().catch(() => ({ ino: 0, offset: 0 }));
    return this.loading;
  }

  private remember(entry: AuditEntry): void {
    this.recent.push(entry);
    this.ids.add(entry.id);
    this.trim();
  }

  private trim(): void {
    if (this.recent.length <= KEEP_IN_MEMORY) return;
    for (const e of this.recent.splice(0, this.recent.length - KEEP_IN_MEMORY)) this.ids.delete(e.id);
  }

  append(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const full: AuditEntry = { id: randomUUID(), ...entry };
    this.remember(full);
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

  /**
   * Follows the file for lines other processes append; each new entry is kept and pushed like our
   * own. Our own lines come back too and are recognised by id.
   */
  async watch(o?: AuditTailOptions): Promise<void> {
    if (this.tail) return;
    this.watchStopped = false;
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 }).catch(() => undefined);
    const from = await this.load();
    if (this.tail || this.watchStopped) return;
    this.tail = new AuditTail(this.file, (lines) => this.ingest(lines), from, o);
    this.tail.start();
  }

  stopWatching(): void {
    this.watchStopped = true;
    this.tail?.stop();
    this.tail = undefined;
  }

  /** Resolves when the tail has read everything on disk now (tests). */
  async caughtUp(): Promise<void> {
    await this.tail?.caughtUp();
  }

  private ingest(lines: string[]): void {
    for (const line of lines) {
      const e = parseLine(line);
      if (!e || this.ids.has(e.id)) continue;
      this.remember(e);
      this.bus.emit('audit.appended', e);
    }
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
