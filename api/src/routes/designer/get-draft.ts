import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams } from '../../http/validate';
import { draftView, getDraft as get } from '../../services/process-design-service';
import { draftParamsSchema, draftSchema } from './designer.types';

export const getDraft: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/process-drafts/{id}',
    tags: ['designer'],
    summary: '流程设计：草稿 / A draft with its XML, revision and findings',
    request: { params: draftParamsSchema },
    responses: { 200: { description: 'The draft', content: { 'application/json': { schema: draftSchema } } }, 404: { description: 'No such draft the caller may design' } },
  });
  router.get('/api/process-drafts/:id', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(draftParamsSchema, req);
    res.json(draftView(await get(deps, user, id)));
  });
};
