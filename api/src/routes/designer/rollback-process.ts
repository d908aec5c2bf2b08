import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { rollback } from '../../services/process-deploy-service';
import { deployedSchema, processParamsSchema, rollbackBodySchema } from './designer.types';

export const rollbackProcess: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'post',
    path: '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/rollbacks',
    tags: ['designer'],
    summary: '流程设计：回滚（将早先版本重新部署为新版本） / Roll back: deploy an earlier version again, as a new version number',
    request: { params: processParamsSchema, body: { content: { 'application/json': { schema: rollbackBodySchema } } } },
    responses: {
      201: { description: 'Deployed as a new version', content: { 'application/json': { schema: deployedSchema } } },
      404: { description: 'No such version, or not a jurisdiction the caller designs' },
      422: { description: 'The earlier version fails today\'s checks (`findings`)' },
    },
  });
  router.post('/api/jurisdictions/:jurisdiction/processes/:bpmnProcessId/rollbacks', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction, bpmnProcessId } = parseParams(processParamsSchema, req);
    res.status(201).json(await rollback(deps, user, jurisdiction, bpmnProcessId, parseBody(rollbackBodySchema, req)));
  });
};
