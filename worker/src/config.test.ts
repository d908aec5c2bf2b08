import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config';

const POSTGRES = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' };

describe('loadWorkerConfig', () => {
  it('defaults every variable and selects the embedded engine on PostgreSQL when ZEEBE_ADDRESS is unset', () => {
    // when
    const config = loadWorkerConfig({ ...POSTGRES, DATABASE_SCHEMA: 'kb_one' });

    // then
    expect(config).toMatchObject({
      WORKER_HEALTH_PORT: 3001,
      WORKER_HEALTH_HOST: '0.0.0.0',
      WORKER_SHUTDOWN_TIMEOUT_MS: 30_000,
      ENGINE_SCHEDULER_INTERVAL_MS: 500,
      database: { kind: 'postgres', url: POSTGRES.DATABASE_URL, schema: 'kb_one' },
      zeebe: null,
    });
    expect(config.WORKER_NAME).toMatch(/-\d+$/);
  });

  it('selects Zeebe when ZEEBE_ADDRESS is set, blank values counting as unset', () => {
    // when
    const config = loadWorkerConfig({ ...POSTGRES, ZEEBE_ADDRESS: 'zeebe:26500', WORKER_NAME: 'worker-a', WORKER_HEALTH_PORT: '' });

    // then
    expect(config.zeebe).toMatchObject({ ZEEBE_ADDRESS: 'zeebe:26500', ZEEBE_WORKER_MAX_JOBS: 32 });
    expect(config).toMatchObject({ WORKER_NAME: 'worker-a', WORKER_HEALTH_PORT: 3001 });
  });

  it.each([
    [{ WORKER_HEALTH_PORT: '70000' }, 'WORKER_HEALTH_PORT'],
    [{ WORKER_HEALTH_PORT: 'http' }, 'WORKER_HEALTH_PORT'],
    [{ WORKER_SHUTDOWN_TIMEOUT_MS: '-1' }, 'WORKER_SHUTDOWN_TIMEOUT_MS'],
    [{ ENGINE_SCHEDULER_INTERVAL_MS: '1' }, 'ENGINE_SCHEDULER_INTERVAL_MS'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_SCHEMA: 'Robert"; DROP' }, 'DATABASE_SCHEMA'],
    [{ ZEEBE_ADDRESS: 'zeebe:26500', ZEEBE_WORKER_MAX_JOBS: '0' }, 'ZEEBE_WORKER_MAX_JOBS'],
    [{ ZEEBE_ADDRESS: 'zeebe:26500', CAMUNDA_AUTH_STRATEGY: 'BASIC' }, 'CAMUNDA_BASIC_AUTH_USERNAME'],
  ])('refuses %j naming %s', (bad, variable) => {
    expect(() => loadWorkerConfig({ ...POSTGRES, ...bad })).toThrow(new RegExp(`^Invalid (worker|database|Zeebe) configuration: .*${variable}`));
  });

  it('refuses PGlite: the worker shares the API\'s database, which only PostgreSQL allows', () => {
    // when / then
    expect(() => loadWorkerConfig({})).toThrow(/^Invalid worker configuration: DATABASE_URL: required\. .*PGlite .*one process at a time.*npm start/);
    expect(() => loadWorkerConfig({ KUAIBAO_DATA_DIR: './data/pglite', ZEEBE_ADDRESS: 'zeebe:26500' })).toThrow(/DATABASE_URL: required/);
  });
});
