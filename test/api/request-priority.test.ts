import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { currentLane, transactionLines, type Lane } from '@kuaibao/db';
import { login, type Client } from './client';
import { startTestServer } from './server';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * On PGlite a request's database work goes before the workers' background transactions (ADR 0065), statement by
 * statement: a request of k statements waits behind at most k background transactions, not behind the whole line.
 * PostgreSQL has a pool and no such line: nothing to show there.
 */
describe.skipIf(Boolean(process.env.DATABASE_URL))('requests ahead of background transactions on PGlite', () => {
  let server: RunningServer;
  let reader: Client;
  beforeAll(async () => {
    server = await startTestServer();
    reader = await login(server.url, 'lx_duty');
  });
  afterAll(() => server.close());

  it('serves an inbox read’s statements before 20 background transactions queued ahead of it', { timeout: 120_000 }, async () => {
    const { prisma } = server.deps.db;
    const lock = transactionLines.get(prisma)!;
    lock.maxBackgroundWaitMs = 600_000; // a loaded machine must not turn the order
    // The lane of each piece of work in the order the line served it.
    const served: Lane[] = [];
    const runExclusive = lock.runExclusive.bind(lock);
    lock.runExclusive = (fn, lane = currentLane()) =>
      runExclusive(() => {
        served.push(lane);
        return fn();
      }, lane);
    let open!: () => void;
    const holding = new Promise<void>((resolve) => (open = resolve));
    const holder = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await holding;
    }, { maxWait: 60_000, timeout: 60_000 });
    while (!lock.locked) await turn();
    const background = Array.from({ length: 20 }, () => prisma.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 60_000 }));
    while (lock.queued().background < 20) await turn();
    served.length = 0;
    const inbox = reader.get('/api/tasks');
    while (lock.queued().interactive < 1) await turn();
    open();
    const [answer] = await Promise.all([inbox, holder, ...background]);

    expect(answer.status).toBe(200);
    const interactive = served.flatMap((lane, i) => (lane === 'interactive' ? [i] : []));
    expect(interactive.length).toBeGreaterThan(0);
    // First in line: the request's first statement; each later one waits for at most the one work in hand when it asked.
    expect(interactive[0]).toBe(0);
    expect(interactive.at(-1), served.join(', ')).toBeLessThan(2 * interactive.length);
  });
});
