import type { Server } from 'node:http';
import type { Express } from 'express';
import {
  createMigrationBatchRepository,
  createAuditRepository, createClockRepository, createEngineHistoryRepository, createFirstAdmin, createMonitorRepository, createOrgAdminRepository, createEngineStore, createIncidentRepository, createNotificationRepository, createOrgUnitRepository,
  createPolicyRepository, createProcessDesignRepository, createSessionRepository, createStatsRepository, createHolidayRepository, createPeriodicStatsRepository, createStepWrites, createDutyRosterRepository, createDailyReportRepository, createLeaderInstructionRepository, createUserRepository, databaseTargetFromEnv, loadDemoData, openDatabase, reconcilePendingCommands,
  startPgliteMaintenance, type Database,
  type DatabaseTarget,
} from '@kuaibao/db';
import { DEFAULT_HOT_INSTANCES, EmbeddedEngine, selectEngine, type JobWorker, type SelectedEngine } from '@kuaibao/engine';
import { loadPolicies, processResources } from '@kuaibao/processes';
import { createHandlers, createNotifier, deployedPolicies as policiesOf, handlerDeps, InMemorySmsGateway, type Handler, type SmsGateway, startWorkers } from '@kuaibao/worker';
import { createApp } from './app';
import { hashPassword } from './auth/password';
import { loadConfig, type Config } from './config';
import type { ApiDeps } from './deps';
import { watchOpenTasks } from './events/open-task-watcher';
import { inboxFor } from './inbox/inbox-for-engine';
import { TaskEventBus } from './events/task-event-bus';
import { temporaryPasswordOf } from './services/admin/people-admin-service';
import { reconcileUnstartedSubmits } from './services/report-service';
import { startMigrationBatchRunner } from './services/admin/migration-batch-runner';

export interface RunningServer {
  url: string;
  deps: ApiDeps;
  loadedDemoData: boolean;
  /** The first 系统管理员 this start created (no demo data, no user yet), with the password to print once; else null. */
  firstAdmin: FirstAdminAccount | null;
  close(): Promise<void>;
}

export interface FirstAdminAccount {
  username: string;
  /** The initial password, to be changed at the first login. */
  password: string;
  /** Whether it was made up here (KUAIBAO_ADMIN_PASSWORD unset). */
  generated: boolean;
}

export interface StartOptions {
  config?: Config;
  /** Where the data lives (default: from the environment). */
  database?: DatabaseTarget;
  /** An already opened database (tests); closed with the server. */
  db?: Database;
  /** The SMS gateway reminders and 迟报 alerts go through (default: in memory, the messages kept in `sent`). */
  smsGateway?: SmsGateway;
  /** Mounts the web app (static files) before the final 404 handler. */
  web?: (app: Express) => void;
  /** An already opened engine (tests); default: the one config.zeebe selects (engine-selection). Closed with the server. */
  engine?: SelectedEngine;
  /** Wraps the embedded workers' job handlers (tests: a fault at the edge, such as a service that fails). */
  handlers?: (handlers: Record<string, Handler>) => Record<string, Handler>;
  /** The clock of the API and the job handlers (default: the system's); tests move it on ("waited two hours"). */
  now?: () => Date;
}

