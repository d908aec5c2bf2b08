import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from './config';
import { createPGliteDriver, createPostgresDriver, type SqlDriver } from './driver';
import { migrate } from './migrate';

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
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const { prisma, driver } = target.kind === 'pglite' ? await openPGlite(target.dataDir) : openPostgres(target);
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

async function openPGlite(dataDir: string | undefined) {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  // pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10; the runtime contract
  // is the same in 6.19 (covered by every database test), only the declared types differ.
  const adapter = new PrismaPGlite(db) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  return { prisma, driver: createPGliteDriver(db) };
}

function openPostgres(target: { url: string; schema?: string }) {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema && { options: `-c search_path=${target.schema}` }),
  });
  const adapter = new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined);
  const prisma = new PrismaClient({ adapter });
  return { prisma, driver: createPostgresDriver(pool) };
}
