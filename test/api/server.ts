import { createTestDatabase } from '@kuaibao/db';
import { loadConfig, startServer, type RunningServer, type StartOptions } from '@kuaibao/api';
import { SERVER_TEMPLATE } from './server-template';

/** The whole embedded system in this process on a free port, on a fresh test database (`web`: also serve the web app; `handlers`: wrap job handlers). */
export async function startTestServer(options: Pick<StartOptions, 'web' | 'handlers'> = {}): Promise<RunningServer> {
  const db = await createTestDatabase(process.env, { template: SERVER_TEMPLATE });
  return startServer({ db, config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50 }, ...options });
}
