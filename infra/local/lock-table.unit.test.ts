import { describe, expect, it } from 'vitest';
import { LockTable } from './lock-table';

const tick = () => new Promise((r) => setImmediate(r));

describe('LockTable', () => {
  it('makes an exclusive lock wait for shared holders, and later readers wait behind it (first come, first served)', async () => {
    const locks = new LockTable();
    const reader = await locks.acquire([['item', 'S']]);
    const order: string[] = [];
    const writer = locks.acquire([['item', 'X']]).then((release) => (order.push('writer'), release));
    const lateReader = locks.acquire([['item', 'S']]).then((release) => (order.push('late reader'), release));
    await tick();
    expect(order).toEqual([]);
    reader();
    (await writer)();
    (await lateReader)();
    expect(order).toEqual(['writer', 'late reader']);
    expect(locks.size).toBe(0);
  });

  it('lets intention locks of writers share a table and partition, but not with a reader of the whole partition', async () => {
    const locks = new LockTable();
    const a = await locks.acquire([['table', 'IX'], ['p1', 'IX'], ['p1/a', 'X']]);
    const b = await locks.acquire([['table', 'IX'], ['p1', 'IX'], ['p1/b', 'X']]);
    let queried = false;
    const query = locks.acquire([['p1', 'S']]).then((release) => ((queried = true), release));
    const other = await locks.acquire([['table', 'IX'], ['p2', 'IX'], ['p2/c', 'X']]);
    await tick();
    expect(queried).toBe(false);
    a();
    await tick();
    expect(queried).toBe(false);
    b();
    (await query)();
    other();
    expect(locks.size).toBe(0);
  });

  it('never deadlocks two requests that name the same resources in opposite orders', async () => {
    const locks = new LockTable();
    const runs = Array.from({ length: 50 }, async (_, i) => {
      const release = await locks.acquire(i % 2 ? [['x', 'X'], ['y', 'X']] : [['y', 'X'], ['x', 'X']]);
      await tick();
      release();
    });
    await Promise.all(runs);
    expect(locks.size).toBe(0);
  });
});
