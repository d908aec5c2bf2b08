import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createPGliteDriver } from './driver';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate';

const packageRoot = path.resolve(import.meta.dirname, '..');

describe('migrate', () => {
  it('applies every migration once and records it', async () => {
    // given
    const driver = createPGliteDriver(new PGlite());

    // when
    const first = await migrate(driver);
    const second = await migrate(driver);

    // then
    expect(first).toEqual((await readMigrations()).map((m) => m.name));
    expect(second).toEqual([]);
    const tables = await driver.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toContain('engine_instance');
    await driver.close();
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    // given
    const dir = mkdtempSync(path.join(tmpdir(), 'kuaibao-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const driver = createPGliteDriver(new PGlite());
    await migrate(driver, dir);
    const [firstMigration] = await readMigrations(dir);

    // when
    writeFileSync(path.join(dir, firstMigration!.name, 'migration.sql'), `${firstMigration!.sql}\n-- edited`);

    // then
    await expect(migrate(driver, dir)).rejects.toThrow(/changed after it was applied/);
    await driver.close();
  });

  it('rolls back a migration that fails and records nothing of it', async () => {
    // given
    const dir = mkdtempSync(path.join(tmpdir(), 'kuaibao-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = path.join(dir, '99999999999999_broken');
    cpSync(path.join(dir, (await readMigrations(dir))[0]!.name), bad, { recursive: true });
    writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE half_done (id int); SELECT no_such_function();');
    const driver = createPGliteDriver(new PGlite());

    // when
    await expect(migrate(driver, dir)).rejects.toThrow();

    // then
    const halfDone = await driver.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    const recorded = await driver.query("SELECT 1 FROM kuaibao_migrations WHERE name = '99999999999999_broken'");
    expect([halfDone, recorded]).toEqual([[], []]);
    await driver.close();
  });

  it('has a migration for every change of prisma/schema (no drift)', () => {
    // given the snapshot of the schema the last migration was generated from
    const args = ['prisma', 'migrate', 'diff', '--from-schema-datamodel', 'prisma/schema-snapshot', '--to-schema-datamodel', 'prisma/schema', '--script'];

    // when
    const sql = execFileSync('npx', args, { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

    // then
    expect(sql).toMatch(/empty migration/i);
  });
});
