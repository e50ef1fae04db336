/**
 * Multi-granularity locks (table → partition → item) for the local DynamoDB
 * front. A transaction holds its items exclusively (X) and marks their table
 * and partition (IX); a reader of items holds them shared (S); a query of one
 * partition holds that partition S, a scan or index query the whole table S.
 * So a reader waits only for transactions on what it reads, and transactions
 * on other items or partitions run at the same time.
 *
 * Each resource grants strictly first come, first served, and a request takes
 * its resources one by one in one global order (sorted ids), so no two
 * requests can wait for each other in a cycle.
 */
export type LockMode = 'IS' | 'IX' | 'S' | 'X';

const COMPATIBLE: Record<LockMode, ReadonlySet<LockMode>> = {
  IS: new Set(['IS', 'IX', 'S']),
  IX: new Set(['IS', 'IX']),
  S: new Set(['IS', 'S']),
  X: new Set(),
};

/** The weakest mode that covers both (S with IX is approximated by X). */
function combine(a: LockMode, b: LockMode): LockMode {
  if (a === b) return a;
  if (a === 'X' || b === 'X') return 'X';
  const both = new Set([a, b]);
  if (both.has('S') && both.has('IX')) return 'X';
  if (both.has('S')) return 'S';
  return 'IX';
}

interface Waiter {
  readonly mode: LockMode;
  granted: boolean;
  readonly grant: () => void;
}

export class LockTable {
  private readonly queues = new Map<string, Waiter[]>();

  /** Takes every requested lock (waiting as needed); resolves to the function that releases them all. */
  async acquire(requests: Iterable<readonly [string, LockMode]>): Promise<() => void> {
    const wanted = new Map<string, LockMode>();
    for (const [id, mode] of requests) wanted.set(id, wanted.has(id) ? combine(wanted.get(id)!, mode) : mode);
    const held: [string, Waiter][] = [];
    for (const id of [...wanted.keys()].sort()) {
      let grant!: () => void;
      const granted = new Promise<void>((resolve) => (grant = resolve));
      const waiter: Waiter = { mode: wanted.get(id)!, granted: false, grant };
      const queue = this.queues.get(id) ?? [];
      this.queues.set(id, queue);
      queue.push(waiter);
      held.push([id, waiter]);
      this.grantWaiting(queue);
      await granted;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [id, waiter] of held) {
        const queue = this.queues.get(id)!;
        queue.splice(queue.indexOf(waiter), 1);
        if (queue.length === 0) this.queues.delete(id);
        else this.grantWaiting(queue);
      }
    };
  }

  /** Resources someone holds or waits for (for tests and diagnostics). */
  get size(): number {
    return this.queues.size;
  }

  // Grants waiters in arrival order while each is compatible with everything granted before it.
  private grantWaiting(queue: Waiter[]): void {
    for (let i = 0; i < queue.length; i++) {
      const waiter = queue[i]!;
      if (waiter.granted) continue;
      if (!queue.slice(0, i).every((earlier) => earlier.granted && COMPATIBLE[earlier.mode].has(waiter.mode))) return;
      waiter.granted = true;
      waiter.grant();
    }
  }
}
