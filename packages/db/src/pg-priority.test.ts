import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PoolLanes, prioritisePool } from './pg-priority';
import { runInLane } from './pglite-priority';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('PostgreSQL pool lanes (ADR 0071)', () => {
  it('holds background connections to the limit while a request has one, and lets the next in when one is returned', async () => {
    const lanes = new PoolLanes(1, 60_000);
    const request = await lanes.enter('write');
    const firstBackground = await lanes.enter('background');
    let secondIn = false;
    const second = lanes.enter('background').then((leave) => ((secondIn = true), leave));
    await settled();
    expect(secondIn).toBe(false);
    expect(lanes.counts()).toEqual({ foreground: 1, background: 1, backgroundWaiting: 1 });

    firstBackground();
    (await second)();
    expect(secondIn).toBe(true);
    request();
    expect(lanes.counts()).toEqual({ foreground: 0, background: 0, backgroundWaiting: 0 });
  });

  it('lets every background waiter in once no request holds a connection', async () => {
    const lanes = new PoolLanes(1, 60_000);
    const request = await lanes.enter('interactive');
    const held = await lanes.enter('background');
    const waiting = [lanes.enter('background'), lanes.enter('background')];
    await settled();
    expect(lanes.counts().backgroundWaiting).toBe(2);
    request();
    const leaves = await Promise.all(waiting);
    expect(lanes.counts()).toEqual({ foreground: 0, background: 3, backgroundWaiting: 0 });
    [held, ...leaves].forEach((leave) => leave());
  });

  it('lets a background waiter in after the bound even while requests keep their connections', async () => {
    const lanes = new PoolLanes(1, 20);
    const request = await lanes.enter('write');
    const held = await lanes.enter('background');
    const started = performance.now();
    const leave = await lanes.enter('background');
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    [request, held, leave].forEach((done) => done());
  });

  it('counts a returned connection once, however often it is released', async () => {
    const lanes = new PoolLanes(1, 60_000);
    const request = await lanes.enter('write');
    request();
    request();
    expect(lanes.counts().foreground).toBe(0);
  });

  it.runIf(process.env.DATABASE_URL)('puts a real pool’s checkouts through the lanes, pool.query’s callback checkouts too', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const lanes = prioritisePool(pool, new PoolLanes(1, 60_000));
    try {
      const request = await runInLane('write', () => pool.connect());
      const background = await pool.connect();
      expect(lanes.counts()).toMatchObject({ foreground: 1, background: 1 });
      let answered = false;
      const query = pool.query('SELECT 1 AS one').then((result) => ((answered = true), result.rows[0]));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      expect(lanes.counts().backgroundWaiting).toBe(1);
      background.release();
      expect(await query).toEqual({ one: 1 });
      request.release();
      expect(lanes.counts()).toEqual({ foreground: 0, background: 0, backgroundWaiting: 0 });
    } finally {
      await pool.end();
    }
  });
});
