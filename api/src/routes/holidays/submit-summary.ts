import { dayOpenForFiling, filingStatus, holidayDeadlines } from '@kuaibao/domain';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { holidayFor, notCollector } from '../../services/holidays/holiday-access';
import { holidayDay, holidayOverall } from '../../services/holidays/holiday-view';
import { holidayParams, makeSummaryBody } from './holidays.types';

/**
 * 报送汇总 (seed 004): the collecting unit sends the day's summary to its superior department by 15:00, and on the
 * holiday's last day the overall summary. The figures are summed from the returns at that moment, never typed, and
 * kept as sent.
 */
export const submitHolidaySummary: RouteModule = ({ router, registry, deps }) => {
  const bodyFor = perLocale(makeSummaryBody);
  registry.registerPath({
    method: 'post', path: '/api/holidays/{id}/summaries', tags: ['holidays'],
    summary: '报送汇总 / Send the day’s summary (daily, by 15:00) or, on the last day, the overall summary to the superior department: computed from the returns, kept as sent',
    request: { params: holidayParams, body: { content: { 'application/json': { schema: makeSummaryBody('zh-CN') } } } },
    responses: { 201: { description: 'Sent' }, 400: { description: 'A bad day or kind' }, 403: { description: 'Not the collecting unit' }, 404: { description: 'No such holiday for the caller' }, 409: { description: 'Sent already' } },
  });
  router.post('/api/holidays/:id/summaries', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(holidayParams, req);
    const body = parseBody(bodyFor(req), req);
    const { period, standing } = await holidayFor(user, id, deps);
    if (!standing.collector) throw notCollector();
    const now = deps.now();
    if (!dayOpenForFiling(period, body.day, now)) {
      throw new AppError('VALIDATION_FAILED', bilingual('该日不能报送汇总：不在节假日内或尚未到来', 'No summary for that day: not in the holiday, or not yet begun'), [{ path: 'day', message: bilingual(`应为 ${period.firstDay} 至 ${period.lastDay} 之间已到来的日期`, `A day from ${period.firstDay} to ${period.lastDay} that has begun`) }]);
    }
    if (body.kind === 'overall' && body.day !== period.lastDay) {
      throw new AppError('VALIDATION_FAILED', bilingual('综合情况在节假日最后一日报送', 'The overall summary is sent on the holiday’s last day'), [{ path: 'kind', message: bilingual(`综合情况只能在 ${period.lastDay} 报送`, `Only on ${period.lastDay}`) }]);
    }
    const content = body.kind === 'daily' ? await holidayDay(deps, period, standing, body.day) : await holidayOverall(deps, period);
    const sent = await deps.holidays.submitSummary({ holidayId: id, day: body.day, kind: body.kind, content, submittedById: user.id, submittedAt: now }, period.collectorUnitId, { id: user.id, name: user.displayName, ip: clientIp(req) });
    if (!sent) throw new AppError('CONFLICT', bilingual('该日的汇总已报送', 'That day’s summary was sent already'));
    res.status(201).json({ ...sent, status: filingStatus(sent.submittedAt, holidayDeadlines(period, body.day).summaryDue, now) });
  });
};
