import { makeVariableEditSchema, VARIABLE_NAME } from '@kuaibao/domain';
import { z } from 'zod';
import { clientIp, requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { editVariable } from '../../services/admin/trace-variables-service';

const variableParamsSchema = z.strictObject({ key: z.string().min(1).max(32), name: z.string().regex(VARIABLE_NAME) });

/** 流程监控: edit one variable of a running report's flow, with a reason, audited (docs/adr/0045); a 系统管理员's. */
export const traceVariables: RouteModule = ({ router, registry, deps }) => {
  const editFor = perLocale(makeVariableEditSchema);
  registry.registerPath({
    method: 'put', path: '/api/admin/instances/{key}/variables/{name}', tags: ['admin'],
    summary: '修改流程变量 / Set one variable of a running flow: the new value, the value seen before (a changed one is a 409) and a reason, audited',
    request: { params: variableParamsSchema, body: { content: { 'application/json': { schema: makeVariableEditSchema() } } } },
    responses: {
      200: { description: '{ action, instanceKey, incidentNumber, name, value }' },
      400: { description: 'No reason or value, a value over 10,000 characters, or a variable that ties the flow to its report (problem details with field paths)' },
      403: { description: 'Not a 系统管理员, or a 涉密 report (its content is never shown or edited)' },
      404: { description: 'No such instance, or no such variable in it' },
      409: { description: 'The flow ended, or the variable changed since it was read (`current` holds its value), or it already has the value' },
    },
  });
  router.put('/api/admin/instances/:key/variables/:name', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const { key, name } = parseParams(variableParamsSchema, req);
    res.json(await editVariable(deps, { user, ip: clientIp(req) }, key, name, parseBody(editFor(req), req)));
  });
};
