import { watch, promises as fs, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Where the reader stands in the file: its inode (a rotation makes a new one) and the bytes consumed. */
export type TailPosition = { ino: number; offset: number };

export type AuditTailOptions = {
  /** Safety-net poll when fs.watch works (it can miss events on some filesystems). */
  pollMs?: number;
  /** Poll when fs.watch is not available at all. */
  fallbackPollMs?: number;
};

const NEWLINE = 0x0a;

/**
 * Follows a JSON-lines file that other processes (the `labdeck` CLI) append to: hands over each
 * complete new line once. A torn last line waits for its newline; a truncated or replaced
 * (rotated) file is read again from its start, after the rest of the rotated-away file.
 */
export class AuditTail {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private partial = Buffer.alloc(0);
  private reading: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly onLines: (lines: string[]) => void,
    private position: TailPosition,
    private readonly o: AuditTailOptions = {},
  ) {}

  start(): void {
    const dir = path.dirname(this.file);
    const base = path.basename(this.file);
    let pollMs = this.o.pollMs ?? 2000;
    try {
      // The folder, not the file: a rotation renames the file away, and a watch on it would follow the old one.
      this.watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (!name || name === base) this.poke();
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      pollMs = this.o.fallbackPollMs ?? 500;
    }
    this.timer = setInterval(() => this.poke(), pollMs);
    this.timer.unref();
    this.poke();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
  }

  /** Resolves once everything on disk now has been handed over (tests, and shutdown). */
  async caughtUp(): Promise<void> {
    this.poke();
    while (this.reading) await this.reading;
  }

  /** One read at a time; a poke during a read runs one more read after it. */
  private poke(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew()
      .catch(() => undefined) // a vanished or unreadable file is retried on the next poke
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async readNew(): Promise<void> {
    const st = await fs.stat(this.file).catch(() => undefined);
    if (!st) return; // rotated away and not yet recreated
    if (st.ino !== this.position.ino) {
      await this.finishRotated();
      this.position = { ino: st.ino, offset: 0 };
      this.partial = Buffer.alloc(0);
    } else if (st.size < this.position.offset) {
      // Truncated in place: what is there now is new.
      this.position = { ino: st.ino, offset: 0 };
      this.partial = Buffer.alloc(0);
    }
    await this.readFrom(this.file, st.size);
  }

  /** Lines appended to the old file between our last read and its rotation to FILE.1. */
  private async finishRotated(): Promise<void> {
    const old = `${this.file}.1`;
    const st = await fs.stat(old).catch(() => undefined);
    if (st && st.ino === this.position.ino && st.size > this.position.offset) await this.readFrom(old, st.size);
  }

  private async readFrom(file: string, size: number): Promise<void> {
    if (size <= this.position.offset) return;
    const handle = await fs.open(file, 'r');
    try {
      const buf = Buffer.alloc(size - this.position.offset);
      const { bytesRead } = await handle.read(buf, 0, buf.length, this.position.offset);
      this.position = { ...this.position, offset: this.position.offset + bytesRead };
      const chunk = Buffer.concat([this.partial, buf.subarray(0, bytesRead)]);
      const end = chunk.lastIndexOf(NEWLINE);
      // Bytes, not text, are kept back: a line torn inside a UTF-8 character decodes whole later.
      this.partial = end < 0 ? chunk : chunk.subarray(end + 1);
      if (end < 0) return;
      const lines = chunk
        .subarray(0, end)
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      if (lines.length) this.onLines(lines);
    } finally {
      await handle.close();
    }
  }
}
