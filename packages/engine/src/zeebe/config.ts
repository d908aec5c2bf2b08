import { z } from 'zod';

const int = (min: number) => z.coerce.number().int().min(min);
const list = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));

const variables = z.object({
  /** gRPC address of the Zeebe gateway: `zeebe:26500`, `grpc://zeebe:26500` or `grpcs://host:443` (TLS). Setting it selects the Zeebe engine. */
  ZEEBE_ADDRESS: z.string().trim().min(1),
  /** Orchestration Cluster REST API (user tasks, searches, message correlation): `http://zeebe:8080`. */
  ZEEBE_REST_ADDRESS: z.url().default('http://localhost:8080'),
  /** How the clients authenticate: NONE (unprotected API, development), BASIC (user/password) or OAUTH (client credentials). */
  CAMUNDA_AUTH_STRATEGY: z.enum(['NONE', 'BASIC', 'OAUTH']).default('NONE'),
  /** BASIC only: the Orchestration Cluster user. */
  CAMUNDA_BASIC_AUTH_USERNAME: z.string().min(1).optional(),
  /** BASIC only: its password. */
  CAMUNDA_BASIC_AUTH_PASSWORD: z.string().min(1).optional(),
  /** OAUTH only: the client id registered for kuaibao. */
  ZEEBE_CLIENT_ID: z.string().min(1).optional(),
  /** OAUTH only: its secret. */
  ZEEBE_CLIENT_SECRET: z.string().min(1).optional(),
  /** OAUTH only: the token endpoint, e.g. `http://keycloak:18080/auth/realms/camunda-platform/protocol/openid-connect/token`. */
  CAMUNDA_OAUTH_URL: z.url().optional(),
  /** OAUTH only: the token audience of the Orchestration Cluster API. */
  ZEEBE_TOKEN_AUDIENCE: z.string().min(1).default('orchestration-api'),
  /** Tenant (jurisdiction) of calls that name none. `<default>` is Zeebe's tenant when multi-tenancy is off. */
  ZEEBE_DEFAULT_TENANT_ID: z.string().min(1).default('<default>'),
  /** Comma-separated tenants this process's workers take jobs for (multi-tenancy only); empty: the client's default. */
  ZEEBE_WORKER_TENANT_IDS: list.default([]),
  /** Jobs one worker holds at once, per job type. */
  ZEEBE_WORKER_MAX_JOBS: int(1).default(32),
  /** Job lock: after it the broker hands the job to another worker (at-least-once delivery). */
  ZEEBE_WORKER_TIMEOUT_MS: int(1_000).default(60_000),
  /** First retry backoff after a handler throws; doubled as retries run out (capped at 5 minutes). */
  ZEEBE_WORKER_RETRY_BACKOFF_MS: int(0).default(1_000),
  /** How long activateJobs() may wait at the gateway for a job to appear (long polling); -1 answers at once. */
  ZEEBE_ACTIVATE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(-1).default(-1),
  /** Retries of a gRPC call the gateway could not take (UNAVAILABLE, RESOURCE_EXHAUSTED) before it fails. */
  ZEEBE_GRPC_MAX_RETRIES: int(0).default(10),
  /** How long a health probe waits for the cluster topology. */
  ZEEBE_HEALTH_TIMEOUT_MS: int(100).default(5_000),
});

const schema = variables.superRefine((env, ctx) => {
  const need = (key: keyof typeof env, why: string) => {
    if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required when ${why}` });
  };
  if (env.CAMUNDA_AUTH_STRATEGY === 'BASIC') {
    need('CAMUNDA_BASIC_AUTH_USERNAME', 'CAMUNDA_AUTH_STRATEGY=BASIC');
    need('CAMUNDA_BASIC_AUTH_PASSWORD', 'CAMUNDA_AUTH_STRATEGY=BASIC');
  }
  if (env.CAMUNDA_AUTH_STRATEGY === 'OAUTH') {
    for (const key of ['ZEEBE_CLIENT_ID', 'ZEEBE_CLIENT_SECRET', 'CAMUNDA_OAUTH_URL'] as const) need(key, 'CAMUNDA_AUTH_STRATEGY=OAUTH');
  }
});

export type ZeebeConfig = z.infer<typeof schema>;

/** Every variable the Zeebe adapter reads (.env.example lists them all; a test checks it). */
export const ZEEBE_ENV_KEYS = Object.keys(variables.shape) as (keyof ZeebeConfig)[];

/** Reads the Zeebe configuration; a missing or bad value fails the start naming the variable. */
export function loadZeebeConfig(env: Record<string, string | undefined> = process.env): ZeebeConfig {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid Zeebe configuration: ${problems}`);
  }
  return parsed.data;
}

/** The Zeebe configuration when ZEEBE_ADDRESS is set (production mode), otherwise null (embedded engine). */
export function zeebeConfigFromEnv(env: Record<string, string | undefined> = process.env): ZeebeConfig | null {
  return env.ZEEBE_ADDRESS?.trim() ? loadZeebeConfig(env) : null;
}

/** `host:port` gets the plain-text `grpc://` scheme the SDK expects; an explicit scheme is kept. */
export function grpcAddress(address: string): string {
  return /^grpcs?:\/\//.test(address) ? address : `grpc://${address}`;
}

/** Empty strings (a blank line in .env) count as unset, so defaults apply. */
function withoutEmpty(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}
