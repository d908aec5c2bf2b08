import type { Database } from '@kuaibao/db';
import { loadConfig, startServer, type Config, type RunningServer } from '@kuaibao/api';
import { openBenchDatabase } from './bench-database';

/**
 * Runs `fn` against kuaibao's server (API, embedded engine, workers, demo data) on a fresh bench
 * database on a free port, then closes both, also when `fn` fails. ENGINE_HOT_INSTANCES from the
 * environment applies (e.g. 0 to measure without hot instances); nothing else of it does.
 */
export async function withBenchServer<T>(prefix: string, config: Partial<Config>, fn: (server: RunningServer, db: Database) => Promise<T>): Promise<T> {
  const { db, drop } = await openBenchDatabase(prefix);
  const server = await startServer({ db, config: { ...loadConfig({ ENGINE_HOT_INSTANCES: process.env.ENGINE_HOT_INSTANCES }), PORT: 0, HOST: '127.0.0.1', ...config } });
  try {
    return await fn(server, db);
  } finally {
    await server.close();
    await drop().catch(() => undefined);
  }
}

/** A benchmark's entry point: a failure prints and exits non-zero. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
