import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE, readMigrations } from './migrate';
import { freshCluster } from './pglite-cluster';
import { pgliteStartParams } from './pglite-memory';

/**
 * PGlite 0.5 is PostgreSQL 18; kuaibao's embedded databases made before it (PGlite 0.3) are PostgreSQL 17, whose data
 * directory the newer PostgreSQL cannot open. At open, such a directory is copied into a new one (ADR 0076):
 *
 * 1. the old directory is opened with PGlite 0.3 (installed as `pglite-pg17` for this alone) and only read;
 * 2. a new directory `<dir>.pg18` gets the migrations the old one recorded (the same files: migrations are append-only),
 *    then every table's rows by COPY in text form, column by column by name, in place of any a migration inserted,
 *    with triggers and foreign keys off (`session_replication_role = replica`: the audit trail's hashes and the read
 *    models are copied as they were, not computed again), and each sequence's position;
 * 3. every table's row count is compared; any difference stops the start with the old directory untouched;
 * 4. `UPGRADED` is written into the new directory, the old one is renamed `<dir>.pg17-backup-<time>` (kept: delete it
 *    when the upgraded installation has served a while) and the new one takes its name.
 *
 * A crash before 4 leaves the old directory in place and a `<dir>.pg18` without its mark, removed and made again at the
 * next start; a crash within 4 leaves a marked `<dir>.pg18`, which the next start moves into place.
 */
export const CURRENT_MAJOR = 18;
const UPGRADED_MARK = 'UPGRADED';

export interface PgliteUpgrade {
  from: number;
  backup: string;
  tables: Record<string, number>;
}

/** The PostgreSQL major version a data directory was made by (its PG_VERSION), or undefined for a new directory. */
export async function dataDirMajor(dataDir: string): Promise<number | undefined> {
  const text = await readFile(`${dataDir}/PG_VERSION`, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : Number(text.trim());
}

/** Brings `dataDir` to PostgreSQL 18 when an earlier PGlite made it; null when it needs nothing. */
export async function upgradePgliteDataDir(dataDir: string, log: (line: string) => void = () => undefined, migrationsDir = MIGRATIONS_DIR): Promise<PgliteUpgrade | null> {
  const next = `${dataDir}.pg18`;
  if ((await dataDirMajor(dataDir)) === undefined && existsSync(`${next}/${UPGRADED_MARK}`)) {
    await rename(next, dataDir); // a crash between the two renames of an upgrade
    log(`[db] PGlite: finished moving the upgraded database into ${dataDir}`);
  }
  const major = await dataDirMajor(dataDir);
  if (major === undefined || major === CURRENT_MAJOR) return null;
  if (major !== 17) throw new Error(`The PGlite data directory ${dataDir} was made by PostgreSQL ${major}; this kuaibao reads PostgreSQL 17 and 18 directories only.`);
  log(`[db] PGlite: ${dataDir} is a PostgreSQL 17 database (PGlite 0.3); copying it into a PostgreSQL 18 one (ADR 0076)`);
  await rm(next, { recursive: true, force: true });
  const [{ PGlite: OldPGlite }, { PGlite: NewPGlite }] = await Promise.all([import('pglite-pg17'), import('@electric-sql/pglite')]);
  const old = new OldPGlite(dataDir);
  const target = new NewPGlite(next, { startParams: pgliteStartParams(NewPGlite.defaultStartParams), loadDataDir: await freshCluster() });
  let tables: Record<string, number>;
  try {
    await Promise.all([old.waitReady, target.waitReady]);
    tables = await copyDatabase(old as unknown as PGlite, target, migrationsDir);
  } finally {
    await Promise.allSettled([old.close(), target.close()]);
  }
  await writeFile(`${next}/${UPGRADED_MARK}`, `from PostgreSQL 17 at ${new Date().toISOString()}\n`);
  const backup = `${dataDir}.pg17-backup-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  await rename(dataDir, backup);
  await rename(next, dataDir);
  log(`[db] PGlite: upgraded ${Object.keys(tables).length} tables (${Object.values(tables).reduce((a, b) => a + b, 0)} rows); the PostgreSQL 17 directory is kept as ${backup}`);
  return { from: major, backup, tables };
}

interface Column {
  table: string;
  column: string;
}

/** Schema by the old database's recorded migrations, then rows and sequences; returns each table's row count. */
async function copyDatabase(old: PGlite, target: PGlite, migrationsDir: string): Promise<Record<string, number>> {
  const [{ recording }] = (await old.query<{ recording: boolean }>(`SELECT to_regclass('public.${MIGRATIONS_TABLE.name}') IS NOT NULL AS recording`)).rows as [{ recording: boolean }];
  const recorded = recording ? (await old.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM public.${MIGRATIONS_TABLE.name} ORDER BY name`)).rows : [];
  const files = new Map((await readMigrations(migrationsDir)).map((migration) => [migration.name, migration]));
  await target.exec(MIGRATIONS_TABLE.ddl);
  for (const { name, checksum } of recorded) {
    const migration = files.get(name);
    if (!migration) throw new Error(`The PGlite database records migration ${name}, which this kuaibao does not have: upgrade kuaibao, not downgrade it.`);
    if (migration.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied; add a new migration instead.`);
    await target.transaction((tx) => tx.exec(migration.sql));
  }

  const columns = await old.query<Column>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns.rows) byTable.set(table, [...(byTable.get(table) ?? []), column]);

  const counts: Record<string, number> = {};
  await target.exec(`SET session_replication_role = replica`);
  try {
    for (const [table, names] of byTable) {
      const list = names.map(quoteIdent).join(', ');
      await target.exec(`DELETE FROM public.${quoteIdent(table)}`); // rows a migration inserted come from the old database (no TRUNCATE: foreign keys)
      const exported = await old.query(`COPY public.${quoteIdent(table)} (${list}) TO '/dev/blob'`);
      if (exported.blob && exported.blob.size > 0) await target.query(`COPY public.${quoteIdent(table)} (${list}) FROM '/dev/blob'`, [], { blob: exported.blob });
      const [before, after] = await Promise.all([countRows(old, table), countRows(target, table)]);
      if (before !== after) throw new Error(`Upgrading the PGlite database copied ${after} of the ${before} rows of ${table}; the PostgreSQL 17 directory is unchanged.`);
      counts[table] = after;
    }
    const sequences = await old.query<{ name: string; last: string | null }>(
      `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const { name, last } of sequences.rows) if (last !== null) await target.query(`SELECT setval($1, $2::bigint, true)`, [`public.${quoteIdent(name)}`, last]);
  } finally {
    await target.exec(`SET session_replication_role = origin`);
  }
  await target.exec('CHECKPOINT');
  return counts;
}

async function countRows(db: PGlite, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM public.${quoteIdent(table)}`);
  return rows[0]!.n;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
