import { createScratchSchema, openDatabase, type Database } from '@kuaibao/db';

/**
 * The database one benchmark runs on: PostgreSQL (a scratch schema, dropped afterwards) when
 * DATABASE_URL is set, else PGlite in memory. `drop()` closes and removes it.
 */
export async function openBenchDatabase(prefix: string): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ kind: 'pglite' });
    return { db, drop: () => db.close() };
  }
  const scratch = await createScratchSchema(url, `bench_${prefix}`);
  const db = await openDatabase({ kind: 'postgres', url, schema: scratch.schema });
  return {
    db,
    drop: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}
