// Usage: npm run db:migration -w packages/db -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the database
// from the schema of the last migration (prisma/schema-snapshot) to prisma/schema, then updates
// the snapshot. Offline: no database and no native engine are needed (docs/adr/0003).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: new-migration <name in snake_case>');
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, '..');
const snapshot = path.join(root, 'prisma', 'schema-snapshot');
const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', path.join(root, 'prisma', 'schema'), '--script'],
  { cwd: root, encoding: 'utf8' },
);
if (/empty migration/i.test(sql) || sql.trim() === '') {
  console.log('The schema has not changed since the last migration.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
rmSync(snapshot, { recursive: true, force: true });
cpSync(path.join(root, 'prisma', 'schema'), snapshot, { recursive: true });
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
