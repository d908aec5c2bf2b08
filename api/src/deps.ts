import type {
  AuditRepository, ClockRepository, EngineHistoryRepository, MonitorRepository, PolicyRepository, OrgAdminRepository, ProcessDesignRepository, Database, NotificationRepository, InboxRepository, IncidentRepository, OrgUnitRepository, SessionRepository, StatsRepository,
  StepWritesFactory, UserRepository, DutyRosterRepository, DailyReportRepository, LeaderInstructionRepository,
  HolidayRepository, PeriodicStatsRepository, MigrationBatchRepository,
} from '@kuaibao/db';
import type { Policy } from '@kuaibao/domain';
import type { EngineHealth, WorkflowEngine } from '@kuaibao/engine';
import type { Notifier } from '@kuaibao/worker';
import type { Router } from 'express';
import type { Config } from './config';
import type { TaskEventBus } from './events/task-event-bus';
import type { ApiRegistry } from './openapi/registry';

export interface ApiDeps {
  config: Config;
  db: Database;
  engine: WorkflowEngine;
  /** Which engine runs (embedded or Zeebe) and whether it answers; Zeebe adds its topology. */
  engineHealth: () => Promise<EngineHealth>;
  users: UserRepository;
  sessions: SessionRepository;
  orgUnits: OrgUnitRepository;
  /** The admin pages' writes and the admin trail (docs/adr/0028). */
  orgAdmin: OrgAdminRepository;
  /** The deployed policy for a division (nearest up the tree, else the default): what 路由检查 reads. */
  policies: (jurisdiction: string) => Promise<Policy | undefined>;
  /** The stored policy versions (append-only) and the designer's edits of them (issue 17 item 8). */
  policyStore: PolicyRepository;
  incidents: IncidentRepository;
  inbox: InboxRepository;
  audit: AuditRepository;
  /** Statutory clocks of reports and the notifications sent about them (docs/adr/0009). */
  clocks: ClockRepository;
  notifications: NotificationRepository;
  /** Texts people through the SMS gateway and records it (催办 and 终止 from 流程监控, docs/adr/0040). */
  notify: Notifier;
  /** 流程监控's search and dashboard over the read model `monitor_report` (docs/adr/0045, 0059). */
  monitor: MonitorRepository;
  /** The embedded engine's history rows: time per element of a version, an instance's jobs (docs/adr/0059). */
  engineHistory: EngineHistoryRepository;
  /** 报送时效 per reporting unit (how the 首报 clocks ended). */
  stats: StatsRepository;
  /** 节假日期间日信息统计 and 定期统计 (issue 23 items 4–5: docs/adr/0049, 0050). */
  holidays: HolidayRepository;
  periodicStats: PeriodicStatsRepository;
  /** The designer's process drafts and deployments (docs/adr/0036). */
  designs: ProcessDesignRepository;
  /** Inbox changes for `GET /api/events` (task service and open-task watcher publish). */
  events: TaskEventBus;
  /** Business writes that commit with an engine completion (a task's corrections and audit entry: ADR 0027). */
  stepWrites: StepWritesFactory;
  /** Duty work (issue 23): rosters, 值班信息日报, 领导批示 relayed to units (docs/adr/0046–0048). */
  duty: { roster: DutyRosterRepository; dailyReports: DailyReportRepository; instructions: LeaderInstructionRepository };
  /** 批量迁移: the batches and their instances as rows, and the background runner that works through them (docs/adr/0062). */
  migrationBatches: MigrationBatchRepository;
  batchRunner: { kick(id: string): void };
  now: () => Date;
}

/** One operation: registers its route and its OpenAPI description. */
export type RouteModule = (ctx: { router: Router; registry: ApiRegistry; deps: ApiDeps }) => void;
