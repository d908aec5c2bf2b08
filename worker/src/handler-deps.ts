import {
  createAuditRepository, createClockRepository, createInboxRepository, createIncidentRepository, createNotificationRepository,
  createOrgUnitRepository, createPolicyRepository, createStepWrites, createDutyRosterRepository, createLeaderInstructionRepository, createUserRepository, type Database,
} from '@kuaibao/db';
import type { HandlerDeps } from './handlers/deps';
import { createNotifier } from './notify/notifier';
import type { SmsGateway } from './notify/sms-gateway';
import { deployedPolicies } from './policies';

/**
 * The handlers' dependencies on one database: repositories, deployed policies, the notifier over `gateway`, and
 * the engine's messages. One place, so `npm start`, `npm run api` and `npm run worker` build them alike.
 */
export function handlerDeps({ prisma, driver }: Pick<Database, 'prisma' | 'driver'>, options: Pick<HandlerDeps, 'messages'> & { gateway: SmsGateway; now?: () => Date }): HandlerDeps {
  const audit = createAuditRepository(prisma);
  return {
    orgUnits: createOrgUnitRepository(prisma),
    incidents: createIncidentRepository(prisma),
    audit,
    users: createUserRepository(prisma),
    inbox: createInboxRepository(driver),
    clocks: createClockRepository(prisma),
    policies: deployedPolicies(createPolicyRepository(prisma)),
    notify: createNotifier({ gateway: options.gateway, notifications: createNotificationRepository(prisma), audit }),
    messages: options.messages,
    writes: createStepWrites(prisma),
    roster: createDutyRosterRepository(prisma),
    instructions: createLeaderInstructionRepository(prisma),
    now: options.now ?? (() => new Date()),
  };
}
