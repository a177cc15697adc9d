import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostService } from './host-service';
import { RefreshScheduler } from './refresh-scheduler';

/** Only what the scheduler calls: the host list and refresh, with outcomes the test decides. */
function hostsDouble(ids: string[], ok: (id: string) => boolean) {
  const calls: { id: string; at: number; interactive: boolean }[] = [];
  const hosts = {
    configs: () => ids.map((id) => ({ id })),
    refresh: (id: string, o: { interactive: boolean }) => {
      calls.push({ id, at: Date.now(), interactive: o.interactive });
      return ok(id) ? Promise.resolve({}) : Promise.reject(new Error('offline'));
    },
  } as unknown as HostService;
  return { hosts, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('RefreshScheduler', () => {
  it('refreshes every host soon after start, then on the interval, never interactively', async () => {
    const { hosts, calls } = hostsDouble(['a', 'b'], () => true);
    const s = new RefreshScheduler(hosts, { intervalMs: 60_000, jitter: 0, maxBackoffMs: 600_000 });
    s.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls.map((c) => c.id).sort()).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => !c.interactive)).toBe(true);
    s.stop();
  });

  it('backs off an offline host, doubling up to the cap, and resets when it answers', async () => {
    let up = false;
    const { hosts, calls } = hostsDouble(['a'], () => up);
    const s = new RefreshScheduler(hosts, { intervalMs: 10_000, jitter: 0, maxBackoffMs: 40_000 });
    s.start();
    await vi.advanceTimersByTimeAsync(200_000);
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps.slice(0, 4)).toEqual([20_000, 40_000, 40_000, 40_000]);
    up = true;
    s.noteResult('a', true);
    const n = calls.length;
    await vi.advanceTimersByTimeAsync(100_000);
    const after = calls
      .slice(n - 1)
      .map((c, i, all) => (i === 0 ? 0 : c.at - all[i - 1]!.at))
      .slice(2);
    expect(after.every((g) => g === 10_000)).toBe(true);
    s.stop();
  });

  it('polls a live host only at the slow safety-net interval', async () => {
    const { hosts, calls } = hostsDouble(['live', 'polled'], () => true);
    const s = new RefreshScheduler(hosts, {
      intervalMs: 60_000,
      jitter: 0,
      maxBackoffMs: 600_000,
      liveIntervalMs: 600_000,
      isLive: (id) => id === 'live',
    });
    s.start();
    await vi.advanceTimersByTimeAsync(5_000 + 600_000);
    expect(calls.filter((c) => c.id === 'polled')).toHaveLength(11);
    expect(calls.filter((c) => c.id === 'live')).toHaveLength(2);
    s.stop();
  });

  it('forgets removed hosts and picks up new ones on sync', async () => {
    const ids = ['a'];
    const { hosts, calls } = hostsDouble(ids, () => true);
    const s = new RefreshScheduler(hosts, { intervalMs: 10_000, jitter: 0, maxBackoffMs: 40_000 });
    s.start();
    ids.splice(0, 1, 'b');
    s.sync();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(new Set(calls.map((c) => c.id))).toEqual(new Set(['b']));
    s.stop();
  });

  it('a sync while a host is being refreshed gives it no second timer (sync runs on every host.changed)', async () => {
    const calls: string[] = [];
    let finish: () => void = () => undefined;
    const hosts = {
      configs: () => [{ id: 'a' }],
      refresh: (id: string) => {
        calls.push(id);
        return new Promise((resolve) => (finish = () => resolve({})));
      },
    } as unknown as HostService;
    const s = new RefreshScheduler(hosts, { intervalMs: 10_000, jitter: 0, maxBackoffMs: 40_000 });
    s.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    // The refresh is running (it emitted host.changed): syncing now must not start another look.
    s.sync();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    s.stop();
  });
});
