import path from 'node:path';
import { loadDemoData, type TestTemplate } from '@kuaibao/db';
import { hashPassword } from '@kuaibao/api';

/** The demo data as `npm start` loads it (argon2 password hashes), built once into the template every test server copies. */
export const SERVER_TEMPLATE: TestTemplate = {
  name: 'demo-server',
  seed: (prisma) => loadDemoData(prisma, hashPassword),
  sources: [path.resolve(import.meta.dirname, '../../api/src/auth/password.ts')],
};
