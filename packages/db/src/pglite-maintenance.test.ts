import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client';
import { maintainPglite, startPgliteMaintenance, walSinceCheckpoint } from './pglite-maintenance';

const MB = 1024 * 1024;

/** PGlite runs none of PostgreSQL's background workers: the server vacuums and checkpoints itself (ADR 0016, 0019). */
describe('PGlite maintenance', () => {
  let db: Database;
  const vacuums = async (table = 'inbox_task_viewer') =>
    (await db.driver.query<{ n: number }>(`SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = $1`, [table]))[0]?.n ?? 0;
  /** Writes about `mb` MB of WAL, as a busy server's steps would. */
  const writeWal = async (mb: number) => {
    await db.driver.query(`CREATE TABLE IF NOT EXISTS wal_probe (v text)`);
    await db.driver.query(`INSERT INTO wal_probe SELECT repeat('x', 500) FROM generate_series(1, $1::int)`, [mb * 2000]);
    await db.driver.query(`DELETE FROM wal_probe`);
  };

  beforeAll(async () => void (db = await openDatabase({ kind: 'pglite' })));
  afterAll(() => db?.close());

  it('vacuums inbox_task_viewer (index-only scans need no table reads) and the monitor read model\'s tables (their triggers leave dead rows)', async () => {
    // when
    const tables = ['inbox_task_viewer', 'monitor_report', 'monitor_report_pending', 'monitor_report_flush_due'];
    const before = await Promise.all(tables.map((table) => vacuums(table)));
    const pass = await maintainPglite(db);

    // then
    expect(pass.vacuumed).toEqual(tables);
    expect(await Promise.all(tables.map((table) => vacuums(table)))).toEqual(before.map((n) => n + 1));
  });

  it('checkpoints once the WAL since the last checkpoint reaches the threshold, so a crash replays no more than that', async () => {
    // given: more WAL than the threshold since the last checkpoint
    await db.driver.query('CHECKPOINT');
    await writeWal(3);
    expect(await walSinceCheckpoint(db)).toBeGreaterThan(2 * MB);

    // when
    const pass = await maintainPglite(db, { checkpointWalBytes: 2 * MB });

    // then: the redo point moved up to now
    expect(pass).toMatchObject({ checkpointed: true, walSinceCheckpointBytes: expect.any(Number) });
    expect(pass.walSinceCheckpointBytes).toBeGreaterThan(2 * MB);
    expect(await walSinceCheckpoint(db)).toBeLessThan(MB / 4);
  });

  it('leaves the checkpoint alone while the WAL since it is below the threshold', async () => {
    // given
    await db.driver.query('CHECKPOINT');
    await writeWal(1);
    const before = await walSinceCheckpoint(db);

    // when
    const pass = await maintainPglite(db, { checkpointWalBytes: before + MB });

    // then
    expect(pass.checkpointed).toBe(false);
    expect(await walSinceCheckpoint(db)).toBeGreaterThanOrEqual(before);
  });

  it('runs every interval until stopped', async () => {
    // given
    const errors: unknown[] = [];
    const before = await vacuums();

    // when
    const loop = startPgliteMaintenance(db, (e) => errors.push(e), { intervalMs: 20 });
    await new Promise((r) => setTimeout(r, 150));
    await loop.stop();
    const stopped = await vacuums();
    await new Promise((r) => setTimeout(r, 60));

    // then
    expect(stopped).toBeGreaterThanOrEqual(before + 2);
    expect(await vacuums()).toBe(stopped);
    expect(errors).toEqual([]);
  });
});
