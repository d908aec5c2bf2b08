import { openDatabase, type Database } from './client';
import { createScratchSchema } from './scratch-schema';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new schema on
 * the PostgreSQL of DATABASE_URL (dropped again by close()), so test files never share rows.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const url = env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite' });
  const scratch = await createScratchSchema(url);
  const db = await openDatabase({ kind: 'postgres', url, schema: scratch.schema });
  return {
    ...db,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}
