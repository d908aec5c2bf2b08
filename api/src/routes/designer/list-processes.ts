import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams } from '../../http/validate';
import { listProcesses as list } from '../../services/process-deploy-service';
import { jurisdictionParamsSchema, processListSchema } from './designer.types';

export const listProcesses: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/jurisdictions/{jurisdiction}/processes',
    tags: ['designer'],
    summary: '流程设计：辖区的流程、部署版本、草稿与各版本在办报告数 / A jurisdiction\'s processes, deployed versions, drafts, running reports per version',
    request: { params: jurisdictionParamsSchema },
    responses: {
      200: { description: 'The processes', content: { 'application/json': { schema: processListSchema } } },
      404: { description: 'Not a jurisdiction the caller designs (designer of it, or admin)' },
    },
  });
  router.get('/api/jurisdictions/:jurisdiction/processes', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction } = parseParams(jurisdictionParamsSchema, req);
    res.json(await list(deps, user, jurisdiction));
  });
};
