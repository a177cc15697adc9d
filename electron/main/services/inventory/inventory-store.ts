import { promises as fs } from 'node:fs';
import path from 'node:path';
import { emptyInventory, migrateInventory, type InventoryDocument } from '../../../../shared/inventory/document';
import { readFileIfExists, writeFileAtomic } from '../storage/atomic-file';

/**
 * The inventory document on disk: zod-validated, migrated, written atomically, with the previous
 * good version kept as `.bak`. A corrupt file never stops the app: it is moved aside and reported.
 */
export class InventoryStore {
  private doc: InventoryDocument = emptyInventory();
  private chain: Promise<void> = Promise.resolve();
  readonly notices: string[] = [];
  /** Set when load() found the file unreadable and moved it aside (where to, and whether .bak was restored). */
  movedAside: { reason: string; movedTo: string; restoredFromBackup: boolean } | undefined;

  constructor(private readonly file: string) {}

  get backupFile(): string {
    return `${this.file}.bak`;
  }

  async load(): Promise<InventoryDocument> {
    const main = await this.tryRead(this.file);
    if (main.ok) {
      this.doc = main.doc;
      return this.doc;
    }
    if (main.reason !== 'missing') {
      const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.rename(this.file, aside).catch(() => undefined);
      const bak = await this.tryRead(this.backupFile);
      this.movedAside = { reason: main.reason, movedTo: aside, restoredFromBackup: bak.ok };
      if (bak.ok) {
        this.doc = bak.doc;
        await writeFileAtomic(this.file, serialise(this.doc));
        this.notices.push(
          `The inventory file was unreadable (${main.reason}); it was moved to ${path.basename(aside)} and the last good copy was restored.`,
        );
      } else {
        this.doc = emptyInventory();
        this.notices.push(
          `The inventory file was unreadable (${main.reason}) and no good backup exists; it was moved to ${path.basename(aside)} and LabDeck started with an empty inventory.`,
        );
      }
    }
    return this.doc;
  }

  private async tryRead(file: string): Promise<{ ok: true; doc: InventoryDocument } | { ok: false; reason: string }> {
    let text: string | undefined;
    try {
      text = await readFileIfExists(file);
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
    if (text === undefined) return { ok: false, reason: 'missing' };
    try {
      return { ok: true, doc: migrateInventory(JSON.parse(text)) };
    } catch (err) {
      return { ok: false, reason: (err as Error).message.split('\n')[0] ?? 'invalid' };
    }
  }

  get current(): InventoryDocument {
    return this.doc;
  }

  /** Resolves when every write asked for so far is on disk (or failed). */
  flushed(): Promise<void> {
    return this.chain;
  }

  /**
   * Applies a change and persists it; writes are serialised, and the in-memory document only moves
   * on once the new version is safely on disk.
   */
  update(change: (doc: InventoryDocument) => InventoryDocument): Promise<InventoryDocument> {
    const run = this.chain.then(async () => {
      const next = migrateInventory(change(structuredClone(this.doc)));
      const previous = await readFileIfExists(this.file);
      if (previous !== undefined) await writeFileAtomic(this.backupFile, previous);
      await writeFileAtomic(this.file, serialise(next));
      this.doc = next;
      return next;
    });
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

function serialise(doc: InventoryDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
