import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, openMemoryPGlite, type Database } from './client';
import { maintainPglite } from './pglite-maintenance';

const SETTINGS = `SELECT name, setting, unit, source FROM pg_settings WHERE name IN ('shared_buffers', 'temp_buffers', 'max_wal_size') ORDER BY name`;
const BOUNDED = [
  { name: 'max_wal_size', setting: '32', unit: 'MB', source: 'command line' },
  { name: 'shared_buffers', setting: '2048', unit: '8kB', source: 'command line' },
  { name: 'temp_buffers', setting: '128', unit: '8kB', source: 'command line' },
];
/** Durable commits as PGlite 0.3 had them, and no page checksums (ADR 0076). */
const DURABILITY = `SELECT current_setting('fsync') AS fsync, current_setting('data_checksums') AS checksums`;
const walFiles = async (db: Database) => (await db.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_ls_waldir()'))[0]!.n;

describe('PGlite started with bounded memory (ADR 0063, 0076)', () => {
  it('runs an in-memory database with 16 MB of shared buffers, 1 MB of temp buffers and 32 MB of kept WAL', async () => {
    const { db } = await openMemoryPGlite();
    try {
      expect(await db.driver.query(SETTINGS)).toEqual(BOUNDED);
      expect(await db.driver.query(DURABILITY)).toEqual([{ fsync: 'on', checksums: 'off' }]);
    } finally {
      await db.close();
    }
  });

  it('runs a database in a directory, reopened, with the same settings', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kuaibao-pglite-memory-'));
    try {
      for (let open = 0; open < 2; open++) {
        const db = await openDatabase({ kind: 'pglite', dataDir });
        expect(await db.driver.query(SETTINGS)).toEqual(BOUNDED);
        expect(await db.driver.query(DURABILITY)).toEqual([{ fsync: 'on', checksums: 'off' }]);
        await db.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps no more WAL than max_wal_size after a checkpoint, whatever was written before', async () => {
    const { db } = await openMemoryPGlite();
    try {
      // given: ~75 MB of WAL written (PostgreSQL 18 in single-user mode checkpoints by itself at max_wal_size)
      const [start] = await db.driver.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      await db.driver.query('CREATE TABLE wal_filler (id serial PRIMARY KEY, v text)');
      for (let i = 0; i < 30; i++) await db.driver.query(`INSERT INTO wal_filler (v) SELECT repeat('x', 500) FROM generate_series(1, 4000)`);
      const [written] = await db.driver.query<{ mb: number }>(`SELECT (pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn) / 1048576)::int AS mb`, [start!.lsn]);
      expect(written!.mb).toBeGreaterThan(60);
      // when: the maintenance pass checkpoints
      expect((await maintainPglite(db)).checkpointed).toBe(true);
      // then: the segments kept for reuse are bounded by max_wal_size (1 GB by default: all 60+ would stay)
      expect(await walFiles(db)).toBeLessThanOrEqual(40);
    } finally {
      await db.close();
    }
  });
});
