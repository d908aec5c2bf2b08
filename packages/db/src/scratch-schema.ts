import { randomBytes } from 'node:crypto';
import type pg from 'pg';

/** A new, empty PostgreSQL schema for tests and benchmarks; drop() removes it with everything in it. */
export async function createScratchSchema(url: string, prefix = 't'): Promise<{ schema: string; drop(): Promise<void> }> {
  // An unquoted identifier: a prefix such as `designer-policy` (a fine temp directory name) would be a syntax error.
  const schema = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return { schema, drop: async () => void (await withAdminClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))) };
}

/** `pg` is loaded here, not with the package: a server on PGlite never needs it (~60 ms of its start). */
async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { default: driver } = await import('pg');
  const client = new driver.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
