import type {
  AuditRepository, ClockRepository, DutyRosterRepository, InboxRepository, IncidentRepository, LeaderInstructionRepository, OrgUnitRepository, StepWritesFactory, UserRepository,
} from '@kuaibao/db';
import type { Policy } from '@kuaibao/domain';
import type { WorkflowEngine } from '@kuaibao/engine';
import type { Notifier } from '../notify/notifier';

/** What handlers may touch. Injected, so they run unchanged on both engines and in tests. */
export interface HandlerDeps {
  orgUnits: OrgUnitRepository;
  incidents: IncidentRepository;
  audit: AuditRepository;
  users: UserRepository;
  /** Open tasks of an instance: whom a 催办 reaches. */
  inbox: Pick<InboxRepository, 'openTasksOf'>;
  clocks: ClockRepository;
  /** The deployed policy for a jurisdiction (division code or policy code), nearest up the tree, else the default. */
  policies: (jurisdiction: string) => Promise<Policy | undefined>;
  /** The notifier port (SMS gateway + notification table + audit). */
  notify: Notifier;
  /**
   * Messages between branches of an instance (004: the superior department's branch waits for its clearance); the
   * incident's other instances, which a revocation ends (000).
   */
  messages: Pick<WorkflowEngine, 'publishMessage' | 'findInstances' | 'cancelInstance'>;
  /**
   * The business writes a job's completion carries (`complete(variables, deps.writes(…))`): on the embedded engine they
   * commit in the step that completes the job, so no job completes without its rows (ADR 0027).
   */
  writes: StepWritesFactory;
  /** Duty rosters: alerts and 催办 reach whoever is on duty now (issue 23); absent, every duty officer as before. */
  roster?: Pick<DutyRosterRepository, 'between'>;
  /** 领导批示 (ADR 0046): the 落实 deadline's timer reads which named units have not reported (ADR 0061). */
  instructions?: Pick<LeaderInstructionRepository, 'get'>;
  now: () => Date;
}

export const SYSTEM_ACTOR = '系统';
