import { randomUUID } from 'node:crypto';
import { dailyReportDueAt, dailyReportFilersFor, dailyReportReceiverOf, dailyReportStanding, daysBetween, beijingDay, tallyDailyReports, type DailyReportInput } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual, invalidField } from '../../errors/app-error';
import { requireDutyStaffOf, unitIndex } from './duty-context';

type ReportRow = NonNullable<Awaited<ReturnType<ApiDeps['duty']['dailyReports']['get']>>>;

const reportView = (row: ReportRow, now: Date) => ({
  id: row.id,
  unitId: row.unitId,
  day: row.day,
  content: row.content,
  filedAt: row.filedAt.toISOString(),
  filedBy: row.filedByName,
  standing: dailyReportStanding(row.day, row.filedAt, now),
  receivedAt: row.receivedAt?.toISOString() ?? null,
  receivedBy: row.receivedByName,
});

/** Files the caller's unit's 值班信息日报 for a day (not a day to come); once per unit and day. */
export async function fileDailyReport(deps: ApiDeps, user: SessionUser, input: DailyReportInput, ip: string | null) {
  requireDutyStaffOf(user, user.unitId, { 'zh-CN': '报送值班信息日报', en: 'file its daily duty report' });
  const units = await unitIndex(deps);
  const unit = units.get(user.unitId);
  const receiver = dailyReportReceiverOf(units, user.unitId);
  if (!unit || !receiver) throw new AppError('CONFLICT', bilingual('本单位没有上级接收单位，无需报送值班信息日报', 'Your unit has no unit above it to report its duty to'));
  const now = deps.now();
  if (input.day > beijingDay(now)) throw invalidField('day', bilingual('不能报送尚未到来的值班日', 'A duty day still to come cannot be reported'));
  const row = await deps.duty.dailyReports.file(
    { id: randomUUID(), unitId: unit.id, day: input.day, receiverId: receiver.id, content: input, filedAt: now, filedById: user.id, filedByName: user.displayName },
    { actorId: user.id, actorName: user.displayName, divisionCode: unit.divisionCode, ip },
  );
  if (!row) throw new AppError('CONFLICT', bilingual(`本单位 ${input.day} 的值班信息日报已报送`, `Your unit already filed its daily duty report for ${input.day}`));
  return { ...reportView(row, now), receiver: { id: receiver.id, name: receiver.name }, dueAt: dailyReportDueAt(input.day).toISOString() };
}

/**
 * One day's daily reports as the caller's unit sees them: its own (filed or not, and where it goes), and — when it
 * receives reports — each expected unit's standing (on time, late, missed, still due) with its report.
 */
export async function dailyReportsOfDay(deps: ApiDeps, user: SessionUser, day: string) {
  const units = await unitIndex(deps);
  const now = deps.now();
  const filers = dailyReportFilersFor(units, user.unitId);
  const receiver = dailyReportReceiverOf(units, user.unitId);
  const rows = await deps.duty.dailyReports.between([user.unitId, ...filers.map((u) => u.id)], day, day);
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const own = byUnit.get(user.unitId);
  return {
    day,
    dueAt: dailyReportDueAt(day).toISOString(),
    own: {
      unit: { id: user.unitId, name: units.get(user.unitId)?.name ?? user.unitId },
      receiver: receiver && { id: receiver.id, name: receiver.name },
      standing: receiver ? dailyReportStanding(day, own?.filedAt ?? null, now) : null,
      report: own ? reportView(own, now) : null,
    },
    received: filers.map((unit) => {
      const row = byUnit.get(unit.id);
      return { unit: { id: unit.id, name: unit.name }, standing: dailyReportStanding(day, row?.filedAt ?? null, now), report: row ? reportView(row, now) : null };
    }),
  };
}

/** 签收: a duty officer or leader of the receiving unit marks a report received. */
export async function receiveDailyReport(deps: ApiDeps, user: SessionUser, id: string, ip: string | null) {
  const row = await deps.duty.dailyReports.get(id);
  if (!row || (row.receiverId !== user.unitId && row.unitId !== user.unitId)) throw new AppError('NOT_FOUND', bilingual('值班信息日报不存在', 'Daily duty report not found'));
  requireDutyStaffOf(user, row.receiverId, { 'zh-CN': '签收值班信息日报', en: 'receive daily duty reports' });
  const units = await unitIndex(deps);
  const received = await deps.duty.dailyReports.receive(id, { id: user.id, name: user.displayName }, { actorId: user.id, actorName: user.displayName, divisionCode: units.get(row.receiverId)?.divisionCode ?? null, ip }, deps.now());
  if (!received) throw new AppError('CONFLICT', bilingual(`已由 ${row.receivedByName ?? '他人'} 签收`, `Already received by ${row.receivedByName ?? 'someone else'}`));
}

/**
 * The count per unit over a period (for the statistics): filed on time, late (迟报), missed (漏报) and still due, for
 * every unit reporting to `receiverId` (default: the caller's unit).
 */
export async function dailyReportTally(deps: ApiDeps, user: SessionUser, from: string, to: string, receiverId: string = user.unitId) {
  const units = await unitIndex(deps);
  if (!units.has(receiverId)) throw new AppError('NOT_FOUND', bilingual(`单位 ${receiverId} 不存在`, `Unit ${receiverId} not found`));
  if (receiverId !== user.unitId && !user.roles.includes('system_admin')) {
    throw new AppError('FORBIDDEN', bilingual('只能统计报送到本单位的值班信息日报', 'Only the daily reports your unit receives can be counted'));
  }
  if (daysBetween(from, to).length > 366) throw invalidField('to', bilingual('统计区间不能超过一年', 'The period may be at most one year'));
  const filers = dailyReportFilersFor(units, receiverId);
  const rows = await deps.duty.dailyReports.between(filers.map((u) => u.id), from, to);
  const tallies = tallyDailyReports(filers.map((u) => u.id), daysBetween(from, to), rows, deps.now());
  return {
    from,
    to,
    receiver: { id: receiverId, name: units.get(receiverId)?.name ?? receiverId },
    units: tallies.map((t) => ({ ...t, unitName: units.get(t.unitId)?.name ?? t.unitId })),
  };
}
