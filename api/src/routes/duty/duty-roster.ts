import { makeRosterDaySchema } from '@kuaibao/domain';
import { z } from 'zod';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams, parseQuery } from '../../http/validate';
import { clearRosterDay, getRoster, rosterGaps, setRosterDay } from '../../services/duty/roster-service';
import { rosterDayParamsSchema, rosterDayViewSchema, rosterQuerySchema } from './duty.types';

/** 值班排班: a duty office's 带班领导 and 值班员 per day, holidays marked; who is on duty now; tomorrow's gaps. */
export const dutyRoster: RouteModule = ({ router, registry, deps }) => {
  const bodyFor = perLocale(makeRosterDaySchema);
  const queryFor = perLocale(rosterQuerySchema);
  const paramsFor = perLocale(rosterDayParamsSchema);
  registry.registerPath({
    method: 'get', path: '/api/duty/roster', tags: ['duty'],
    summary: '值班排班 / A unit’s roster for a span of days (default: your unit), who is on duty now, and the coming days without a roster',
    request: { query: rosterQuerySchema() },
    responses: { 200: { description: 'The roster' }, 400: { description: 'Bad dates (problem details with field paths)' }, 403: { description: 'Not a unit you may read' } },
  });
  registry.registerPath({
    method: 'put', path: '/api/duty/roster/{unitId}/{day}', tags: ['duty'],
    summary: '排班 / Set one day: 带班领导 (a leader of the unit), 值班员 (its duty officers), holiday',
    request: { params: rosterDayParamsSchema(), body: { content: { 'application/json': { schema: makeRosterDaySchema() } } } },
    responses: { 200: { description: 'Saved', content: { 'application/json': { schema: rosterDayViewSchema } } }, 400: { description: 'Invalid (field paths)' }, 403: { description: 'Only the unit’s duty officers and leaders' } },
  });
  registry.registerPath({
    method: 'delete', path: '/api/duty/roster/{unitId}/{day}', tags: ['duty'], summary: '删除排班 / Remove one day of the roster',
    request: { params: rosterDayParamsSchema() }, responses: { 204: { description: 'Removed' }, 403: { description: 'Not your unit' }, 404: { description: 'No roster that day' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/duty/roster-gaps', tags: ['duty'],
    summary: '缺少排班 / Tomorrow’s missing rosters of your unit and of the units reporting their duty to it',
    responses: { 200: { description: 'Units with days lacking a roster', content: { 'application/json': { schema: z.object({ at: z.string(), dutyDay: z.string(), gaps: z.array(z.object({ unitId: z.string(), unitName: z.string(), missing: z.array(z.string()) })) }) } } } },
  });

  router.get('/api/duty/roster', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(queryFor(req), req);
    res.json(await getRoster(deps, user, query.unitId ?? user.unitId, query.from, query.to));
  });
  router.put('/api/duty/roster/:unitId/:day', async (req, res) => {
    const user = requireUser(res);
    const { unitId, day } = parseParams(paramsFor(req), req);
    res.json(await setRosterDay(deps, user, unitId, day, parseBody(bodyFor(req), req), clientIp(req)));
  });
  router.delete('/api/duty/roster/:unitId/:day', async (req, res) => {
    const user = requireUser(res);
    const { unitId, day } = parseParams(paramsFor(req), req);
    await clearRosterDay(deps, user, unitId, day, clientIp(req));
    res.status(204).end();
  });
  router.get('/api/duty/roster-gaps', async (_req, res) => {
    res.json(await rosterGaps(deps, requireUser(res)));
  });
};
