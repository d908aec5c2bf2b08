import type { AuditRepository, IncidentRepository, OrgUnitRepository } from '@kuaibao/db';
import type { Policy } from '@kuaibao/domain';
import type { WorkflowEngine } from '@kuaibao/engine';

/** What handlers may touch. Injected, so they run unchanged on both engines and in tests. */
export interface HandlerDeps {
  orgUnits: OrgUnitRepository;
  incidents: IncidentRepository;
  audit: AuditRepository;
  /** The jurisdiction policy for a division code (or policy code): the nearest up the tree, else the default. */
  policies: (jurisdiction: string) => Policy | undefined;
  /** Messages between branches of an instance (004: the superior department's branch waits for its clearance). */
  messages: Pick<WorkflowEngine, 'publishMessage'>;
  now: () => Date;
}

export const SYSTEM_ACTOR = '系统';
