import { DEMO_TEMPLATE, templateDataDir } from '@kuaibao/db';
import { SERVER_TEMPLATE } from '../api/server-template';

/**
 * Before any test file: the PGlite templates test databases are copied from (built once per machine, then read
 * from the temp directory), so no test's setup pays for building one within its hook's time.
 */
export default async function buildTestTemplates() {
  if (process.env.DATABASE_URL) return; // PostgreSQL: each test migrates and seeds a schema of its own
  for (const template of [undefined, DEMO_TEMPLATE, SERVER_TEMPLATE]) await templateDataDir(template);
}
