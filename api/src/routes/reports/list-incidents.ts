import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseQuery } from '../../http/validate';
import { visibilityOf } from '../../services/visibility';
import { listIncidentsQuerySchema } from './list-incidents.types';

export const listIncidents: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/incidents',
    tags: ['reports'],
    summary: '事件列表 / Incidents the user may see, newest first',
    request: { query: listIncidentsQuerySchema },
    responses: { 200: { description: 'A page of incidents' } },
  });

  router.get('/api/incidents', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(listIncidentsQuerySchema, req);
    const visibility = await visibilityOf(user, deps);
    const { items, total } = await deps.incidents.list({
      ...(visibility.unitIds && { unitIds: visibility.unitIds, orNumbers: visibility.deliveredNumbers }),
      ...(query.status && { status: query.status }),
      ...(query.category && { category: query.category }),
      ...(query.severity && { severity: query.severity }),
      ...(query.q && { q: query.q }),
      ...(query.unitId && { reportingUnitId: query.unitId }),
      ...(query.from && { createdFrom: new Date(`${query.from}T00:00:00+08:00`) }),
      ...(query.to && { createdTo: new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000) }),
      ...(query.counted && { countedOnly: true }),
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    res.json({ items, total, page: query.page, pageSize: query.pageSize });
  });
};