/**
 * The API: database (PGlite or PostgreSQL) with migrations, demo data on first start, the engine
 * (embedded, or Zeebe when configured) with every BPMN in processes/ deployed and every jurisdiction
 * policy stored (a new version only when its file changed, docs/adr/0009), the HTTP API, and the job
 * workers unless KUAIBAO_EMBEDDED_WORKERS is false (`npm run api` beside `npm run worker`).
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const db = options.db ?? (await openDatabase(options.database ?? databaseTargetFromEnv()));
  const now = options.now ?? (() => new Date());
  const loadedDemoData = config.KUAIBAO_DEMO_DATA ? await loadDemoData(db.prisma, hashPassword) : false;
  const firstAdmin = config.KUAIBAO_DEMO_DATA ? null : await bootstrapFirstAdmin(db, config);
  const selected = options.engine
    ?? (await selectEngine({ zeebe: config.zeebe, store: () => createEngineStore(db.prisma), schedulerIntervalMs: config.ENGINE_SCHEDULER_INTERVAL_MS,
      hotInstances: { ...DEFAULT_HOT_INSTANCES, max: config.ENGINE_HOT_INSTANCES } }));
  const { engine } = selected;
  // PGlite admits one process per data directory: job locks found at start are a dead process's.
  if (db.kind === 'pglite' && engine instanceof EmbeddedEngine) await engine.releaseAllJobLocks();
  await engine.deploy(processResources());
  const deployedPolicies = await createPolicyRepository(db.prisma).deploy([...loadPolicies().values()]);
  if (deployedPolicies.length > 0) console.log('[api] jurisdiction policies deployed:', deployedPolicies.map((p) => `${p.code} v${p.version}`).join(', '));
  const smsGateway = options.smsGateway ?? new InMemorySmsGateway();
  const incidents = createIncidentRepository(db.prisma);
  const { inbox, watchIntervalMs } = inboxFor(selected, db, incidents);
  const deps: ApiDeps = {
    config,
    db,
    engine,
    engineHealth: () => selected.health(),
    users: createUserRepository(db.prisma),
    sessions: createSessionRepository(db.prisma),
    orgUnits: createOrgUnitRepository(db.prisma),
    orgAdmin: createOrgAdminRepository(db.prisma),
    policies: policiesOf(createPolicyRepository(db.prisma)),
    policyStore: createPolicyRepository(db.prisma),
    incidents,
    inbox,
    audit: createAuditRepository(db.prisma),
    clocks: createClockRepository(db.prisma),
    notifications: createNotificationRepository(db.prisma),
    notify: createNotifier({ gateway: smsGateway, notifications: createNotificationRepository(db.prisma), audit: createAuditRepository(db.prisma) }),
    monitor: createMonitorRepository(db.prisma),
    engineHistory: createEngineHistoryRepository(db.prisma),
    stats: createStatsRepository(db.prisma),
    holidays: createHolidayRepository(db.prisma),
    periodicStats: createPeriodicStatsRepository(db.prisma),
    designs: createProcessDesignRepository(db.prisma),
    events: new TaskEventBus(),
    stepWrites: createStepWrites(db.prisma),
    duty: { roster: createDutyRosterRepository(db.prisma), dailyReports: createDailyReportRepository(db.prisma), instructions: createLeaderInstructionRepository(db.prisma) },
    migrationBatches: createMigrationBatchRepository(db.prisma),
    // The runner needs the deps; requests that kick it come once the server listens, after it exists.
    batchRunner: { kick: (id) => batchRunner.kick(id) },
    now,
  };
  // Zeebe only (the embedded engine commits a completion's writes in its step): completions whose writes
  // committed before a crash took the command with it are sent again.
  const resent = await reconcilePendingCommands(db.prisma, engine);
  if (resent > 0) console.warn('[api] completions interrupted by a crash, sent again:', resent);
  const reconciled = await reconcileUnstartedSubmits(deps, new Date());
  if (reconciled.linked + reconciled.undone > 0) console.warn('[api] submits interrupted by a crash:', reconciled);
  const watcher = watchOpenTasks({
    taskChanges: deps.inbox.taskChanges,
    events: deps.events,
    intervalMs: watchIntervalMs,
    // In-process engine steps (worker jobs, timers) say when tasks may have changed; Zeebe's are only polled.
    ...(engine instanceof EmbeddedEngine && { nudges: (poke: () => void) => engine.onStepCommitted(poke) }),
  });
  const maintenance = startPgliteMaintenance(db, (error) => console.error('[api] PGlite maintenance failed', error));
  const app = createApp(deps, { ...(options.web && { beforeFallback: options.web }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  // The workers start once the API answers: after a crash they have a backlog, which must not hold up serving.
  const workers: JobWorker[] = config.KUAIBAO_EMBEDDED_WORKERS
    ? startWorkers(engine, (options.handlers ?? ((h) => h))(createHandlers(handlerDeps(db, { gateway: smsGateway, messages: engine, now }))))
    : [];
  const batchRunner = startMigrationBatchRunner(deps, deps.migrationBatches, {
    chunkSize: config.MIGRATION_BATCH_CHUNK, pauseMs: config.MIGRATION_BATCH_PAUSE_MS, onError: (error) => console.error('[api] migration batch failed', error),
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://localhost:${port}`,
    deps,
    loadedDemoData,
    firstAdmin,
    async close() {
      deps.events.close(); // ends the event streams, which would keep server.close() waiting
      await watcher.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await batchRunner.stop();
      await Promise.all(workers.map((w) => w.close()));
      await maintenance.stop();
      await selected.close();
      await db.close();
    },
  };
}

/** Without demo data and without any user, nobody could log in: the first 系统管理员 (docs/adr/0028). */
async function bootstrapFirstAdmin(db: Database, config: Config): Promise<FirstAdminAccount | null> {
  if ((await db.prisma.appUser.count()) > 0) return null;
  const password = config.KUAIBAO_ADMIN_PASSWORD ?? temporaryPasswordOf();
  const created = await createFirstAdmin(db.prisma, { username: config.KUAIBAO_ADMIN_USERNAME, passwordHash: await hashPassword(password) });
  return created ? { username: config.KUAIBAO_ADMIN_USERNAME, password, generated: config.KUAIBAO_ADMIN_PASSWORD === undefined } : null;
}
