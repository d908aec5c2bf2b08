import type { AuditRepository, IncidentRepository, OrgUnitRepository } from '@kuaibao/db';

/** What handlers may touch. Injected, so they run unchanged on both engines and in tests. */
export interface HandlerDeps {
  orgUnits: OrgUnitRepository;
  incidents: IncidentRepository;
  audit: AuditRepository;
  now: () => Date;
}

export const SYSTEM_ACTOR = '系统';
