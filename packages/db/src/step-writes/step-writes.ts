import type { StepCommand, StepTransaction, StepWrites } from '@kuaibao/engine';
import type { Prisma, PrismaClient } from '@prisma/client';
import { createAuditRepository } from '../repositories/audit';
import { createClockRepository } from '../repositories/clocks';
import { createIncidentRepository } from '../repositories/incidents';
import { createNotificationRepository } from '../repositories/notifications';

/**
 * What a step's business writes may do, every repository on one transaction client: the engine step's own
 * on the embedded engine, a transaction of their own (with the pending command) on Zeebe.
 */
export function stepRepositories(client: Prisma.TransactionClient) {
  const db = client as PrismaClient; // only the methods below are offered: none of them opens a transaction of its own
  const incidents = createIncidentRepository(db);
  const clocks = createClockRepository(db);
  const audit = createAuditRepository(db);
  const notifications = createNotificationRepository(db);
  return {
    incidents: {
      getReport: incidents.getReport,
      setReportStatus: incidents.setReportStatus,
      advanceReportStatus: incidents.advanceReportStatus,
      updateReportContent: incidents.updateReportContent,
      recordRecipient: incidents.recordRecipient,
      refreshHeader: incidents.refreshHeader,
      closeIncident: incidents.closeIncident,
    },
    clocks: { forReport: clocks.forReport, record: clocks.record, settle: clocks.settle, markOverdue: clocks.markOverdue, tighten: clocks.tighten },
    audit: { append: audit.append },
    /** In-app notices only (撤回's): a text leaves the system and is sent before the step, never inside it (ADR 0027). */
    notifications: { record: notifications.record },
  };
}

export type StepRepositories = ReturnType<typeof stepRepositories>;
export type StepWork = (repositories: StepRepositories) => Promise<void>;
/** Builds the StepWrites of one piece of business work, for an engine completion (docs/adr/0027). */
export type StepWritesFactory = (work: StepWork) => StepWrites;

const commandId = (command: StepCommand) => `${command.kind}:${command.key}`;

/**
 * Business writes that commit with an engine step. On the embedded engine `within` runs them on the
 * step's transaction client (the store's handle). On Zeebe `before` commits them with a pending command row
 * in one transaction of their own and `after` deletes it once the engine has answered.
 */
export function createStepWrites(prisma: PrismaClient): StepWritesFactory {
  return (work) => ({
    within: (tx: StepTransaction) => work(stepRepositories(tx as unknown as Prisma.TransactionClient)),
    before: (command) =>
      prisma.$transaction(async (tx) => {
        await work(stepRepositories(tx));
        const row = { kind: command.kind, key: command.key, variables: command.variables as Prisma.InputJsonValue };
        await tx.pendingEngineCommand.upsert({ where: { id: commandId(command) }, create: { id: commandId(command), ...row }, update: row });
      }),
    after: async (command) => {
      await prisma.pendingEngineCommand.deleteMany({ where: { id: commandId(command) } });
    },
  });
}
