import { timelinessStatsSchema, type ClockCounts } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parse, parseQuery } from '../../http/validate';
import { visibilityOf } from '../../services/visibility';
import { beijingDayStart, beijingToday, DAY_MS, makeTimelinessQuerySchema } from './timeliness.types';

const sum = (tallies: ClockCounts[]): ClockCounts => ({
  met: tallies.reduce((n, t) => n + t.met, 0),
  late: tallies.reduce((n, t) => n + t.late, 0),
  open: tallies.reduce((n, t) => n + t.open, 0),
});

/** 报送时效统计: per reporting unit, the 首报 clocks met, late (迟报) and running in a period, over what the user may see. */
export const timeliness: RouteModule = ({ router, registry, deps }) => {
  const queryFor = perLocale(makeTimelinessQuerySchema);
  registry.registerPath({
    method: 'get',
    path: '/api/stats/timeliness',
    tags: ['stats'],
    summary: '报送时效统计 / Per reporting unit: the first reports’ statutory clocks met, late and running in a period (Beijing days; default this month)',
    request: { query: makeTimelinessQuerySchema('zh-CN') },
    responses: { 200: { description: 'Units, most late first', content: { 'application/json': { schema: timelinessStatsSchema } } }, 400: { description: 'A bad date or period' } },
  });

  router.get('/api/stats/timeliness', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(queryFor(req), req);
    const today = beijingToday(deps.now());
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    const from = query.from ?? `${to.slice(0, 8)}01`;
    parse(queryFor(req), { from, to }, req); // the period as completed by the defaults: at most TIMELINESS_MAX_DAYS
    const visibility = await visibilityOf(user, deps);
    const units = await deps.stats.timeliness({
      now: deps.now(),
      from: beijingDayStart(from),
      to: new Date(beijingDayStart(to).getTime() + DAY_MS),
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
    res.json({ from, to, units, total });
  });
};
