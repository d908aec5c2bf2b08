import { elementDurationsQuerySchema } from '@kuaibao/domain';
import { requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams, parseQuery } from '../../http/validate';
import { elementDurations } from '../../services/admin/element-durations-service';
import { definitionParamsSchema } from './element-durations.types';

/** 各环节耗时: time spent per element of a deployed version, for the heat map (docs/adr/0059); a 系统管理员's. */
export const elementDurationsRoute: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/admin/definitions/{key}/durations', tags: ['admin'],
    summary: '各环节耗时 / Time spent per element (p50, p95, max; open now) of a deployed version over the instances started in the last `days`',
    request: { params: definitionParamsSchema, query: elementDurationsQuerySchema },
    responses: {
      200: { description: '{ definition, xml, since, instances, elements }' }, 400: { description: 'Bad query (problem details with field paths)' },
      403: { description: 'Not a 系统管理员' }, 404: { description: 'No such version' }, 501: { description: 'On Zeebe: its element history is not in kuaibao\'s database' },
    },
  });
  router.get('/api/admin/definitions/:key/durations', async (req, res) => {
    requireRole(res, 'system_admin');
    const { key } = parseParams(definitionParamsSchema, req);
    res.json(await elementDurations(deps, key, parseQuery(elementDurationsQuerySchema, req)));
  });
};
