import { createAuditRepository, createIncidentRepository, createOrgUnitRepository, type Database } from '@kuaibao/db';
import type { HandlerDeps } from './handlers/deps';

/** The handlers' dependencies on a database: one place, so `npm start`, `npm run api` and `npm run worker` build them alike. */
export function createHandlerDeps(db: Database, options: Pick<HandlerDeps, 'policies' | 'messages'> & { now?: () => Date }): HandlerDeps {
  return {
    orgUnits: createOrgUnitRepository(db.prisma),
    incidents: createIncidentRepository(db.prisma),
    audit: createAuditRepository(db.prisma),
    policies: options.policies,
    messages: options.messages,
    now: options.now ?? (() => new Date()),
  };
}
