import { beijingDay, dailyReportOnTimeRate, periodDays, periodLabel, tallyInstructions, type DutyStats, type PeriodQuery } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import type { Locale } from '../../http/locale';
import { dailyReportTally } from '../duty/daily-report-service';
import { unitIndex } from '../duty/duty-context';

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * 值班工作统计 of a month, quarter or year for the caller's unit (docs/adr/0061): the 值班信息日报 of the units reporting
 * their duty to it, counted over the period's days up to today (a day to come is not yet due), and the 落实 of the
 * 领导批示 it relayed in the period, per named unit. Both are the counts the duty pages show, read by the same functions.
 */
export async function dutyStats(deps: ApiDeps, user: SessionUser, query: PeriodQuery, locale: Locale): Promise<DutyStats> {
  const { from, to } = periodDays(query);
  const now = deps.now();
  const today = beijingDay(now);
  const through = to < today ? to : today;
  const units = await unitIndex(deps);
  const name = (id: string) => units.get(id)?.name ?? id;
  const daily = from <= through ? (await dailyReportTally(deps, user, from, through)).units : [];
  const relayed = await deps.duty.instructions.relayedBetween(user.unitId, dayStart(from), new Date(dayStart(to).getTime() + 86_400_000));
  return {
    label: periodLabel(query, locale),
    from,
    to,
    through,
    unit: { id: user.unitId, name: name(user.unitId) },
    dailyReports: daily.map((t) => ({ ...t, onTimeRate: dailyReportOnTimeRate(t) })),
    instructions: { relayed: relayed.length, units: tallyInstructions(relayed, now).map((t) => ({ ...t, unitName: name(t.unitId) })) },
  };
}
