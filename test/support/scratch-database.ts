import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchSchema, openDatabase, type Database, type DatabaseTarget } from '@kuaibao/db';

/** The environment variable that hands a scratch database to a child process (JSON of a DatabaseTarget). */
export const SCRATCH_DATABASE_ENV = 'KUAIBAO_SCRATCH_DATABASE';

/**
 * A database that outlives the process that opens it, so a crashed child's work can be reopened:
 * a fresh schema on the PostgreSQL of DATABASE_URL, or else a PGlite data directory in a temp dir
 * (or in memory when `pglite: 'memory'`, for one process only). dispose() drops it.
 */
export interface ScratchDatabase {
  readonly target: DatabaseTarget;
  readonly kind: 'pglite' | 'postgres';
  /** Environment that makes a child open the same database (see databaseFromScratchEnv). */
  readonly env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export interface ScratchOptions {
  /** Names the schema or temp directory, e.g. `crash`. */
  prefix: string;
  pglite?: 'directory' | 'memory';
  env?: NodeJS.ProcessEnv;
}

export async function createScratchDatabase({ prefix, pglite = 'directory', env = process.env }: ScratchOptions): Promise<ScratchDatabase> {
  const url = env.DATABASE_URL;
  if (url) {
    const { schema, drop } = await createScratchSchema(url, prefix);
    return scratch({ kind: 'postgres', url, schema }, drop);
  }
  if (pglite === 'memory') return scratch({ kind: 'pglite' }, async () => undefined);
  const dataDir = await mkdtemp(path.join(tmpdir(), `kuaibao-${prefix}-`));
  return scratch({ kind: 'pglite', dataDir }, () => rm(dataDir, { recursive: true, force: true }));
}

/** In a child process: the target its parent handed over through SCRATCH_DATABASE_ENV. */
export function scratchTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const raw = env[SCRATCH_DATABASE_ENV];
  if (!raw) throw new Error(`${SCRATCH_DATABASE_ENV} is not set: the parent hands the database over in it`);
  const target = JSON.parse(raw) as Partial<DatabaseTarget>;
  if (target.kind === 'postgres' && typeof target.url === 'string') return target as DatabaseTarget;
  if (target.kind === 'pglite') return target as DatabaseTarget;
  throw new Error(`${SCRATCH_DATABASE_ENV} is not a database target: ${raw}`);
}

function scratch(target: DatabaseTarget, drop: () => Promise<unknown>): ScratchDatabase {
  return {
    target,
    kind: target.kind,
    env: { [SCRATCH_DATABASE_ENV]: JSON.stringify(target) },
    open: () => openDatabase(target),
    dispose: async () => void (await drop()),
  };
}

/** The environment that makes `npm start`'s entry point (api/src/main.ts) open this database. */
export function serverEnvFor(target: DatabaseTarget): Record<string, string> {
  if (target.kind === 'postgres') return { DATABASE_URL: target.url, ...(target.schema && { DATABASE_SCHEMA: target.schema }) };
  if (!target.dataDir) throw new Error('A server child needs a PGlite directory, not an in-memory database');
  return { KUAIBAO_DATA_DIR: target.dataDir };
}
