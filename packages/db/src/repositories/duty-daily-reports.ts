import type { Prisma, PrismaClient } from '@prisma/client';
import { appendDutyAudit, type DutyAuditEntry } from './duty-audit';

export interface NewDailyReport {
  id: string;
  unitId: string;
  day: string;
  receiverId: string;
  content: Record<string, unknown>;
  filedAt: Date;
  filedById: string;
  filedByName: string;
}

type Actor = Pick<DutyAuditEntry, 'actorId' | 'actorName' | 'divisionCode' | 'ip'>;

/** 值班信息日报 (`duty_daily_report`): filed once per unit and day, received by the unit above. */
export function createDailyReportRepository(prisma: PrismaClient) {
  return {
    /** Files a report; null when the unit already filed for that day (the unique key decides, not a read before). */
    file: (report: NewDailyReport, actor: Actor) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.dutyDailyReport.createMany({ data: [{ ...report, content: report.content as Prisma.InputJsonValue }], skipDuplicates: true });
        if (count === 0) return null;
        await appendDutyAudit(tx, { ...actor, action: 'duty.daily_report.filed', entityType: 'duty_daily_report', entityId: report.id, unitId: report.unitId, after: { day: report.day, receiverId: report.receiverId } }, report.filedAt);
        return tx.dutyDailyReport.findUniqueOrThrow({ where: { id: report.id } });
      }),

    get: (id: string) => prisma.dutyDailyReport.findUnique({ where: { id } }),

    /** Marks it received (签收); false when someone received it first. */
    async receive(id: string, by: { id: string; name: string }, actor: Actor, at: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.dutyDailyReport.updateMany({ where: { id, receivedAt: null }, data: { receivedAt: at, receivedById: by.id, receivedByName: by.name } });
        if (count === 1) {
          const row = await tx.dutyDailyReport.findUniqueOrThrow({ where: { id } });
          await appendDutyAudit(tx, { ...actor, action: 'duty.daily_report.received', entityType: 'duty_daily_report', entityId: id, unitId: row.unitId }, at);
        }
        return count === 1;
      });
    },

    /** The reports of `unitIds` from `from` to `to` (both included). */
    between: (unitIds: readonly string[], from: string, to: string) =>
      prisma.dutyDailyReport.findMany({ where: { unitId: { in: [...unitIds] }, day: { gte: from, lte: to } }, orderBy: [{ day: 'desc' }, { unitId: 'asc' }] }),
  };
}

export type DailyReportRepository = ReturnType<typeof createDailyReportRepository>;
