import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { homeJurisdiction } from '../../services/designer-access';
import { myJurisdictionSchema } from './designer.types';

export const myJurisdiction: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/designer/jurisdiction',
    tags: ['designer'],
    summary: '流程设计：本人所在辖区 / The jurisdiction the caller designs by default (their unit\'s division)',
    responses: { 200: { description: 'The division code, or null', content: { 'application/json': { schema: myJurisdictionSchema } } } },
  });
  router.get('/api/designer/jurisdiction', async (_req, res) => {
    const user = requireUser(res);
    res.json({ jurisdiction: await homeJurisdiction(deps, user) });
  });
};
