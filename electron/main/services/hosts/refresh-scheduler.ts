import type { HostService } from './host-service';

export type SchedulerOptions = {
  intervalMs: number;
  /** Fraction of the interval added at random, so a hundred hosts are not all polled in the same second. */
  jitter: number;
  maxBackoffMs: number;
  /** A host whose changes arrive live is polled only this often: a safety net. */
  liveIntervalMs?: number;
  isLive?: (id: string) => boolean;
};

/**
 * Background refresh: every host on its own timer; a host that failed is retried less and less
 * often (doubling, capped) until it answers again. Background refreshes never prompt the user.
 */
export class RefreshScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Hosts on a timer or being refreshed right now: sync() gives each exactly one. */
  private readonly known = new Set<string>();
  private readonly failures = new Map<string, number>();
  private stopped = true;

  constructor(
    private readonly hosts: HostService,
    private readonly o: SchedulerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.sync();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.known.clear();
  }

  /** Picks up hosts added or removed since the last call. */
  sync(): void {
    if (this.stopped) return;
    const ids = new Set(this.hosts.configs().map((h) => h.id));
    for (const id of this.known) {
      if (!ids.has(id)) {
        clearTimeout(this.timers.get(id));
        this.timers.delete(id);
        this.known.delete(id);
        this.failures.delete(id);
      }
    }
    // New hosts get a first look soon (spread over a few seconds), then settle into the interval.
    // A host whose refresh is running has no timer but is known: it is rescheduled when that ends.
    for (const id of ids) {
      if (this.known.has(id)) continue;
      this.known.add(id);
      this.schedule(id, Math.min(this.o.intervalMs, 5000) * Math.random());
    }
  }

  /** A manual refresh resets the backoff: the user has just told us to try again. */
  noteResult(id: string, ok: boolean): void {
    if (ok) this.failures.delete(id);
    else this.failures.set(id, (this.failures.get(id) ?? 0) + 1);
  }

  private delayFor(id: string): number {
    const n = this.failures.get(id) ?? 0;
    const interval = this.o.liveIntervalMs && this.o.isLive?.(id) ? this.o.liveIntervalMs : this.o.intervalMs;
    const base = Math.min(Math.max(this.o.maxBackoffMs, interval), interval * 2 ** n);
    return base * (1 + this.o.jitter * Math.random());
  }

  private schedule(id: string, delay: number): void {
    const t = setTimeout(() => {
      this.timers.delete(id);
      if (this.stopped || !this.known.has(id)) return;
      this.hosts
        .refresh(id, { interactive: false })
        .then(
          () => this.noteResult(id, true),
          () => this.noteResult(id, false),
        )
        .finally(() => {
          if (!this.stopped && this.known.has(id) && this.hosts.configs().some((h) => h.id === id))
            this.schedule(id, this.delayFor(id));
        });
    }, delay);
    t.unref?.();
    this.timers.set(id, t);
  }
}
