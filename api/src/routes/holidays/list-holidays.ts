import { type HolidayPeriod } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { clientIp } from '../../auth/session-user';
import { perLocale } from '../../http/locale';
import { parseBody } from '../../http/validate';
import { standingOf } from '../../services/holidays/holiday-access';
import { makeHolidayBody } from './holidays.types';

/** 节假日 (docs/adr/0049): the holidays the caller files, collects or reads; an admin adds one. */
export const listHolidays: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/holidays', tags: ['holidays'],
    summary: '节假日列表 / The holiday periods the caller files returns for, collects or reads, latest first, with the caller’s standing',
    responses: { 200: { description: 'Holidays' } },
  });
  router.get('/api/holidays', async (_req, res) => {
    const user = requireUser(res);
    const items: (HolidayPeriod & { filerUnitId: string | null; collector: boolean; reader: boolean })[] = [];
    for (const period of await deps.holidays.periods()) {
      const standing = await standingOf(user, period, deps);
      if (standing) items.push({ ...period, filerUnitId: standing.filerUnitId ?? null, collector: standing.collector, reader: standing.reader });
    }
    res.json({ items });
  });

  const bodyFor = perLocale(makeHolidayBody);
  registry.registerPath({
    method: 'post', path: '/api/holidays', tags: ['holidays'],
    summary: '新增节假日 / Add a holiday period (an admin of the collecting unit’s jurisdiction): its days and the two deadlines (default 14:30 and 15:00, seed 004)',
    request: { body: { content: { 'application/json': { schema: makeHolidayBody('zh-CN') } } } },
    responses: { 201: { description: 'The holiday' }, 400: { description: 'Bad fields, each named' }, 403: { description: 'Not an admin of that unit' }, 409: { description: 'The id is taken' } },
  });
  router.post('/api/holidays', async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(bodyFor(req), req);
    const standing = await standingOf(user, { ...body }, deps);
    if (!user.roles.some((r) => r === 'admin' || r === 'system_admin') || !standing?.reader) {
      throw new AppError('FORBIDDEN', bilingual('只有该汇总单位所在辖区的管理员可以新增节假日', 'Only an admin of the collecting unit’s jurisdiction may add a holiday'));
    }
    if (await deps.holidays.period(body.id)) throw new AppError('CONFLICT', bilingual(`编号 ${body.id} 已被使用`, `The id ${body.id} is taken`), [{ path: 'id', message: bilingual('编号已被使用', 'The id is taken') }]);
    const created = await deps.holidays.createPeriod(body, { id: user.id, name: user.displayName, ip: clientIp(req) });
    res.status(201).json(created);
  });
};
