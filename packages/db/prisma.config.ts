import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

// Prisma 6.19 with the WASM query compiler and the JS engine: nothing native is downloaded
// (ENVIRONMENT.md). The CLI is used for `prisma generate` and `prisma migrate diff` only; our own
// runner applies migrations (docs/adr/0003-database-and-migrations.md). The adapter below is an
// in-memory PGlite, so CLI commands never touch a real database.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // Typed against an older driver-adapter-utils (see client.ts); the runtime contract is the same.
  adapter: async () => new PrismaPGlite(new PGlite()) as unknown as PrismaPg,
  schema: path.join('prisma', 'schema'),
  migrations: { path: path.join('prisma', 'migrations') },
});
