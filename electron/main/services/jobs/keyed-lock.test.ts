import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock';

describe('KeyedLock', () => {
  it('serialises holders of one key, in order, and lets other keys through', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const r1 = await lock.acquire('h');
    const p2 = lock.acquire('h').then((r) => (order.push('second'), r));
    const other = await lock.acquire('g');
    order.push('other');
    other();
    expect(lock.busy('h')).toBe(true);
    order.push('first done');
    r1();
    (await p2)();
    expect(order).toEqual(['other', 'first done', 'second']);
    expect(lock.busy('h')).toBe(false);
  });

  it('a waiter that is cancelled gives up its turn without blocking the next one', async () => {
    const lock = new KeyedLock();
    const r1 = await lock.acquire('h');
    const ac = new AbortController();
    const p2 = lock.acquire('h', ac.signal);
    const p3 = lock.acquire('h');
    ac.abort();
    await expect(p2).rejects.toMatchObject({ shape: { kind: 'cancelled' } });
    r1();
    const r3 = await p3;
    r3();
  });
});
