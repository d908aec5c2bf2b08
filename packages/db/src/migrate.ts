import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDriver } from './driver';

/** The Prisma-compatible migrations folder: `<timestamp>_<name>/migration.sql`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

const MIGRATION_LOCK_ID = 740_219_001;

/** The table recording each applied migration. */
export const MIGRATIONS_TABLE = {
  name: 'kuaibao_migrations',
  ddl: `CREATE TABLE IF NOT EXISTS kuaibao_migrations (
         name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
} as const;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface AppliedRow {
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations in name order, each in its own transaction together with its record,
 * so a crash never leaves a migration half-applied or applied but unrecorded. An applied migration
 * whose file changed afterwards stops the start-up: migrations are append-only.
 */
export async function migrate(driver: SqlDriver, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return driver.withAdvisoryLock(MIGRATION_LOCK_ID, async () => {
    await driver.query(MIGRATIONS_TABLE.ddl);
    const applied = new Map(
      (await driver.query<AppliedRow>('SELECT name, checksum FROM kuaibao_migrations')).map((r) => [r.name, r.checksum]),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum === migration.checksum) continue;
      if (checksum !== undefined) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
      }
      await driver.execInTransaction(migration.sql, {
        sql: 'INSERT INTO kuaibao_migrations (name, checksum) VALUES ($1, $2)',
        params: [migration.name, migration.checksum],
      });
      done.push(migration.name);
    }
    return done;
  });
}
