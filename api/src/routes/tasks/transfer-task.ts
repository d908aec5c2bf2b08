import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams, parseQuery } from '../../http/validate';
import { visibleTask } from '../../services/task-service';
import { eligiblePeople, handOnTask, openDelegation, returnDelegation } from '../../services/task-transfer';
import { taskParamsSchema } from './get-task';
import { eligibleQuerySchema, handOnBodySchema, returnDelegationBodySchema } from './transfer-task.types';

export const transferTask: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({ method: 'get', path: '/api/tasks/{key}/eligible', tags: ['tasks'], summary: '可转办/委派的人员 / Who may receive the task, and its open delegation', request: { params: taskParamsSchema, query: eligibleQuerySchema }, responses: { 200: { description: 'People' }, 404: { description: 'Not found or not a candidate' } } });
  registry.registerPath({ method: 'post', path: '/api/tasks/{key}/transfer', tags: ['tasks'], summary: '转办 / Hand the task to another person of its unit and role', request: { params: taskParamsSchema, body: { content: { 'application/json': { schema: handOnBodySchema } } } }, responses: { 200: { description: 'Transferred' }, 400: { description: 'Invalid body' }, 403: { description: 'Not the holder, or the person is not eligible' }, 409: { description: 'Done, held by someone else, or delegated' } } });
  registry.registerPath({ method: 'post', path: '/api/tasks/{key}/delegate', tags: ['tasks'], summary: '委派 / Ask a person of the unit to handle the task and give it back', request: { params: taskParamsSchema, body: { content: { 'application/json': { schema: handOnBodySchema } } } }, responses: { 200: { description: 'Delegated' }, 400: { description: 'Invalid body' }, 403: { description: 'Not the holder, or the person is not eligible' }, 409: { description: 'Done, held by someone else, or delegated' } } });
  registry.registerPath({ method: 'post', path: '/api/tasks/{key}/return', tags: ['tasks'], summary: '归还 / The delegatee gives the task back with an opinion', request: { params: taskParamsSchema, body: { content: { 'application/json': { schema: returnDelegationBodySchema } } } }, responses: { 204: { description: 'Returned' }, 400: { description: 'Invalid body' }, 403: { description: 'Not the delegatee' }, 409: { description: 'Not delegated, or done' } } });

  router.get('/api/tasks/:key/eligible', async (req, res) => {
    const user = requireUser(res);
    const { key } = parseParams(taskParamsSchema, req);
    const { mode } = parseQuery(eligibleQuerySchema, req);
    const { task, report } = await visibleTask(deps, user, key);
    const [people, delegation] = await Promise.all([eligiblePeople(deps, task, mode, user.username), openDelegation(deps, report.incidentNumber, key)]);
    res.json({ people: people.map((p) => ({ username: p.username, displayName: p.displayName, unitId: p.unitId, roles: p.roles })), delegation });
  });
  for (const mode of ['transfer', 'delegate'] as const) {
    router.post(`/api/tasks/:key/${mode}`, async (req, res) => {
      const user = requireUser(res);
      const { key } = parseParams(taskParamsSchema, req);
      const body = parseBody(handOnBodySchema, req);
      res.json(await handOnTask(deps, user, key, { mode, ...body }, clientIp(req)));
    });
  }
  router.post('/api/tasks/:key/return', async (req, res) => {
    const user = requireUser(res);
    const { key } = parseParams(taskParamsSchema, req);
    const body = parseBody(returnDelegationBodySchema, req);
    await returnDelegation(deps, user, key, body, clientIp(req));
    res.status(204).end();
  });
};
