import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZEEBE_ENV_KEYS } from '@kuaibao/engine';
import { WORKER_ENV_KEYS } from '@kuaibao/worker';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SERVER_ENTRIES } from '../../api/scripts/build-server';

/**
 * docker-compose.yml checked without a Docker engine: against the Compose Specification's JSON schema
 * (vendored: compose-spec/compose-spec, schema/compose-spec.json at 170098ba, Apache-2.0), plus what
 * the schema cannot say — every service has a healthcheck, the stack has what ADR 0005 describes, and
 * every variable it interpolates is documented in .env.example.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const composeText = read('docker-compose.yml');
// Compose resolves YAML merge keys (<<: *app) before it validates; so does this parse.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; healthcheck?: { test?: unknown; disable?: boolean }; deploy?: { replicas?: unknown }; depends_on?: Record<string, { condition: string }> }>;
};
const envExample = new Set(
  read('.env.example')
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    // given
    // The schema is draft-07, Ajv's default; its `$schema` spells the meta-schema's URI in a form Ajv does not know.
    const { $schema: _draft07, ...schema } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'compose-spec.json'), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

    // when
    const valid = validate(compose);

    // then
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives every service a healthcheck that tests something', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.healthcheck?.test, `${name} has no healthcheck`).toBeDefined();
      expect(service.healthcheck?.disable, `${name} disables its healthcheck`).not.toBe(true);
    }
  });

  it('runs Zeebe 8.8, PostgreSQL 15, the api and replicated workers, each waiting for what it needs to be healthy', () => {
    // given
    const { api, worker, zeebe, postgres, elasticsearch } = compose.services;

    // then
    expect(zeebe?.image).toMatch(/^camunda\/camunda:\$\{CAMUNDA_VERSION:-8\.8\.\d+\}$/);
    expect(postgres?.image).toBe('postgres:${POSTGRES_VERSION:-15}');
    expect(elasticsearch?.image).toContain('elasticsearch');
    expect(api?.command).toEqual(['npm', 'run', 'api']);
    expect(worker?.command).toEqual(['npm', 'run', 'worker']);
    expect(worker?.deploy?.replicas).toBe('${WORKER_REPLICAS:-2}');
    for (const app of [api, worker]) {
      expect(app?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, zeebe: { condition: 'service_healthy' } });
    }
    expect(zeebe?.depends_on).toEqual({ elasticsearch: { condition: 'service_healthy' } });
  });

  it('documents in .env.example every variable it interpolates and every variable of the Zeebe client', () => {
    // given
    const interpolated = [...composeText.matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!);

    // then
    expect(interpolated.filter((name) => !envExample.has(name))).toEqual([]);
    expect(ZEEBE_ENV_KEYS.filter((name) => !envExample.has(name) && !['ZEEBE_ADDRESS', 'ZEEBE_REST_ADDRESS'].includes(name))).toEqual([]);
    expect(composeText).toContain('ZEEBE_ADDRESS: zeebe:26500');
    expect(composeText).toContain('ZEEBE_REST_ADDRESS: http://zeebe:8080');
  });

  it('runs `npm run api` without in-process workers and `npm run worker` whose healthcheck asks its health port', () => {
    // given
    const { api, worker } = compose.services;
    const rootScripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

    // then
    // the scripts run the bundles of these entry points (ADR 0018), with the memory settings of `npm start` (ADR 0065)
    const node = 'MALLOC_MMAP_THRESHOLD_=131072 exec node --enable-source-maps --max-old-space-size=512 --max-semi-space-size=8';
    expect(rootScripts.api).toBe(`npm run build:server --silent && ${node} dist/server/api-main.mjs`);
    expect(rootScripts.worker).toBe(`npm run build:server --silent && ${node} dist/server/worker.mjs`);
    expect(rootScripts.start).toBe(`npm run build:server --silent && ${node} dist/server/main.mjs`);
    expect(SERVER_ENTRIES).toMatchObject({ 'api-main': 'api/src/api-main.ts', worker: 'worker/src/main.ts' });
    expect(api?.environment?.KUAIBAO_EMBEDDED_WORKERS).toBe('false');
    const port = worker?.environment?.WORKER_HEALTH_PORT;
    expect(port).toMatch(/^\d+$/);
    expect(JSON.stringify(worker?.healthcheck?.test)).toContain(`http://127.0.0.1:${port}/health`);
    // set by compose itself, or embedded-engine only
    const notInEnvFile = ['WORKER_HEALTH_PORT', 'ENGINE_SCHEDULER_INTERVAL_MS', 'ENGINE_HOT_INSTANCES'];
    expect(WORKER_ENV_KEYS.filter((name) => !envExample.has(name) && !notInEnvFile.includes(name))).toEqual([]);
  });
});
