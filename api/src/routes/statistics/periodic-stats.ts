import { dutyStatsSchema, makePeriodQuerySchema, periodicStatsSchema } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf, perLocale } from '../../http/locale';
import { parseQuery } from '../../http/validate';
import { dutyStats } from '../../services/statistics/duty-stats-service';
import { periodicStats } from '../../services/statistics/periodic-stats-service';
import { periodicStatsSheet } from '../../services/statistics/periodic-stats-sheet';

/** 定期统计 (docs/adr/0050): a month, quarter or year of incidents and per-unit 报送率, 及时率, 迟报, 漏报 and score; as JSON or XLSX. */
export const periodicStatsRoute: RouteModule = ({ router, registry, deps }) => {
  const queryFor = perLocale(makePeriodQuerySchema);
  registry.registerPath({
    method: 'get', path: '/api/stats/periodic', tags: ['stats'],
    summary: '定期统计 / Incidents by category, grade, month and reporting unit in a month, quarter or year (Beijing dates), with each unit’s 报送率, 及时率, 迟报 and 漏报 counts and 001’s score, over what the caller may see',
    request: { query: makePeriodQuerySchema('zh-CN') },
    responses: { 200: { description: 'The figures', content: { 'application/json': { schema: periodicStatsSchema } } }, 400: { description: 'A bad or missing period field, named' } },
  });
  router.get('/api/stats/periodic', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(queryFor(req), req);
    res.json(await periodicStats(deps, user, query, localeOf(req)));
  });

  registry.registerPath({
    method: 'get', path: '/api/stats/duty', tags: ['stats', 'duty'],
    summary: '值班工作统计 / The caller’s unit’s duty work in a month, quarter or year: the 值班信息日报 of the units reporting to it (按时, 迟报, 漏报 up to today) and the 落实 of the 领导批示 it relayed, per named unit (按时, 逾期落实, 逾期未落实, 办理中)',
    request: { query: makePeriodQuerySchema('zh-CN') },
    responses: { 200: { description: 'The counts', content: { 'application/json': { schema: dutyStatsSchema } } }, 400: { description: 'A bad or missing period field, named' } },
  });
  router.get('/api/stats/duty', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(queryFor(req), req);
    res.json(await dutyStats(deps, user, query, localeOf(req)));
  });

  registry.registerPath({
    method: 'get', path: '/api/stats/periodic/export', tags: ['stats'],
    summary: '导出定期统计 / The same figures as an XLSX workbook (概况, 按类别, 按等级, 按单位, and the caller’s unit’s 值班信息日报 and 领导批示落实)',
    request: { query: makePeriodQuerySchema('zh-CN') },
    responses: { 200: { description: 'The XLSX file' }, 400: { description: 'A bad or missing period field, named' } },
  });
  router.get('/api/stats/periodic/export', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(queryFor(req), req);
    const locale = localeOf(req);
    const stats = await periodicStats(deps, user, query, locale);
    const duty = await dutyStats(deps, user, query, locale);
    const name = `kuaibao-stats-${stats.from}-${stats.to}.xlsx`;
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('Content-Disposition', `attachment; filename="${name}"`).send(await periodicStatsSheet(stats, locale, duty));
  });
};
