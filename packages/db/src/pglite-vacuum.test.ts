import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client';
import { startPgliteVacuum, vacuumPglite } from './pglite-vacuum';

/** PGlite runs no autovacuum: the server vacuums the inbox's covering-index table itself (docs/adr/0016). */
describe('PGlite vacuum of index-only tables', () => {
  let db: Database;
  const vacuums = async () =>
    (await db.driver.query<{ n: number }>(`SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = 'inbox_task_viewer'`))[0]?.n;

  beforeAll(async () => void (db = await openDatabase({ kind: 'pglite' })));
  afterAll(() => db?.close());

  it('vacuums inbox_task_viewer, so that its index-only scans need no table reads', async () => {
    // when
    const before = await vacuums();
    await vacuumPglite(db);

    // then
    expect(await vacuums()).toBe((before ?? 0) + 1);
  });

  it('does so every interval until stopped', async () => {
    // given
    const errors: unknown[] = [];
    const before = (await vacuums()) ?? 0;

    // when
    const loop = startPgliteVacuum(db, (e) => errors.push(e), 20);
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
