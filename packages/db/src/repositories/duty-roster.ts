import type { DutyRosterDay, PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';
import { appendDutyAudit, type DutyAuditEntry } from './duty-audit';

export interface RosterDayData {
  unitId: string;
  day: string;
  leaderUserId: string;
  officerUserIds: string[];
  holiday: boolean;
  holidayName: string | null;
  note: string | null;
}

type Actor = Pick<DutyAuditEntry, 'actorId' | 'actorName' | 'divisionCode' | 'ip'>;

/** Duty rosters (`duty_roster_day`): one row per duty office and day; every change with its admin-trail entry. */
export function createDutyRosterRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  return {
    /** The roster days of `unitIds` from `from` to `to` (both included), by unit and day. */
    /** Read by every notice to a duty office (marked, prepared on the driver; docs/adr/0068). */
    between: (unitIds: readonly string[], from: string, to: string) => raw.$queryRaw<DutyRosterDay[]>`/* prepared */
      SELECT unit_id AS "unitId", day, leader_user_id AS "leaderUserId", officer_user_ids AS "officerUserIds", holiday, holiday_name AS "holidayName",
             note, updated_by_id AS "updatedById", updated_at AS "updatedAt"
      FROM duty_roster_day WHERE unit_id = ANY(${[...unitIds]}::text[]) AND day >= ${from} AND day <= ${to} ORDER BY unit_id, day`,

    /** Sets one day (replacing what was there), with the before → after in the trail. */
    async set(data: RosterDayData, actor: Actor, at: Date) {
      return prisma.$transaction(async (tx) => {
        const before = await tx.dutyRosterDay.findUnique({ where: { unitId_day: { unitId: data.unitId, day: data.day } } });
        const row = { ...data, updatedById: actor.actorId, updatedAt: at };
        const saved = await tx.dutyRosterDay.upsert({ where: { unitId_day: { unitId: data.unitId, day: data.day } }, create: row, update: row });
        await appendDutyAudit(tx, { ...actor, action: 'duty.roster.set', entityType: 'duty_roster', entityId: `${data.unitId}:${data.day}`, unitId: data.unitId, before, after: saved }, at);
        return saved;
      });
    },

    /** Removes one day; false when there was none. */
    async clear(unitId: string, day: string, actor: Actor, at: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.dutyRosterDay.findUnique({ where: { unitId_day: { unitId, day } } });
        if (!before) return false;
        await tx.dutyRosterDay.delete({ where: { unitId_day: { unitId, day } } });
        await appendDutyAudit(tx, { ...actor, action: 'duty.roster.clear', entityType: 'duty_roster', entityId: `${unitId}:${day}`, unitId, before }, at);
        return true;
      });
    },
  };
}

export type DutyRosterRepository = ReturnType<typeof createDutyRosterRepository>;
