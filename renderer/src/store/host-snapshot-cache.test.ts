import { beforeEach, describe, expect, it } from 'vitest';
import { emptyMarks } from '../../../shared/compose/marks';
import type { HostView } from '../../../shared/contract';
import type { HostSnapshot } from '../../../shared/snapshot/types';
import { createHostSnapshotCache, type SnapshotFetch } from './host-snapshot-cache';
import { useLabStore } from './lab-store';

const snap = (takenAt: string) => ({ takenAt }) as HostSnapshot;
const host = (lastSeen: string) => ({ id: 'h1', lastSeen }) as HostView;

/** A hosts.snapshot stand-in whose answers the test releases by hand. */
function fakeFetch() {
  const calls: {
    hostId: string;
    refresh: boolean;
    resolve: (takenAt: string) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const fetch: SnapshotFetch = (hostId, refresh) =>
    new Promise((res, rej) =>
      calls.push({ hostId, refresh, resolve: (t) => res({ snapshot: snap(t), marks: emptyMarks() }), reject: rej }),
    );
  return { fetch, calls };
}

let clock = 1_000_000;
const now = () => clock;
const entry = () => useLabStore.getState().hostSnapshots.h1;

beforeEach(() => {
  clock = 1_000_000;
  useLabStore.setState({ hostSnapshots: {}, hostsById: {} });
});

describe('host snapshot cache', () => {
  it('shares one request between readers asking at the same time', async () => {
    const f = fakeFetch();
    const cache = createHostSnapshotCache(f.fetch, useLabStore, now);
    const a = cache.read('h1');
    const b = cache.read('h1');
    expect(f.calls).toHaveLength(1);
    expect(entry()?.loading).toBe(true);
    f.calls[0]!.resolve('2024-01-01T00:00:00Z');
    expect(await a).toBe(await b);
    expect(entry()).toMatchObject({
      snapshot: { takenAt: '2024-01-01T00:00:00Z' },
      loading: false,
      error: null,
      fetchedAt: clock,
    });
  });

  it('a fresh read does not join a plain one in flight, but a plain read joins a fresh one', () => {
    const f = fakeFetch();
    const cache = createHostSnapshotCache(f.fetch, useLabStore, now);
    void cache.read('h1');
    void cache.read('h1', { fresh: true });
    void cache.read('h1');
    void cache.read('h1', { fresh: true });
    expect(f.calls.map((c) => c.refresh)).toEqual([false, true]);
  });

  it('answers from the copy while it is younger than maxAgeMs, and asks again after', async () => {
    const f = fakeFetch();
    const cache = createHostSnapshotCache(f.fetch, useLabStore, now);
    const first = cache.read('h1');
    f.calls[0]!.resolve('2024-01-01T00:00:00Z');
    await first;
    clock += 30_000;
    await cache.read('h1', { maxAgeMs: 30_000 });
    expect(f.calls).toHaveLength(1);
    clock += 1;
    void cache.read('h1', { maxAgeMs: 30_000 });
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1]!.refresh).toBe(false);
    // A forced read ignores the age.
    void cache.read('h1', { fresh: true });
    expect(f.calls[2]!.refresh).toBe(true);
  });

  it('keeps the last snapshot and the error when a read fails, and clears the error on the next success', async () => {
    const f = fakeFetch();
    const cache = createHostSnapshotCache(f.fetch, useLabStore, now);
    const first = cache.read('h1');
    f.calls[0]!.resolve('2024-01-01T00:00:00Z');
    await first;
    const failed = cache.read('h1', { fresh: true });
    f.calls[1]!.reject(Object.assign(new Error('virsh: cannot connect'), { kind: 'command' }));
    const e = await failed;
    expect(e?.snapshot?.takenAt).toBe('2024-01-01T00:00:00Z');
    expect(e?.error?.message).toContain('cannot connect');
    expect(e?.loading).toBe(false);
    // A copy with an error is not good enough: the next read asks again.
    const retry = cache.read('h1');
    expect(f.calls).toHaveLength(3);
    f.calls[2]!.resolve('2024-01-01T00:01:00Z');
    expect((await retry)?.error).toBeNull();
  });

  it('a host.changed event newer than the copy marks it stale, so the next read asks the engine', async () => {
    const f = fakeFetch();
    const cache = createHostSnapshotCache(f.fetch, useLabStore, now);
    const first = cache.read('h1');
    f.calls[0]!.resolve('2024-01-01T00:00:00Z');
    await first;
    useLabStore.getState().noteHostChanged(host('2024-01-01T00:00:00Z'));
    expect(entry()?.stale).toBe(false);
    useLabStore.setState({ hostsById: { h1: host('2024-01-01T00:05:00Z') } });
    useLabStore.getState().noteHostChanged(host('2024-01-01T00:05:00Z'));
    expect(entry()?.stale).toBe(true);
    const again = cache.read('h1');
    expect(f.calls).toHaveLength(2);
    f.calls[1]!.resolve('2024-01-01T00:05:00Z');
    expect((await again)?.stale).toBe(false);
  });

  it('ignores an answer older than the snapshot held (a slow request overtaken)', async () => {
    const f = fakeFetch();
    const cache = createHostSnapshotCache(f.fetch, useLabStore, now);
    const slow = cache.read('h1');
    const fresh = cache.read('h1', { fresh: true });
    f.calls[1]!.resolve('2024-01-01T00:02:00Z');
    await fresh;
    f.calls[0]!.resolve('2024-01-01T00:01:00Z');
    await slow;
    expect(entry()?.snapshot?.takenAt).toBe('2024-01-01T00:02:00Z');
  });

  it('marks alone (a saved Marks tab) change the marks, not the age of the copy', () => {
    useLabStore.getState().putHostSnapshot('h1', { snapshot: snap('2024-01-01T00:00:00Z') }, 5);
    const marks = { ...emptyMarks(), subnets: { '10.0.0.0/24': { space: 'dmz', externalDhcp: false, tags: [] } } };
    useLabStore.getState().putHostSnapshot('h1', { marks }, 99);
    expect(entry()).toMatchObject({ fetchedAt: 5, marks });
  });
});
