import { timelinessStatsSchema } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf, perLocale } from '../../http/locale';
import { parse, parseQuery } from '../../http/validate';
import { timelinessPeriod, timelinessStats } from '../../services/statistics/timeliness-service';
import { timelinessSheet } from '../../services/statistics/timeliness-sheet';
import { makeTimelinessQuerySchema } from './timeliness.types';

/** 报送时效统计: per reporting unit, the 首报 clocks met, late (迟报) and running in a period, over what the user may see; as JSON or XLSX. */
export const timeliness: RouteModule = ({ router, registry, deps }) => {
  const queryFor = perLocale(makeTimelinessQuerySchema);
  /** The period asked for, completed by the defaults and checked whole (at most TIMELINESS_MAX_DAYS). */
  const periodOf = (req: Parameters<typeof queryFor>[0]) => {
    const period = timelinessPeriod(parseQuery(queryFor(req), req), deps.now());
    parse(queryFor(req), period, req);
    return period;
  };
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
    res.json(await timelinessStats(deps, user, periodOf(req)));
  });

  registry.registerPath({
    method: 'get',
    path: '/api/stats/timeliness/export',
    tags: ['stats'],
    summary: '导出时效统计 / The same figures as an XLSX workbook (a row per unit and the total; 按时率 as a percentage)',
    request: { query: makeTimelinessQuerySchema('zh-CN') },
    responses: { 200: { description: 'The XLSX file' }, 400: { description: 'A bad date or period' } },
  });
  router.get('/api/stats/timeliness/export', async (req, res) => {
    const user = requireUser(res);
    const stats = await timelinessStats(deps, user, periodOf(req));
    const name = `kuaibao-timeliness-${stats.from}-${stats.to}.xlsx`;
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('Content-Disposition', `attachment; filename="${name}"`).send(await timelinessSheet(stats, localeOf(req)));
  });
};
