import type { Server } from 'node:http';
import type { Express } from 'express';
import {
  createAuditRepository, createEngineStore, createInboxRepository, createIncidentRepository, createOrgUnitRepository,
  createSessionRepository, createUserRepository, databaseTargetFromEnv, loadDemoData, openDatabase, type Database, type DatabaseTarget,
} from '@kuaibao/db';
import { EmbeddedEngine, type JobWorker } from '@kuaibao/engine';
import { processResources } from '@kuaibao/processes';
import { createHandlers, startWorkers } from '@kuaibao/worker';
import { createApp } from './app';
import { hashPassword } from './auth/password';
import { loadConfig, type Config } from './config';
import type { ApiDeps } from './deps';
import { watchOpenTasks } from './events/open-task-watcher';
import { TaskEventBus } from './events/task-event-bus';
import { reconcileUnstartedSubmits } from './services/report-service';

export interface RunningServer {
  url: string;
  deps: ApiDeps;
  loadedDemoData: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  config?: Config;
  /** Where the data lives (default: from the environment). */
  database?: DatabaseTarget;
  /** An already opened database (tests); closed with the server. */
  db?: Database;
  /** Mounts the web app (static files) before the final 404 handler. */
  web?: (app: Express) => void;
}

/**
 * Embedded mode in one process: database (PGlite or PostgreSQL) with migrations, demo data on first
 * start, the embedded engine with every BPMN in processes/ deployed, the job workers, and the HTTP API.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const db = options.db ?? (await openDatabase(options.database ?? databaseTargetFromEnv()));
  const now = () => new Date();
  const loadedDemoData = config.KUAIBAO_DEMO_DATA ? await loadDemoData(db.prisma, hashPassword) : false;
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), schedulerIntervalMs: config.ENGINE_SCHEDULER_INTERVAL_MS });
  // PGlite admits one process per data directory: job locks found at start are a dead process's.
  if (db.kind === 'pglite') await engine.releaseAllJobLocks();
  await engine.deploy(processResources());
  engine.start();
  const deps: ApiDeps = {
    config,
    db,
    engine,
    users: createUserRepository(db.prisma),
    sessions: createSessionRepository(db.prisma),
    orgUnits: createOrgUnitRepository(db.prisma),
    incidents: createIncidentRepository(db.prisma),
    inbox: createInboxRepository(db.prisma),
    audit: createAuditRepository(db.prisma),
    events: new TaskEventBus(),
    now,
  };
  const reconciled = await reconcileUnstartedSubmits(deps, new Date());
  if (reconciled.linked + reconciled.undone > 0) console.warn('[api] submits interrupted by a crash:', reconciled);
  const workers: JobWorker[] = config.KUAIBAO_EMBEDDED_WORKERS
    ? startWorkers(engine, createHandlers({ orgUnits: deps.orgUnits, incidents: deps.incidents, audit: deps.audit, now }))
    : [];
  const watcher = watchOpenTasks({ openTaskHeads: () => deps.inbox.openTaskHeads(), events: deps.events });
  const app = createApp(deps, { ...(options.web && { beforeFallback: options.web }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://localhost:${port}`,
    deps,
    loadedDemoData,
    async close() {
      deps.events.close(); // ends the event streams, which would keep server.close() waiting
      await watcher.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all(workers.map((w) => w.close()));
      await engine.close();
      await db.close();
    },
  };
}
