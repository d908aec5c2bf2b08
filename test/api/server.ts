import { createTestDatabase, type Database } from '@kuaibao/db';
import { loadConfig, startServer, type Config, type RunningServer, type StartOptions } from '@kuaibao/api';
import { SERVER_TEMPLATE } from './server-template';

/**
 * The whole embedded system in this process on a free port, on a fresh test database made from a template (`web`:
 * also serve the web app; `handlers`: wrap job handlers; `config`: settings beside the test defaults; `db`: this
 * database instead, closed with the server).
 */
export async function startTestServer(options: Pick<StartOptions, 'web' | 'handlers' | 'now'> & { config?: Partial<Config>; db?: Database } = {}): Promise<RunningServer> {
  const { config, db, ...rest } = options;
  return startServer({
    db: db ?? (await createTestDatabase(process.env, { template: SERVER_TEMPLATE })),
    config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50, ...config },
    ...rest,
  });
}
