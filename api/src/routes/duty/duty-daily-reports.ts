import { makeDailyReportSchema } from '@kuaibao/domain';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams, parseQuery } from '../../http/validate';
import { dailyReportsOfDay, dailyReportTally, fileDailyReport, receiveDailyReport } from '../../services/duty/daily-report-service';
import { dailyReportTallySchema, dayQuerySchema, idParamsSchema, tallyQuerySchema } from './duty.types';

/** 值班信息日报 (004 四): filed by 16:00, received (签收) by the unit above, counted per unit. */
export const dutyDailyReports: RouteModule = ({ router, registry, deps }) => {
  const bodyFor = perLocale(makeDailyReportSchema);
  const dayFor = perLocale(dayQuerySchema);
  const tallyFor = perLocale(tallyQuerySchema);
  registry.registerPath({
    method: 'post', path: '/api/duty/daily-reports', tags: ['duty'],
    summary: '报送值班信息日报 / File your unit’s daily duty report (due 16:00 Beijing time; once per day)',
    request: { body: { content: { 'application/json': { schema: makeDailyReportSchema() } } } },
    responses: { 201: { description: 'Filed, with its standing (on_time / late)' }, 400: { description: 'Invalid (field paths)' }, 403: { description: 'Only duty officers and leaders' }, 409: { description: 'Already filed that day, or no unit above to report to' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/duty/daily-reports', tags: ['duty'],
    summary: '值班信息日报 / One day: your unit’s report and, for a receiving unit, each reporting unit’s standing (on_time, late, missed, pending)',
    request: { query: dayQuerySchema() }, responses: { 200: { description: 'The day' }, 400: { description: 'Bad day' } },
  });
  registry.registerPath({
    method: 'post', path: '/api/duty/daily-reports/{id}/receipt', tags: ['duty'], summary: '签收值班信息日报 / Receive a daily duty report',
    request: { params: idParamsSchema }, responses: { 204: { description: 'Received' }, 403: { description: 'Not the receiving unit’s duty staff' }, 404: { description: 'Not found' }, 409: { description: 'Already received' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/duty/daily-reports/tally', tags: ['duty', 'stats'],
    summary: '值班信息日报统计 / Per unit reporting to the receiver (default: your unit): expected, on time, late (迟报), missed (漏报), still due',
    request: { query: tallyQuerySchema() },
    responses: { 200: { description: 'Counts per unit', content: { 'application/json': { schema: dailyReportTallySchema } } }, 400: { description: 'Bad period' }, 403: { description: 'Another unit’s receipts' } },
  });

  router.post('/api/duty/daily-reports', async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await fileDailyReport(deps, user, parseBody(bodyFor(req), req), clientIp(req)));
  });
  router.get('/api/duty/daily-reports/tally', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(tallyFor(req), req);
    res.json(await dailyReportTally(deps, user, query.from, query.to, query.receiverId));
  });
  router.get('/api/duty/daily-reports', async (req, res) => {
    const user = requireUser(res);
    res.json(await dailyReportsOfDay(deps, user, parseQuery(dayFor(req), req).day));
  });
  router.post('/api/duty/daily-reports/:id/receipt', async (req, res) => {
    const user = requireUser(res);
    await receiveDailyReport(deps, user, parseParams(idParamsSchema, req).id, clientIp(req));
    res.status(204).end();
  });
};
