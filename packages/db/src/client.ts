import { mkdir } from 'node:fs/promises';
import type { PGliteOptions } from '@electric-sql/pglite';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import type { DatabaseTarget } from './config';
import { createPGliteDriver, createPostgresDriver, type SqlDriver } from './driver';
import { migrate } from './migrate';
import { freshCluster } from './pglite-cluster';
import { pgliteStartParams } from './pglite-memory';
import { dataDirMajor, upgradePgliteDataDir } from './pglite-upgrade';
import { pruneParsers } from './pglite-parsers';
import { prioritisePool } from './pg-priority';
import { prioritiseTransactions, transactionLines } from './pglite-priority';
import { holdsDatabaseAlone } from './session-cache';
import { directQueries, pgDirectQueries, pgliteDirectQueries, PGlitePreparedStatements, prepareMarkedStatements } from './prepared-statements';

export type { PrismaClient } from '@prisma/client';

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  readonly driver: SqlDriver;
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations and returns a Prisma client on it.
 * PGlite: a directory (one process at a time) or, without dataDir, in memory.
 * PostgreSQL: a pool; `schema` selects a schema (tests use one schema each).
 * Each kind's driver is loaded when a database of that kind is opened: a server on PostgreSQL does not load
 * PGlite's WASM PostgreSQL (~170 ms of its start).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const opened = target.kind === 'pglite' ? await openPGlite(target.dataDir) : await openPostgres(target);
  return migrated(opened);
}

/**
 * In-memory PGlite (tests): started from `loadDataDir`, a dump of another instance's data directory (a migrated
 * template, test-support/template-database.ts), when given; with the PGlite instance, which can dump its own.
 */
export async function openMemoryPGlite(options: PGliteStart = {}): Promise<{ db: Database; dump: () => Promise<Blob> }> {
  const opened = await openPGlite(undefined, options);
  return { db: await migrated(opened), dump: () => opened.pglite.dumpDataDir('none') };
}

export interface PGliteStart {
  loadDataDir?: Blob;
  /** PGlite's WebAssembly, compiled once per process, and its file-system bundle. */
  pgliteWasmModule?: PGliteOptions['pgliteWasmModule'];
  fsBundle?: Blob;
}

async function migrated({ prisma, driver }: { prisma: PrismaClient; driver: SqlDriver }): Promise<Database> {
  try {
    await migrate(driver);
    await prisma.$connect();
  } catch (error) {
    await driver.close();
    throw error;
  }
  return {
    kind: driver.kind,
    prisma,
    driver,
    async close() {
      await prisma.$disconnect();
      await driver.close().catch(() => undefined);
    },
  };
}

async function openPGlite(dataDir: string | undefined, start: PGliteStart = {}) {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  if (dataDir) {
    await upgradePgliteDataDir(dataDir, (line) => console.log(line));
    await mkdir(dataDir, { recursive: true });
  }
  // A new database starts from initdb's output, made in a child process (pglite-cluster.ts, ADR 0076).
  const fresh = !start.loadDataDir && (!dataDir || (await dataDirMajor(dataDir)) === undefined);
  const settings = { startParams: pgliteStartParams(PGlite.defaultStartParams), ...(fresh && { loadDataDir: await freshCluster() }) };
  const db = dataDir ? new PGlite(dataDir, settings) : new PGlite({ ...start, ...settings });
  await db.waitReady;
  pruneParsers(db);
  // Requests' database work before the workers' (docs/adr/0065).
  const line = prioritiseTransactions(db);
  // pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10; the runtime contract
  // is the same in 6.19 (covered by every database test), only the declared types differ.
  // Statements with parameters run prepared, Prisma's and the repositories' alike (docs/adr/0058, 0077).
  const statements = new PGlitePreparedStatements(db);
  const adapter = new PrismaPGlite(statements.wrap(db, false)) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  directQueries.set(prisma, pgliteDirectQueries(statements));
  transactionLines.set(prisma, line);
  holdsDatabaseAlone(prisma);
  return { prisma, driver: createPGliteDriver(statements.wrap(db, false)), pglite: db };
}

async function openPostgres(target: { url: string; schema?: string }) {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema && { options: `-c search_path=${target.schema}` }),
  });
  prepareMarkedStatements(pool);
  prioritisePool(pool);
  const adapter = new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined);
  const direct = pgDirectQueries(pool, adapter);
  const prisma = new PrismaClient({ adapter });
  directQueries.set(prisma, direct);
  return { prisma, driver: createPostgresDriver(pool) };
}
