import { openDatabase, openMemoryPGlite, type Database } from './client';
import { createScratchSchema } from './scratch-schema';
import { pgliteEngine, templateDataDir, type TestTemplate } from './test-support/template-database';

export type { TestTemplate } from './test-support/template-database';

/**
 * A fresh, migrated database for one test (seeded by `template` when given): in-memory PGlite started from
 * a copy of a template built once per machine (test-support/template-database.ts), or a new schema on the
 * PostgreSQL of DATABASE_URL, migrated and seeded (dropped again by close()), so tests never share rows.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env, options: { template?: TestTemplate } = {}): Promise<Database> {
  const url = env.DATABASE_URL;
  if (!url) {
    const [loadDataDir, engine] = await Promise.all([templateDataDir(options.template), pgliteEngine()]);
    return (await openMemoryPGlite({ ...engine, loadDataDir })).db;
  }
  const scratch = await createScratchSchema(url);
  const db = await openDatabase({ kind: 'postgres', url, schema: scratch.schema });
  const close = async () => {
    await db.close();
    await scratch.drop();
  };
  try {
    await options.template?.seed(db.prisma);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...db, close };
}
