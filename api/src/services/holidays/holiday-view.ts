import {
  filingStatus, HOLIDAY_COUNT_KEYS, holidayDays, holidayDeadlines, sumHolidayReturns, zeroCounts,
  type FilingStatus, type HolidayCounts, type HolidayPeriod,
} from '@kuaibao/domain';
import type { HolidayReturnRow, HolidaySummaryRow } from '@kuaibao/db';
import type { ApiDeps } from '../../deps';
import type { HolidayStanding } from './holiday-access';

export interface UnitDay {
  unitId: string;
  unitName: string;
  status: FilingStatus;
  return: (HolidayCounts & { other: string; filledBy: string; phone: string; filedAt: string; updatedAt: string }) | null;
}

const counts = (r: HolidayReturnRow): HolidayCounts => Object.fromEntries(HOLIDAY_COUNT_KEYS.map((k) => [k, r[k]])) as HolidayCounts;

const summaryOut = (s: HolidaySummaryRow | undefined, due: Date, now: Date) =>
  ({ status: filingStatus(s?.submittedAt, due, now), submittedAt: s?.submittedAt.toISOString() ?? null, content: s?.content ?? null });

/**
 * One holiday day as the caller may see it: each filing unit's return and status (a filer: its own only), the city's
 * totals summed from the returns (collector and readers), and the summary's status against its deadline.
 */
export async function holidayDay(deps: Pick<ApiDeps, 'holidays' | 'now'>, period: HolidayPeriod, standing: HolidayStanding, day: string) {
  const now = deps.now();
  const { returnDue, summaryDue } = holidayDeadlines(period, day);
  const [filers, returns, summaries] = await Promise.all([deps.holidays.filers(period.collectorUnitId), deps.holidays.returns(period.id, day), deps.holidays.summaries(period.id)]);
  const byUnit = new Map(returns.map((r) => [r.unitId, r]));
  const units: UnitDay[] = filers
    .filter((u) => standing.reader || u.id === standing.filerUnitId)
    .map((u) => {
      const r = byUnit.get(u.id);
      return {
        unitId: u.id, unitName: u.name, status: filingStatus(r?.filedAt, returnDue, now),
        return: r ? { ...counts(r), other: r.other, filledBy: r.filledBy, phone: r.phone, filedAt: r.filedAt.toISOString(), updatedAt: r.updatedAt.toISOString() } : null,
      };
    });
  const base = { holiday: period, day, lastDay: day === period.lastDay, returnDue: returnDue.toISOString(), summaryDue: summaryDue.toISOString(), units };
  if (!standing.reader) return base;
  const filed = units.filter((u) => u.return).map((u) => ({ ...u.return!, unitName: u.unitName }));
  const find = (kind: string) => summaries.find((s) => s.day === day && s.kind === kind);
  return {
    ...base,
    total: sumHolidayReturns(filed),
    tally: tallyOf(units.map((u) => u.status)),
    summary: summaryOut(find('daily'), summaryDue, now),
    ...(day === period.lastDay && { overallSummary: summaryOut(find('overall'), summaryDue, now) }),
  };
}

const tallyOf = (statuses: FilingStatus[]) => {
  const tally: Record<FilingStatus, number> = { on_time: 0, late: 0, missing: 0, pending: 0 };
  for (const s of statuses) tally[s] += 1;
  return tally;
};

/**
 * 节假日值班值守综合情况 (the overall summary, seed 004: on the holiday's last day): per unit its figures summed over
 * every day so far, with how many days it filed on time, late or not at all; and the whole holiday's totals.
 */
export async function holidayOverall(deps: Pick<ApiDeps, 'holidays' | 'now'>, period: HolidayPeriod) {
  const now = deps.now();
  const [filers, returns] = await Promise.all([deps.holidays.filers(period.collectorUnitId), deps.holidays.returns(period.id)]);
  const days = holidayDays(period);
  const units = filers.map((u) => {
    const own = returns.filter((r) => r.unitId === u.id);
    const figures = zeroCounts();
    for (const r of own) for (const k of HOLIDAY_COUNT_KEYS) figures[k] += r[k];
    const statuses = days.map((day) => filingStatus(own.find((r) => r.day === day)?.filedAt, holidayDeadlines(period, day).returnDue, now));
    return { unitId: u.id, unitName: u.name, ...figures, other: own.filter((r) => r.other).map((r) => `${r.day}：${r.other}`).join('\n'), tally: tallyOf(statuses) };
  });
  return { holiday: period, days, units, total: sumHolidayReturns(units) };
}
