import path from 'node:path';
import { createTestDatabase, loadDemoData, type TestTemplate } from '@kuaibao/db';
import { hashPassword, loadConfig, startServer, type RunningServer, type StartOptions } from '@kuaibao/api';

/** The demo data as `npm start` loads it (argon2 password hashes), built once into the template every test server copies. */
const SERVER_TEMPLATE: TestTemplate = {
  name: 'demo-server',
  seed: (prisma) => loadDemoData(prisma, hashPassword),
  sources: [path.resolve(import.meta.dirname, '../../api/src/auth/password.ts')],
};

/** The whole embedded system in this process on a free port, on a fresh test database (`web`: also serve the web app; `handlers`: wrap job handlers). */
export async function startTestServer(options: Pick<StartOptions, 'web' | 'handlers'> = {}): Promise<RunningServer> {
  const db = await createTestDatabase(process.env, { template: SERVER_TEMPLATE });
  return startServer({ db, config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50 }, ...options });
}
