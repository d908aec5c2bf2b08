import type { RouteModule } from '../../deps';
import { requireAdmin } from './actor';
import { localeOf } from '../../http/locale';
import { parseQuery } from '../../http/validate';
import { checkRouteHealth } from '../../services/admin/route-health-service';
import { routeHealthQuerySchema, routeHealthSchema } from './org-admin.types';

/** 路由检查 (docs/adr/0029): every route a report of the admin's units can take, and where it would stop. */
export const routeHealthRoute: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/admin/route-health', tags: ['admin'],
    summary: '路由检查 / For each unit × grade × route (逐级, 双重上报, 越级, 004 核准, 核报): the steps nobody active can take',
    request: { query: routeHealthQuerySchema },
    responses: { 200: { description: 'The gaps (none: every route can be walked to the end)', content: { 'application/json': { schema: routeHealthSchema } } }, 404: { description: 'Not an admin, or rootId outside what the caller manages' } },
  });
  router.get('/api/admin/route-health', async (req, res) => {
    const user = requireAdmin(res);
    const { rootId } = parseQuery(routeHealthQuerySchema, req);
    const locale = localeOf(req);
    const health = await checkRouteHealth(deps, user, rootId);
    res.json({ checkedUnits: health.checkedUnits, ok: health.gaps.length === 0, gaps: health.gaps.map((g) => ({ ...g, message: g.message[locale] })) });
  });
};
