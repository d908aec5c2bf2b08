import { hostname } from 'node:os';
import { databaseTargetFromEnv, type DatabaseTarget } from '@kuaibao/db';
import { DEFAULT_HOT_INSTANCES, zeebeConfigFromEnv, type ZeebeConfig } from '@kuaibao/engine';
import { z } from 'zod';

/**
 * `npm run worker`'s own variables. It also reads the database variables (DATABASE_URL,
 * DATABASE_SCHEMA: packages/db/src/config.ts) and, when ZEEBE_ADDRESS is set, the Zeebe client's
 * (packages/engine/src/zeebe/config.ts).
 */
const workerSchema = z.object({
  /** Port of the health endpoint (`GET /health`) that compose healthchecks ask; 0 picks a free port. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Interface the health endpoint listens on. */
  WORKER_HEALTH_HOST: z.string().min(1).default('0.0.0.0'),
  /** Name this worker gives the engine when it takes a job (shown on activated jobs); default `<host>-<pid>`. */
  WORKER_NAME: z.string().trim().min(1).max(100).optional(),
  /** On SIGTERM, how long in-flight jobs may take to finish before the process exits anyway (keep below compose's stop_grace_period). */
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Embedded engine only: how often this process looks for due timers and expired job locks, in ms. */
  ENGINE_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
  /** Embedded engine only: how many instances stepped a moment ago stay in memory between steps (0: none; docs/adr/0015). */
  ENGINE_HOT_INSTANCES: z.coerce.number().int().min(0).default(DEFAULT_HOT_INSTANCES.max),
});

/** The worker's own variables (.env.example documents them; a test checks it). */
export const WORKER_ENV_KEYS = Object.keys(workerSchema.shape) as (keyof z.infer<typeof workerSchema>)[];

export type WorkerConfig = Omit<z.infer<typeof workerSchema>, 'WORKER_NAME'> & {
  WORKER_NAME: string;
  database: Extract<DatabaseTarget, { kind: 'postgres' }>;
  /** Zeebe when ZEEBE_ADDRESS is set; null: the embedded engine on the same database. */
  zeebe: ZeebeConfig | null;
};

/**
 * The worker's configuration, read once at start. A bad value stops the start naming the variable;
 * so does a database a second process cannot share: the worker writes into the API's database, and
 * PGlite (a directory under ./data) can be opened by one process at a time.
 */
export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = workerSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid worker configuration: ${problems}`);
  }
  const database = databaseTargetFromEnv(set);
  if (database.kind !== 'postgres') {
    throw new Error(
      'Invalid worker configuration: DATABASE_URL: required. `npm run worker` shares the API\'s database, and only PostgreSQL ' +
        'can be shared by two processes: PGlite (KUAIBAO_DATA_DIR, ./data/pglite by default) opens in one process at a time. ' +
        'Set DATABASE_URL for the api and the worker, or run everything in one process with `npm start`.',
    );
  }
  const { WORKER_NAME, ...rest } = parsed.data;
  return { ...rest, WORKER_NAME: WORKER_NAME ?? `${hostname()}-${process.pid}`, database, zeebe: zeebeConfigFromEnv(set) };
}
