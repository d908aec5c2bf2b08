import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { emptyBodySchema } from '../../http/empty-body';
import { claimTask as claim, unclaimTask as unclaim } from '../../services/task-service';
import { taskParamsSchema } from './get-task';

export const claimTask: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({ method: 'post', path: '/api/tasks/{key}/claim', tags: ['tasks'], summary: '认领 / Claim a task', request: { params: taskParamsSchema }, responses: { 204: { description: 'Claimed' }, 409: { description: 'Claimed by someone else or done' } } });
  registry.registerPath({ method: 'post', path: '/api/tasks/{key}/unclaim', tags: ['tasks'], summary: '取消认领 / Give a claimed task back to the group', request: { params: taskParamsSchema }, responses: { 204: { description: 'Unclaimed' } } });

  router.post('/api/tasks/:key/claim', async (req, res) => {
    const user = requireUser(res);
    parseBody(emptyBodySchema, req);
    await claim(deps, user, parseParams(taskParamsSchema, req).key, clientIp(req));
    res.status(204).end();
  });
  router.post('/api/tasks/:key/unclaim', async (req, res) => {
    const user = requireUser(res);
    parseBody(emptyBodySchema, req);
    await unclaim(deps, user, parseParams(taskParamsSchema, req).key, clientIp(req));
    res.status(204).end();
  });
};
