import { randomUUID } from 'node:crypto';
import { HOLIDAY_COUNT_KEYS, type HolidayCounts, type HolidayPeriod } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';

/** Who did it, for the admin trail (admin_audit_event), written in the same transaction as the change. */
export interface HolidayActor {
  id: string;
  name: string;
  ip: string | null;
}

export interface HolidayReturnRow extends HolidayCounts {
  id: string;
  holidayId: string;
  unitId: string;
  day: string;
  other: string;
  filledBy: string;
  phone: string;
  filedById: string;
  filedAt: Date;
  updatedAt: Date;
}

export interface HolidaySummaryRow {
  id: string;
  holidayId: string;
  day: string;
  kind: 'daily' | 'overall';
  content: unknown;
  submittedById: string;
  submittedAt: Date;
}

const periodOf = (p: { id: string; name: string; collectorUnitId: string; firstDay: string; lastDay: string; returnDue: string; summaryDue: string }): HolidayPeriod => ({
  id: p.id, name: p.name, collectorUnitId: p.collectorUnitId, firstDay: p.firstDay, lastDay: p.lastDay, returnDue: p.returnDue, summaryDue: p.summaryDue,
});

/** 节假日期间日信息统计 (docs/adr/0049): holiday periods, the returns filed for their days, the summaries sent up. */
export function createHolidayRepository(prisma: PrismaClient) {
  const audit = (tx: Prisma.TransactionClient, actor: HolidayActor, action: string, entityType: string, entityId: string, unitId: string, after: unknown) =>
    tx.adminAuditEvent.create({
      data: { actorId: actor.id, actorName: actor.name, action, entityType, entityId, unitId, after: after as Prisma.InputJsonValue, ip: actor.ip },
    });

  return {
    /** Holidays collected by these units (all when absent), latest first. */
    async periods(collectorUnitIds?: readonly string[]): Promise<HolidayPeriod[]> {
      const rows = await prisma.holidayPeriod.findMany({
        where: collectorUnitIds ? { collectorUnitId: { in: [...collectorUnitIds] } } : {},
        orderBy: [{ firstDay: 'desc' }, { id: 'asc' }],
      });
      return rows.map(periodOf);
    },

    async period(id: string): Promise<HolidayPeriod | null> {
      const row = await prisma.holidayPeriod.findUnique({ where: { id } });
      return row && periodOf(row);
    },

    async createPeriod(period: HolidayPeriod, actor: HolidayActor): Promise<HolidayPeriod> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.holidayPeriod.create({ data: period });
        await audit(tx, actor, 'holiday.create', 'holiday_period', period.id, period.collectorUnitId, period);
        return periodOf(row);
      });
    },

    /** The units that file to a collector: active units whose superior department it is (seed 004: 统计到县一级). */
    async filers(collectorUnitId: string): Promise<{ id: string; name: string }[]> {
      const rows = await prisma.orgUnit.findMany({ where: { superiorDepartmentId: collectorUnitId, active: true }, select: { id: true, name: true, code: true }, orderBy: { code: 'asc' } });
      return rows.map(({ id, name }) => ({ id, name }));
    },

    /**
     * Files (or corrects) a unit's return for a day: one row per holiday, day and unit. The first filing's time stays:
     * the deadline is judged on it.
     */
    async fileReturn(input: Omit<HolidayReturnRow, 'id' | 'filedAt' | 'updatedAt'>, now: Date, actor: HolidayActor): Promise<{ row: HolidayReturnRow; corrected: boolean }> {
      return prisma.$transaction(async (tx) => {
        const figures = Object.fromEntries(HOLIDAY_COUNT_KEYS.map((k) => [k, input[k]])) as HolidayCounts;
        const data = { ...figures, other: input.other, filledBy: input.filledBy, phone: input.phone, filedById: input.filedById, updatedAt: now };
        const key = { holidayId_day_unitId: { holidayId: input.holidayId, day: input.day, unitId: input.unitId } };
        const before = await tx.holidayReturn.findUnique({ where: key });
        const row = before
          ? await tx.holidayReturn.update({ where: key, data })
          : await tx.holidayReturn.create({ data: { id: randomUUID(), holidayId: input.holidayId, day: input.day, unitId: input.unitId, filedAt: now, ...data } });
        await audit(tx, actor, before ? 'holiday_return.correct' : 'holiday_return.file', 'holiday_return', row.id, input.unitId, { day: input.day, ...figures, other: input.other });
        return { row: row as HolidayReturnRow, corrected: !!before };
      });
    },

    /** A holiday's returns, of one day or of all. */
    async returns(holidayId: string, day?: string): Promise<HolidayReturnRow[]> {
      return (await prisma.holidayReturn.findMany({ where: { holidayId, ...(day && { day }) }, orderBy: [{ day: 'asc' }, { unitId: 'asc' }] })) as HolidayReturnRow[];
    },

    async summaries(holidayId: string): Promise<HolidaySummaryRow[]> {
      return (await prisma.holidaySummary.findMany({ where: { holidayId }, orderBy: [{ day: 'asc' }, { kind: 'asc' }] })) as HolidaySummaryRow[];
    },

    /** Sends a summary up; false if that day's summary of that kind was sent already (nothing written). */
    async submitSummary(summary: Omit<HolidaySummaryRow, 'id'>, collectorUnitId: string, actor: HolidayActor): Promise<HolidaySummaryRow | false> {
      return prisma.$transaction(async (tx) => {
        const id = randomUUID();
        // ON CONFLICT DO NOTHING: a second sender (or a double click) finds the row there, and nothing is written
        const { count } = await tx.holidaySummary.createMany({ data: [{ id, ...summary, content: summary.content as Prisma.InputJsonValue }], skipDuplicates: true });
        if (count === 0) return false;
        await audit(tx, actor, `holiday_summary.${summary.kind}`, 'holiday_summary', id, collectorUnitId, summary.content);
        return { id, ...summary };
      });
    },
  };
}

export type HolidayRepository = ReturnType<typeof createHolidayRepository>;
