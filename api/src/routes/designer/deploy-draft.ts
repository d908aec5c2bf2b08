import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { deployDraft as deploy } from '../../services/process-deploy-service';
import { deployDraftBodySchema, deployedSchema, draftParamsSchema } from './designer.types';

export const deployDraft: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'post',
    path: '/api/process-drafts/{id}/deployments',
    tags: ['designer'],
    summary: '流程设计：部署草稿为新版本（附说明） / Deploy the draft as the jurisdiction\'s next version, with a comment; new reports start on it',
    request: { params: draftParamsSchema, body: { content: { 'application/json': { schema: deployDraftBodySchema } } } },
    responses: {
      201: { description: 'Deployed: the version, with the audit (who, when, comment, changes, findings)', content: { 'application/json': { schema: deployedSchema } } },
      400: { description: 'Unreadable or refused BPMN' },
      404: { description: 'No such draft the caller may design' },
      409: { description: 'The draft was saved since the given revision' },
      422: { description: 'The checks found errors (`findings`); nothing deployed' },
    },
  });
  router.post('/api/process-drafts/:id/deployments', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(draftParamsSchema, req);
    res.status(201).json(await deploy(deps, user, id, parseBody(deployDraftBodySchema, req)));
  });
};
