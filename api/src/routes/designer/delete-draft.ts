import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams } from '../../http/validate';
import { deleteDraft as remove } from '../../services/process-design-service';
import { draftParamsSchema } from './designer.types';

export const deleteDraft: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'delete',
    path: '/api/process-drafts/{id}',
    tags: ['designer'],
    summary: '流程设计：删除草稿 / Discard a draft',
    request: { params: draftParamsSchema },
    responses: { 204: { description: 'Discarded' }, 404: { description: 'No such draft the caller may design' } },
  });
  router.delete('/api/process-drafts/:id', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(draftParamsSchema, req);
    await remove(deps, user, id);
    res.status(204).end();
  });
};
