import { DEFAULT_HOT_INSTANCES, zeebeConfigFromEnv, type ZeebeConfig } from '@kuaibao/engine';
import { makePasswordSchema, USERNAME_PATTERN } from '@kuaibao/domain';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const configSchema = z.object({
  /** HTTP port of the API (and, in embedded mode, the web app). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** How long a login lasts, in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Send the session cookie only over HTTPS. Set true behind TLS. */
  COOKIE_SECURE: booleanFlag.default(false),
  /** Load the 临沧 demo jurisdiction and accounts on first start (empty database only). */
  KUAIBAO_DEMO_DATA: booleanFlag.default(true),
  /** Without demo data, an installation with no user gets a first 系统管理员 of this name (docs/adr/0028). */
  KUAIBAO_ADMIN_USERNAME: z.string().regex(USERNAME_PATTERN, { error: '3 to 32 of a-z, 0-9, _ . -' }).default('admin'),
  /** Their initial password (must be changed at the first login); unset: a random one, printed once at start. */
  KUAIBAO_ADMIN_PASSWORD: makePasswordSchema('en').optional(),
  /** Failed logins one address may make in 15 minutes over all accounts (each account from it: 5). */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** Largest accepted JSON body, e.g. 64kb. */
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/).default('64kb'),
  /** Write requests (POST …) served at once; more wait in line (docs/adr/0025). PGlite has one connection: keep it small. */
  WRITE_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  /** Write requests that may wait in line; beyond, 503 with Retry-After at once. */
  WRITE_QUEUE: z.coerce.number().int().min(0).default(100),
  /** Run the job workers in this process (`npm start`); `npm run api` sets false: the workers are `npm run worker`. */
  KUAIBAO_EMBEDDED_WORKERS: booleanFlag.default(true),
  /** Scheduler pass of the embedded engine (timers, job timeouts), in ms. */
  ENGINE_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
  /** 批量迁移 (docs/adr/0062): instances per chunk and the pause between chunks. */
  MIGRATION_BATCH_CHUNK: z.coerce.number().int().min(1).max(500).default(20),
  MIGRATION_BATCH_PAUSE_MS: z.coerce.number().int().min(0).default(200),
  /** Embedded engine: how many instances stepped a moment ago stay in memory between steps (0: none; docs/adr/0015). */
  ENGINE_HOT_INSTANCES: z.coerce.number().int().min(0).default(DEFAULT_HOT_INSTANCES.max),
});

export type Config = z.infer<typeof configSchema> & {
  /** The engine: Zeebe when ZEEBE_ADDRESS is set (variables in packages/engine/src/zeebe/config.ts), else null: embedded. */
  zeebe: ZeebeConfig | null;
};

/** Reads the configuration once at start; a bad value stops the start naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return { ...parsed.data, zeebe: zeebeConfigFromEnv(env) };
}
