import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { createDraft as create } from '../../services/process-design-service';
import { createDraftBodySchema, draftSchema, processParamsSchema } from './designer.types';

export const createDraft: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'post',
    path: '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/drafts',
    tags: ['designer'],
    summary: '流程设计：新建草稿（默认取当前部署版本或出厂默认） / New draft, from the given XML or the process as the jurisdiction runs it',
    request: { params: processParamsSchema, body: { content: { 'application/json': { schema: createDraftBodySchema } } } },
    responses: {
      201: { description: 'Created, with the server check\'s findings', content: { 'application/json': { schema: draftSchema } } },
      400: { description: 'Not BPMN, malformed, DOCTYPE/entities, over 1 MB, another process, a construct the engine does not run (`problem`, `elementId`); nothing stored' },
      404: { description: 'Not a jurisdiction the caller designs, or no such process' },
    },
  });
  router.post('/api/jurisdictions/:jurisdiction/processes/:bpmnProcessId/drafts', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction, bpmnProcessId } = parseParams(processParamsSchema, req);
    const { xml } = parseBody(createDraftBodySchema, req);
    const draft = await create(deps, user, jurisdiction, bpmnProcessId, xml);
    res.status(201).location(`/api/process-drafts/${draft.id}`).json(draft);
  });
};
