import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { addCoSigner, coSignerCandidates, coSignPositions } from '../../services/task-co-sign';
import { visibleTask } from '../../services/task-service';
import { addCoSignerBodySchema, coSignerResponseSchema } from './co-sign.types';
import { taskParamsSchema } from './get-task';

/** 加签 (docs/adr/0041): who may be added at a sign-off, and adding them before or after the leader. */
export const coSignTask: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/tasks/{key}/co-signers', tags: ['tasks'], summary: '可加签的人员 / Who may be added as a co-signer, and where the flow allows it',
    request: { params: taskParamsSchema },
    responses: { 200: { description: 'Positions allowed (none: no 加签 here) and people', content: { 'application/json': { schema: coSignerResponseSchema } } }, 404: { description: 'Not found or not a candidate' } },
  });
  registry.registerPath({
    method: 'post', path: '/api/tasks/{key}/co-sign', tags: ['tasks'], summary: '加签 / Add a co-signer before or after me at a sign-off',
    request: { params: taskParamsSchema, body: { content: { 'application/json': { schema: addCoSignerBodySchema } } } },
    responses: {
      200: { description: 'The co-signer has the task' }, 400: { description: 'Invalid body, or a position the flow does not allow' },
      403: { description: 'Not a candidate, or the person may not co-sign' }, 409: { description: 'No 加签 at this step, done, held by someone else, or delegated' },
    },
  });

  router.get('/api/tasks/:key/co-signers', async (req, res) => {
    const user = requireUser(res);
    const { key } = parseParams(taskParamsSchema, req);
    const { task } = await visibleTask(deps, user, key);
    const positions = task.state === 'created' ? coSignPositions(task) : [];
    const people = positions.length > 0 ? await coSignerCandidates(deps, task, user.username) : [];
    res.json({ positions, people: people.map((p) => ({ username: p.username, displayName: p.displayName, unitId: p.unitId, roles: p.roles })) });
  });
  router.post('/api/tasks/:key/co-sign', async (req, res) => {
    const user = requireUser(res);
    const { key } = parseParams(taskParamsSchema, req);
    const body = parseBody(addCoSignerBodySchema, req);
    res.json(await addCoSigner(deps, user, key, body, clientIp(req)));
  });
};
