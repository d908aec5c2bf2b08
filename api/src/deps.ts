import type {
  AuditRepository, ClockRepository, ProcessDesignRepository, Database, NotificationRepository, InboxRepository, IncidentRepository, OrgUnitRepository, SessionRepository, StatsRepository, UserRepository,
} from '@kuaibao/db';
import type { EngineHealth, WorkflowEngine } from '@kuaibao/engine';
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
  incidents: IncidentRepository;
  inbox: InboxRepository;
  audit: AuditRepository;
  /** Statutory clocks of reports and the notifications sent about them (docs/adr/0009). */
  clocks: ClockRepository;
  notifications: NotificationRepository;
  /** 报送时效 per reporting unit (how the 首报 clocks ended). */
  stats: StatsRepository;
  /** The designer's process drafts and deployments (docs/adr/0036). */
  designs: ProcessDesignRepository;
  /** Inbox changes for `GET /api/events` (task service and open-task watcher publish). */
  events: TaskEventBus;
  now: () => Date;
}

/** One operation: registers its route and its OpenAPI description. */
export type RouteModule = (ctx: { router: Router; registry: ApiRegistry; deps: ApiDeps }) => void;
