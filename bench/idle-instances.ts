/**
 * What instances waiting at a user task cost the engine process: state lives in the database.
 *
 *   npx tsx bench/idle-instances.ts [--instances 10000] [--warmup 200] [--concurrency 4] [--idle-ms 45000]
 *                                   [--pglite directory|memory] [--json]
 *
 * PostgreSQL when DATABASE_URL is set (a fresh schema, dropped afterwards: the RSS is the engine's
 * alone), else PGlite in a temp directory (WASM PostgreSQL in this process: its buffers count too).
 * Needs a full GC to measure: re-runs itself under `node --expose-gc` when started without it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createScratchDatabase } from '../test/support/scratch-database';
import { measureIdleInstances } from './lib/idle-measure';
import { idleTable } from './lib/report';

const options = {
  instances: { type: 'string', default: '10000' },
  warmup: { type: 'string', default: '200' },
  concurrency: { type: 'string', default: '4' },
  'idle-ms': { type: 'string', default: '45000' },
  pglite: { type: 'string', default: 'directory' },
  /** Print the result as one JSON line instead of the table (for bench/run.ts and tests). */
  json: { type: 'boolean', default: false },
} as const;

async function run() {
  if (typeof globalThis.gc !== 'function') {
    const self = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...process.argv.slice(2)], {
      stdio: 'inherit',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    process.exit(child.status ?? 1);
  }
  const { values } = parseArgs({ options });
  const pglite = values.pglite === 'memory' ? 'memory' : 'directory';
  const scratch = await createScratchDatabase({ prefix: 'bench_idle', pglite });
  try {
    const db = await scratch.open();
    try {
      const result = await measureIdleInstances(db, {
        instances: positive(values.instances, 'instances'),
        warmup: positive(values.warmup, 'warmup'),
        concurrency: positive(values.concurrency, 'concurrency'),
        idleMs: Number(values['idle-ms']),
        onProgress: (message) => console.error(`[idle-instances ${scratch.kind}] ${message}`),
      });
      console.log(values.json ? JSON.stringify(result) : idleTable(result));
    } finally {
      await db.close();
    }
  } finally {
    await scratch.dispose();
  }
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
