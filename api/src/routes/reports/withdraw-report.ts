import { z } from 'zod';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { withdrawReport as withdraw } from '../../services/report-withdraw';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
export const withdrawBodySchema = z.strictObject({ reason: z.string().trim().min(2, { error: '请填写撤回理由（至少 2 个字）' }).max(500) });

export const withdrawReport: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'post', path: '/api/reports/{id}/withdraw', tags: ['reports'], summary: '撤回 / The submitter withdraws a report nobody has acted on yet',
    request: { params: paramsSchema, body: { content: { 'application/json': { schema: withdrawBodySchema } } } },
    responses: { 200: { description: 'Withdrawn' }, 400: { description: 'No reason' }, 403: { description: 'Not the submitter' }, 404: { description: 'Not found' }, 409: { description: 'Someone acted on it already, with the reason' } },
  });
  router.post('/api/reports/:id/withdraw', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(paramsSchema, req);
    const { reason } = parseBody(withdrawBodySchema, req);
    res.json(await withdraw(deps, user, id, reason, clientIp(req)));
  });
};
