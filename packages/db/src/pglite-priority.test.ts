import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { openMemoryPGlite } from './client';
import { PriorityLock, prioritiseTransactions, runInLane, transactionLines } from './pglite-priority';

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Waits until `lock` has `n` waiters in all (they queue asynchronously, behind PGlite's readiness check). */
async function untilQueued(lock: PriorityLock, n: number) {
  while (Object.values(lock.queued()).reduce((a, b) => a + b) < n) await new Promise((resolve) => setImmediate(resolve));
}

describe('PGlite priority lane (ADR 0065)', () => {
  it('serves an interactive query, then a request’s write, before background transactions queued ahead of them', async () => {
    const db = new PGlite();
    const lock = prioritiseTransactions(db, new PriorityLock(60_000));
    try {
      await db.exec('CREATE TABLE served (n serial PRIMARY KEY, who text NOT NULL)');
      const holding = gate();
      const first = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO served (who) VALUES ('holder')`);
        await holding.opened;
      });
      const background = [1, 2, 3].map((i) => db.transaction((tx) => tx.query(`INSERT INTO served (who) VALUES ('background ${i}')`)));
      await untilQueued(lock, 3);
      const write = runInLane('write', () => db.transaction((tx) => tx.query(`INSERT INTO served (who) VALUES ('write')`)));
      await untilQueued(lock, 4);
      const interactive = runInLane('interactive', () => db.query(`INSERT INTO served (who) VALUES ('interactive')`));
      await untilQueued(lock, 5);
      expect(lock.queued()).toEqual({ interactive: 1, write: 1, background: 3 });
      holding.open();
      await Promise.all([first, ...background, write, interactive]);
      const order = await db.query<{ who: string }>('SELECT who FROM served ORDER BY n');
      expect(order.rows.map((r) => r.who)).toEqual(['holder', 'interactive', 'write', 'background 1', 'background 2', 'background 3']);
    } finally {
      await db.close();
    }
  });

  it('serves a background waiter first once it has waited the bound', async () => {
    const db = new PGlite();
    const lock = prioritiseTransactions(db, new PriorityLock(0));
    try {
      await db.exec('CREATE TABLE served (n serial PRIMARY KEY, who text NOT NULL)');
      const holding = gate();
      const first = db.transaction(async () => holding.opened);
      const background = db.query(`INSERT INTO served (who) VALUES ('background')`);
      await untilQueued(lock, 1);
      const interactive = runInLane('interactive', () => db.query(`INSERT INTO served (who) VALUES ('interactive')`));
      await untilQueued(lock, 2);
      holding.open();
      await Promise.all([first, background, interactive]);
      const order = await db.query<{ who: string }>('SELECT who FROM served ORDER BY n');
      expect(order.rows.map((r) => r.who)).toEqual(['background', 'interactive']);
    } finally {
      await db.close();
    }
  });

  it('puts an interactive Prisma read ahead of queued background Prisma transactions on the project’s PGlite', async () => {
    const { db } = await openMemoryPGlite();
    try {
      const lock = transactionLines.get(db.prisma)!;
      lock.maxBackgroundWaitMs = 60_000; // a loaded machine must not turn the order
      const served: string[] = [];
      const holding = gate();
      const holder = db.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await holding.opened;
      });
      while (!lock.locked) await new Promise((resolve) => setImmediate(resolve));
      const background = [1, 2].map((i) =>
        db.prisma.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT 1`;
            served.push(`background ${i}`);
          },
          { maxWait: 60_000 },
        ),
      );
      await untilQueued(lock, 2);
      const interactive = runInLane('interactive', async () => {
        await db.prisma.orgUnit.count();
        served.push('interactive');
      });
      await untilQueued(lock, 3);
      expect(lock.queued()).toEqual({ interactive: 1, write: 0, background: 2 });
      holding.open();
      await Promise.all([holder, ...background, interactive]);
      expect(served).toEqual(['interactive', 'background 1', 'background 2']);
    } finally {
      await db.close();
    }
  });
});
