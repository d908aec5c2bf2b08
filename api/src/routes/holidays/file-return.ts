import { dayOpenForFiling, filingStatus, holidayDeadlines, makeHolidayReturnSchema } from '@kuaibao/domain';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { perLocale } from '../../http/locale';
import { parseBody } from '../../http/validate';
import { holidayFor } from '../../services/holidays/holiday-access';

/** 填报节假日期间日信息统计表 (seed 004 附件): a county-level unit's figures for one holiday day, by 14:30; a second filing corrects. */
export const fileHolidayReturn: RouteModule = ({ router, registry, deps }) => {
  const bodyFor = perLocale(makeHolidayReturnSchema);
  registry.registerPath({
    method: 'post', path: '/api/holiday-returns', tags: ['holidays'],
    summary: '填报节假日日信息统计表 / File (or correct) the unit’s return for a holiday day: 督查组数量、人数、检查企业数量、发现隐患数量、隐患整改数量、行政处罚情况、责令停产停业营业单位数量、其他, 填表人, 联系电话; judged against the day’s 14:30 on its first filing',
    request: { body: { content: { 'application/json': { schema: makeHolidayReturnSchema('zh-CN') } } } },
    responses: { 201: { description: 'Filed' }, 200: { description: 'Corrected' }, 400: { description: 'Bad fields, each named; or a day not open for filing' }, 403: { description: 'Not a filing unit of this holiday' }, 404: { description: 'No such holiday for the caller' } },
  });
  router.post('/api/holiday-returns', async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(bodyFor(req), req);
    const { period, standing } = await holidayFor(user, body.holidayId, deps);
    if (!standing.filerUnitId || (body.unitId && body.unitId !== standing.filerUnitId)) {
      throw new AppError('FORBIDDEN', bilingual('只有本节假日的填报单位（县级）的信息员、值班员或领导可以为本单位填报', 'Only a filing unit’s reporters, duty officers and leaders may file, for their own unit'));
    }
    const now = deps.now();
    if (!dayOpenForFiling(period, body.day, now)) {
      throw new AppError('VALIDATION_FAILED', bilingual('该日不能填报：不在节假日内或尚未到来', 'That day cannot be filed: not in the holiday, or not yet begun'), [{ path: 'day', message: bilingual(`应为 ${period.firstDay} 至 ${period.lastDay} 之间已到来的日期`, `A day from ${period.firstDay} to ${period.lastDay} that has begun`) }]);
    }
    const { holidayId, day, unitId: _unit, ...figures } = body;
    const { row, corrected } = await deps.holidays.fileReturn({ holidayId, day, unitId: standing.filerUnitId, filedById: user.id, ...figures }, now, { id: user.id, name: user.displayName, ip: clientIp(req) });
    res.status(corrected ? 200 : 201).json({ ...row, status: filingStatus(row.filedAt, holidayDeadlines(period, day).returnDue, now) });
  });
};
