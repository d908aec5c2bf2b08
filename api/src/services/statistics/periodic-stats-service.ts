import { labels, periodDays, periodLabel, REPORT_CATEGORIES, SEVERITIES, unitRates, type PeriodicStats, type PeriodQuery } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import type { Locale } from '../../http/locale';
import { visibilityOf } from '../visibility';

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** 定期统计 of a month, quarter or year over the incidents the caller may see (the incident list's visibility). */
export async function periodicStats(deps: Pick<ApiDeps, 'periodicStats' | 'orgUnits' | 'incidents' | 'now'>, user: SessionUser, query: PeriodQuery, locale: Locale): Promise<PeriodicStats> {
  const { from, to } = periodDays(query);
  const visibility = await visibilityOf(user, deps);
  const figures = await deps.periodicStats.figures({
    from: dayStart(from),
    to: new Date(dayStart(to).getTime() + 86_400_000),
    now: deps.now(),
    ...(visibility.unitIds && { unitIds: visibility.unitIds, orNumbers: visibility.deliveredNumbers }),
  });
  const words = labels[locale];
  const category = new Map(figures.byCategory.map((c) => [c.category, c.incidents]));
  const severity = new Map(figures.bySeverity.map((s) => [s.severity, s.incidents]));
  // every category and grade, zeros included: a chart whose bars come and go is hard to compare month to month
  return {
    period: query.period,
    label: periodLabel(query, locale),
    from,
    to,
    total: figures.total,
    byCategory: REPORT_CATEGORIES.map((c) => ({ category: c, label: words.category[c], incidents: category.get(c) ?? 0 })),
    bySeverity: SEVERITIES.map((s) => ({ severity: s, label: words.severity[s], incidents: severity.get(s) ?? 0 })),
    byMonth: figures.byMonth,
    units: figures.units.map((u) => ({ ...u, ...unitRates(u) })),
  };
}
