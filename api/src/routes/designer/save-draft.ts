import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { saveDraft as save } from '../../services/process-design-service';
import { draftParamsSchema, draftSchema, saveDraftBodySchema } from './designer.types';

export const saveDraft: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'put',
    path: '/api/process-drafts/{id}',
    tags: ['designer'],
    summary: '流程设计：保存草稿（带版本号校验） / Save a draft over the revision it was loaded at; checked on the server',
    request: { params: draftParamsSchema, body: { content: { 'application/json': { schema: saveDraftBodySchema } } } },
    responses: {
      200: { description: 'Saved (revision + 1), with the findings', content: { 'application/json': { schema: draftSchema } } },
      400: { description: 'Unreadable or refused BPMN (`problem`); nothing stored' },
      404: { description: 'No such draft the caller may design' },
      409: { description: 'Saved by someone else since: `current` (revision, who, when, XML) and `changes` (elements added, removed, changed)' },
    },
  });
  router.put('/api/process-drafts/:id', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(draftParamsSchema, req);
    res.json(await save(deps, user, id, parseBody(saveDraftBodySchema, req)));
  });
};
