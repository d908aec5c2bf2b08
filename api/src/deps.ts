import type {
  AuditRepository, ClockRepository, MonitorRepository, OrgAdminRepository, ProcessDesignRepository, Database, NotificationRepository, InboxRepository, IncidentRepository, OrgUnitRepository, SessionRepository, StatsRepository,
  StepWritesFactory, UserRepository,
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
  incidents: IncidentRepository;
  inbox: InboxRepository;
  audit: AuditRepository;
  /** Statutory clocks of reports and the notifications sent about them (docs/adr/0009). */
  clocks: ClockRepository;
  notifications: NotificationRepository;
  /** Texts people through the SMS gateway and records it (催办 and 终止 from 流程监控, docs/adr/0040). */
  notify: Notifier;
  /** 流程监控's search and dashboard over the business tables (docs/adr/0040). */
  monitor: MonitorRepository;
  /** 报送时效 per reporting unit (how the 首报 clocks ended). */
  stats: StatsRepository;
  /** The designer's process drafts and deployments (docs/adr/0036). */
  designs: ProcessDesignRepository;
  /** Inbox changes for `GET /api/events` (task service and open-task watcher publish). */
  events: TaskEventBus;
  /** Business writes that commit with an engine completion (a task's corrections and audit entry: ADR 0027). */
  stepWrites: StepWritesFactory;
  now: () => Date;
}

/** One operation: registers its route and its OpenAPI description. */
export type RouteModule = (ctx: { router: Router; registry: ApiRegistry; deps: ApiDeps }) => void;
