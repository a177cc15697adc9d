import { AppError } from '../../../../shared/contract';

/**
 * One holder at a time per key (a host id), waiters in arrival order. Composes on one pod must
 * not interleave: the name checks and the steps that follow them form one critical section.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();
  /** Holders plus waiters per key, counted synchronously so busy() is exact. */
  private readonly counts = new Map<string, number>();

  /** Whether someone holds or waits for this key (so a new job shows as queued). */
  busy(key: string): boolean {
    return (this.counts.get(key) ?? 0) > 0;
  }

  /** Resolves with a release function when it is this caller's turn; rejects when `signal` aborts first. */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = prev.then(() => mine);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let released = false;
    const once = () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
      release();
    };
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        // Our place in the queue still comes; pass it straight on so later waiters are not stuck.
        void prev.then(once);
        reject(
          new AppError({ kind: 'cancelled', message: 'Cancelled while waiting for another operation on this host.' }),
        );
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      void prev.then(() => {
        if (signal?.aborted) return;
        signal?.removeEventListener('abort', onAbort);
        resolve(once);
      });
    });
  }
}
