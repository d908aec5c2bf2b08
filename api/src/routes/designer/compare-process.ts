import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams, parseQuery } from '../../http/validate';
import { compareProcess as compare } from '../../services/process-compare-service';
import { comparisonQuerySchema, comparisonSchema, processParamsSchema } from './designer.types';

export const compareProcess: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/comparison',
    tags: ['designer'],
    summary: '流程设计：比较两个版本（草稿、部署版本或出厂默认） / Compare two versions: elements added, removed, changed (each property), moved',
    request: { params: processParamsSchema, query: comparisonQuerySchema },
    responses: {
      200: { description: 'Both sides\' XML and the changes (bpmn-js-differ)', content: { 'application/json': { schema: comparisonSchema } } },
      400: { description: '`from` or `to` is not `deployed`, `v<n>` or `draft:<id>` (field paths)' },
      404: { description: 'No such version or draft, or not a jurisdiction the caller designs' },
    },
  });
  router.get('/api/jurisdictions/:jurisdiction/processes/:bpmnProcessId/comparison', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction, bpmnProcessId } = parseParams(processParamsSchema, req);
    const { from, to } = parseQuery(comparisonQuerySchema, req);
    res.json(await compare(deps, user, jurisdiction, bpmnProcessId, from, to));
  });
};
