import { createEngineStore, databaseHealth, openDatabase, type Database } from '@kuaibao/db';
import { DEFAULT_HOT_INSTANCES, selectEngine, type JobWorker, type SelectedEngine } from '@kuaibao/engine';
import type { WorkerConfig } from './config';
import { createHandlers } from './create-handlers';
import { handlerDeps } from './handler-deps';
import { InMemorySmsGateway } from './notify/sms-gateway';
import { startHealthServer, type HealthServer, type WorkerHealth } from './health-server';
import { startWorkers } from './start-workers';

export interface RunningWorker {
  readonly engine: SelectedEngine;
  readonly db: Database;
  readonly health: HealthServer;
  readonly taskTypes: string[];
  /** Stops taking jobs, lets the ones in flight finish (up to WORKER_SHUTDOWN_TIMEOUT_MS), then closes engine and database. */
  close(): Promise<void>;
}

/**
 * The worker process: the job handlers of every task type (the same ones `npm start` runs in-process)
 * on Zeebe or on the embedded engine over the shared PostgreSQL database, plus a health endpoint.
 * It deploys nothing: the api deploys processes/.
 */
export async function startWorkerProcess(config: WorkerConfig): Promise<RunningWorker> {
  const db = await openDatabase(config.database);
  let engine: SelectedEngine | undefined;
  try {
    engine = await selectEngine({
      zeebe: config.zeebe,
      store: () => createEngineStore(db.prisma),
      schedulerIntervalMs: config.ENGINE_SCHEDULER_INTERVAL_MS,
      hotInstances: { ...DEFAULT_HOT_INSTANCES, max: config.ENGINE_HOT_INSTANCES },
      node: { name: config.WORKER_NAME },
    });
    const handlers = createHandlers(handlerDeps(db, { gateway: new InMemorySmsGateway(), messages: engine.engine }));
    const taskTypes = Object.keys(handlers);
    const workers: JobWorker[] = startWorkers(engine.engine, handlers, { name: config.WORKER_NAME });
    let stopping = false;
    const selected = engine;
    const report = async (): Promise<WorkerHealth> => {
      const [engineHealth, database] = await Promise.all([selected.health(), databaseHealth(db)]);
      const up = engineHealth.status === 'up' && database.status === 'up';
      return { status: stopping ? 'stopping' : up ? 'up' : 'down', worker: { name: config.WORKER_NAME, taskTypes }, engine: engineHealth, database };
    };
    const health = await startHealthServer({ port: config.WORKER_HEALTH_PORT, host: config.WORKER_HEALTH_HOST, report });
    return {
      engine: selected,
      db,
      health,
      taskTypes,
      async close() {
        stopping = true;
        await withDeadline(Promise.all(workers.map((w) => w.close())), config.WORKER_SHUTDOWN_TIMEOUT_MS);
        await selected.close();
        await health.close();
        await db.close();
      },
    };
  } catch (error) {
    await engine?.close().catch(() => undefined);
    await db.close();
    throw error;
  }
}

/** Resolves when `work` settles or after `ms`, whichever is first: a hung job must not block a shutdown forever. */
async function withDeadline(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`[worker] jobs still running after ${ms} ms; stopping anyway (their locks expire and another worker takes them)`);
      resolve();
    }, ms);
  });
  await Promise.race([work.then(() => undefined), deadline]).finally(() => clearTimeout(timer));
}
