import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams } from '../../http/validate';
import { versionSource } from '../../services/process-deploy-service';
import { versionParamsSchema, versionSourceSchema } from './designer.types';

export const getProcessVersion: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/versions/{version}',
    tags: ['designer'],
    summary: '流程设计：某一部署版本的 BPMN（0 为出厂默认） / The BPMN of one deployed version (0: the shipped default), with its audit',
    request: { params: versionParamsSchema },
    responses: {
      200: { description: 'The version', content: { 'application/json': { schema: versionSourceSchema } } },
      404: { description: 'No such version, or not a jurisdiction the caller designs' },
    },
  });
  router.get('/api/jurisdictions/:jurisdiction/processes/:bpmnProcessId/versions/:version', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction, bpmnProcessId, version } = parseParams(versionParamsSchema, req);
    res.json(await versionSource(deps, user, jurisdiction, bpmnProcessId, version));
  });
};
