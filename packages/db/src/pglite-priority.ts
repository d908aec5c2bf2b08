import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite is one connection: every statement outside a transaction and every transaction waits for the one before it,
 * first come first served. Under load the embedded workers' engine steps (a transaction each) fill that line, and a
 * person's request — an inbox read, a submit — waits behind all of them (docs/adr/0065). Here the line has three
 * lanes, served in this order, each in arrival order: reads of an HTTP request ("interactive": GET, marked by the API's
 * request-priority middleware), an HTTP request's writes ("write"), then background work (the workers, the scheduler,
 * maintenance; anything unmarked). A waiter of a later lane that has waited `maxBackgroundWaitMs` is served first
 * (the longest waiting of those), so writes and the flow move on under constant reads.
 */
export type Lane = 'interactive' | 'write' | 'background';
const ORDER: readonly Lane[] = ['interactive', 'write', 'background'];

const lanes = new AsyncLocalStorage<Lane>();

/** Runs `fn` with its database work (and everything it starts) in `lane`. */
export function runInLane<T>(lane: Lane, fn: () => T): T {
  return lanes.run(lane, fn);
}

/** The lane of the work running now: background unless marked. */
export function currentLane(): Lane {
  return lanes.getStore() ?? 'background';
}

/** The lock of each PGlite-backed PrismaClient the project opened (tests and diagnostics). */
export const transactionLines = new WeakMap<object, PriorityLock>();

interface Waiter {
  grant: () => void;
  since: number;
}

/** A mutex whose waiters are served by lane, a later lane's waiter first once it has waited too long. */
export class PriorityLock {
  private held = false;
  private readonly waiting: Record<Lane, Waiter[]> = { interactive: [], write: [], background: [] };

  /** @param maxBackgroundWaitMs how long a waiter of a later lane may be passed over. */
  constructor(public maxBackgroundWaitMs = 1000) {}

  async runExclusive<T>(fn: () => Promise<T>, lane: Lane = currentLane()): Promise<T> {
    await this.acquire(lane);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  /** Whether someone holds the lock. */
  get locked(): boolean {
    return this.held;
  }

  /** Waiters by lane (for tests and diagnostics). */
  queued(): Record<Lane, number> {
    return { interactive: this.waiting.interactive.length, write: this.waiting.write.length, background: this.waiting.background.length };
  }

  private acquire(lane: Lane): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise<void>((grant) => this.waiting[lane].push({ grant, since: performance.now() }));
  }

  private release(): void {
    const next = this.next();
    if (next) next.grant();
    else this.held = false;
  }

  private next(): Waiter | undefined {
    // The longest-waiting head of a later lane, if it has waited the bound; else the first lane's head.
    const overdueBefore = performance.now() - this.maxBackgroundWaitMs;
    let overdue: Lane | undefined;
    for (const lane of ORDER.slice(1)) {
      const head = this.waiting[lane][0];
      if (head && head.since <= overdueBefore && (!overdue || head.since < this.waiting[overdue][0]!.since)) overdue = lane;
    }
    if (overdue) return this.waiting[overdue].shift();
    for (const lane of ORDER) if (this.waiting[lane].length > 0) return this.waiting[lane].shift();
    return undefined;
  }
}

/**
 * Puts PGlite's transaction line (the mutex every query, exec and transaction outside a transaction takes: PGlite
 * 0.3's `_runExclusiveTransaction`) on a PriorityLock. Statements inside a transaction take only the query mutex, as
 * before. Fails loudly if a PGlite upgrade renames the method.
 */
export function prioritiseTransactions(db: PGlite, lock = new PriorityLock()): PriorityLock {
  const target = db as PGlite & { _runExclusiveTransaction?: unknown };
  if (typeof target._runExclusiveTransaction !== 'function') {
    throw new Error('PGlite has no _runExclusiveTransaction: the priority lane (docs/adr/0065) needs updating for this PGlite version');
  }
  target._runExclusiveTransaction = <T>(fn: () => Promise<T>) => lock.runExclusive(fn);
  return lock;
}
