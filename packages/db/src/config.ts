import path from 'node:path';
import { z } from 'zod';

const databaseEnvSchema = z.object({
  /** PostgreSQL connection string. When set, kuaibao uses PostgreSQL instead of the embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL schema to use (default: the connection's search_path, normally public). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  /** Directory of the embedded PGlite database when DATABASE_URL is not set. Default: ./data/pglite */
  KUAIBAO_DATA_DIR: z.string().min(1).optional(),
});

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; schema?: string }
  | { kind: 'pglite'; dataDir?: string };

/** Reads the database target from the environment: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const parsed = databaseEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid database configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { DATABASE_URL, DATABASE_SCHEMA, KUAIBAO_DATA_DIR } = parsed.data;
  if (DATABASE_URL) return { kind: 'postgres', url: DATABASE_URL, ...(DATABASE_SCHEMA && { schema: DATABASE_SCHEMA }) };
  return { kind: 'pglite', dataDir: path.resolve(KUAIBAO_DATA_DIR ?? path.join('data', 'pglite')) };
}
