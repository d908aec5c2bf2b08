import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { perLocale } from '../../http/locale';
import { parse, parseParams } from '../../http/validate';
import { holidayFor } from '../../services/holidays/holiday-access';
import { holidayDay, holidayOverall } from '../../services/holidays/holiday-view';
import { holidayParams, makeDayParams } from './holidays.types';

/** One holiday day (returns, statuses, the city's totals and its summary), and the whole holiday's overall summary. */
export const getHolidayDay: RouteModule = ({ router, registry, deps }) => {
  const paramsFor = perLocale(makeDayParams);
  registry.registerPath({
    method: 'get', path: '/api/holidays/{id}/days/{day}', tags: ['holidays'],
    summary: '节假日某日 / One holiday day: each unit’s return and status (按时、迟报、漏报、待报送) against 14:30, the totals summed from the returns and the summary’s status against 15:00 (a filing unit sees its own row only)',
    request: { params: makeDayParams('zh-CN') },
    responses: { 200: { description: 'The day' }, 400: { description: 'A bad date, or not one of the holiday’s days' }, 404: { description: 'No such holiday for the caller' } },
  });
  router.get('/api/holidays/:id/days/:day', async (req, res) => {
    const user = requireUser(res);
    const { id, day } = parse(paramsFor(req), req.params, req);
    const { period, standing } = await holidayFor(user, id, deps);
    if (day < period.firstDay || day > period.lastDay) {
      throw new AppError('VALIDATION_FAILED', bilingual('该日期不在节假日内', 'That day is not in the holiday'), [{ path: 'day', message: bilingual(`应在 ${period.firstDay} 至 ${period.lastDay} 之间`, `Between ${period.firstDay} and ${period.lastDay}`) }]);
    }
    res.json(await holidayDay(deps, period, standing, day));
  });

  registry.registerPath({
    method: 'get', path: '/api/holidays/{id}/overall', tags: ['holidays'],
    summary: '节假日综合情况 / The whole holiday: per unit its figures summed over the days and its days on time, late or missing; the totals (collecting unit and readers)',
    request: { params: holidayParams },
    responses: { 200: { description: 'The overall summary' }, 403: { description: 'A filing unit' }, 404: { description: 'No such holiday for the caller' } },
  });
  router.get('/api/holidays/:id/overall', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(holidayParams, req);
    const { period, standing } = await holidayFor(user, id, deps);
    if (!standing.reader) throw new AppError('FORBIDDEN', bilingual('填报单位只能查看本单位的报表', 'A filing unit sees its own returns only'));
    res.json(await holidayOverall(deps, period));
  });
};
