import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaClient } from '@prisma/client';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { createPGliteDriver } from './driver';
import { migrate, MIGRATIONS_DIR } from './migrate';
import { createAuditRepository } from './repositories/audit';
import { upgradePgliteDataDir } from './pglite-upgrade';
import { createIncidentRepository } from './repositories/incidents';
import { loadDemoData } from './seed/demo-lincang';

const TABLES = `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`;

/** Every table's row count, through `rows` (PGlite 0.3's query or the database's driver). */
async function rowCounts(rows: <T>(sql: string) => Promise<T[]>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await rows<{ name: string }>(TABLES)) counts[name] = (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n;
  return counts;
}

/** A kuaibao database as PGlite 0.3 (PostgreSQL 17) left it: every migration, the demo jurisdiction, a dossier with its audit trail. */
async function pg17Database(dataDir: string): Promise<{ counts: Record<string, number>; incident: string; lastAuditId: bigint }> {
  const { PGlite: OldPGlite } = await import('pglite-pg17');
  const old = new OldPGlite(dataDir) as unknown as PGlite;
  await old.waitReady;
  await migrate(createPGliteDriver(old));
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils (client.ts)
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(old) as never });
  try {
    await loadDemoData(prisma, async (password) => `hash:${password}`);
    const { number } = await createIncidentRepository(prisma).openDossier(
      { divisionCode: '530902', at: new Date('2026-12-01T02:00:00Z') },
      { title: '升级前的山火', category: 'natural_disaster', severity: 'III', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id: 'r-upgrade', kind: 'first', sequence: 0, status: 'verifying', content: { title: '升级前的山火' }, createdById: 'user-lx_reporter' },
      { actorId: 'user-lx_reporter', actorName: '李明', action: 'report.submitted' },
    );
    const audit = createAuditRepository(prisma);
    await audit.append({ incidentNumber: number, actorId: 'user-lx_verifier', actorName: '王芳', action: 'task.completed', detail: { decision: 'confirm', opinion: '属实' } });
    const counts = await rowCounts(async <T,>(sql: string) => (await old.query<T>(sql)).rows);
    const lastAuditId = (await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
    return { counts, incident: number, lastAuditId };
  } finally {
    await prisma.$disconnect();
    await old.close();
  }
}

/**
 * kuaibao 0.5-era PGlite is PostgreSQL 18: a PostgreSQL 17 directory is copied into a new one at open (ADR 0076).
 * Each test opens two to four databases of both versions (10–17 s alone): more than the suite's 30 s when the machine is busy.
 */
describe('opening a PGlite 0.3 (PostgreSQL 17) data directory', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  const scratch = async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'kuaibao-pglite-upgrade-'));
    dirs.push(parent);
    return path.join(parent, 'pglite');
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('upgrades it with every row, the audit chain intact and sequences going on, and keeps the old directory', async () => {
    // given
    const dataDir = await scratch();
    const before = await pg17Database(dataDir);
    expect((await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim()).toBe('17');
    expect(before.counts.audit_event).toBe(2);

    // when
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      // then: PostgreSQL 18 with the same tables and rows
      expect((await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim()).toBe('18');
      expect(await rowCounts(<T,>(sql: string) => db.driver.query<T>(sql))).toEqual(before.counts);
      expect(await db.prisma.appUser.count()).toBeGreaterThan(5);

      // the trail's hashes came along unchanged, and a new entry continues its chain and the id sequence
      const audit = createAuditRepository(db.prisma);
      await audit.append({ incidentNumber: before.incident, actorId: 'user-lx_leader', actorName: '张伟', action: 'task.completed', detail: { decision: 'approve' } });
      expect(await audit.verify(before.incident)).toMatchObject({ intact: true, entries: 3, broken: null });
      const entries = await db.prisma.auditEvent.findMany({ where: { incidentNumber: before.incident }, orderBy: { chainSeq: 'asc' } });
      expect(entries.map((e) => e.chainSeq)).toEqual([1, 2, 3]);
      expect(entries[2]!.id).toBeGreaterThan(before.lastAuditId);

      // the PostgreSQL 17 directory is kept beside it, untouched
      const kept = (await readdir(path.dirname(dataDir))).filter((name) => name.startsWith('pglite.pg17-backup-'));
      expect(kept).toHaveLength(1);
      expect((await readFile(path.join(path.dirname(dataDir), kept[0]!, 'PG_VERSION'), 'utf8')).trim()).toBe('17');
      expect(existsSync(`${dataDir}.pg18`)).toBe(false);
    } finally {
      await db.close();
    }

    // and a second open finds nothing to upgrade
    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await again.prisma.auditEvent.count()).toBe(3);
      expect((await readdir(path.dirname(dataDir))).filter((name) => name.startsWith('pglite.pg17-backup-'))).toHaveLength(1);
    } finally {
      await again.close();
    }
  });

  it('makes the copy again when an earlier upgrade stopped half-way, and moves a finished one into place', async () => {
    // given: an upgrade that died while copying (an unmarked .pg18 with a file in it)
    const dataDir = await scratch();
    const before = await pg17Database(dataDir);
    await mkdir(`${dataDir}.pg18`);
    await writeFile(`${dataDir}.pg18/PG_VERSION`, '18\n');

    // when / then: the start copies it again
    const db = await openDatabase({ kind: 'pglite', dataDir });
    expect(await db.prisma.auditEvent.count()).toBe(before.counts.audit_event);
    await db.close();

    // given: an upgrade that died between its two renames (the marked copy not yet in place)
    await rename(dataDir, `${dataDir}.pg18`);
    await writeFile(`${dataDir}.pg18/UPGRADED`, 'test\n');

    // when / then: the start moves it into place and opens it
    const moved = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await moved.prisma.auditEvent.count()).toBe(before.counts.audit_event);
      expect(existsSync(`${dataDir}.pg18`)).toBe(false);
    } finally {
      await moved.close();
    }
  });

  it('replaces the rows a migration inserted with those of the old database', async () => {
    // given: the migrations and one more that creates a table with a row in it; the old database changed that row since
    const dataDir = await scratch();
    const migrations = path.join(path.dirname(dataDir), 'migrations');
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    await mkdir(path.join(migrations, '99991231000000_probe'));
    await writeFile(path.join(migrations, '99991231000000_probe', 'migration.sql'), `CREATE TABLE upgrade_probe (id int PRIMARY KEY, note text NOT NULL);\nINSERT INTO upgrade_probe VALUES (1, 'from the migration');\n`);
    const { PGlite: OldPGlite } = await import('pglite-pg17');
    const old = new OldPGlite(dataDir) as unknown as PGlite;
    await migrate(createPGliteDriver(old), migrations);
    await old.exec(`UPDATE upgrade_probe SET note = 'changed since'; INSERT INTO upgrade_probe VALUES (2, 'added since')`);
    await old.close();

    // when
    const upgrade = await upgradePgliteDataDir(dataDir, undefined, migrations);

    // then: the old database's rows, not the migration's as well (a second row 1 would have broken the copy)
    expect(upgrade?.tables.upgrade_probe).toBe(2);
    const { PGlite } = await import('@electric-sql/pglite');
    const upgraded = new PGlite(dataDir);
    try {
      expect((await upgraded.query('SELECT id, note FROM upgrade_probe ORDER BY id')).rows).toEqual([
        { id: 1, note: 'changed since' },
        { id: 2, note: 'added since' },
      ]);
    } finally {
      await upgraded.close();
    }
  });
});
