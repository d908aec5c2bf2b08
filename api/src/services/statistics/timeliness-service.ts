import type { ClockCounts, TimelinessStats } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { beijingDayStart, beijingToday, DAY_MS } from '../../routes/stats/timeliness.types';
import { visibilityOf } from '../visibility';

const sum = (tallies: ClockCounts[]): ClockCounts => ({
  met: tallies.reduce((n, t) => n + t.met, 0),
  late: tallies.reduce((n, t) => n + t.late, 0),
  open: tallies.reduce((n, t) => n + t.open, 0),
});

/** The period as the query leaves it: to defaults to today (or `from` if later), from to the first of to's month. */
export function timelinessPeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: string; to: string } {
  const today = beijingToday(now);
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  return { from: query.from ?? `${to.slice(0, 8)}01`, to };
}

/** 报送时效统计 (docs/adr/0023) of a checked period, over what the user may see: per unit, most late first, and the total. */
export async function timelinessStats(deps: ApiDeps, user: SessionUser, period: { from: string; to: string }): Promise<TimelinessStats> {
  const visibility = await visibilityOf(user, deps);
  const units = await deps.stats.timeliness({
    now: deps.now(),
    from: beijingDayStart(period.from),
    to: new Date(beijingDayStart(period.to).getTime() + DAY_MS),
    ...(visibility.unitIds && { unitIds: visibility.unitIds, orNumbers: visibility.deliveredNumbers }),
  });
  const byStatus: Record<string, number> = {};
  for (const unit of units) for (const [status, n] of Object.entries(unit.firstReportsByStatus)) byStatus[status] = (byStatus[status] ?? 0) + n;
  const total = {
    incidents: units.reduce((n, u) => n + u.incidents, 0),
    mandatory: units.reduce((n, u) => n + u.mandatory, 0),
    voluntary: units.reduce((n, u) => n + u.voluntary, 0),
    firstReportsByStatus: byStatus,
    phone: sum(units.map((u) => u.phone)),
    written: sum(units.map((u) => u.written)),
    verification: sum(units.map((u) => u.verification)),
    stateCouncil: sum(units.map((u) => u.stateCouncil)),
  };
  return { ...period, units, total };
}
