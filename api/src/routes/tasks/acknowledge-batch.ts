import { z } from 'zod';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf } from '../../http/locale';
import { parseBody } from '../../http/validate';
import { acknowledgeMany } from '../../services/task-batch';

export const acknowledgeBatchBodySchema = z.strictObject({
  keys: z.array(z.string().regex(/^\d{1,32}$/, { error: '任务编号格式不正确' })).min(1, { error: '请至少选择一项' }).max(50, { error: '一次最多签收 50 项' }),
  opinion: z.string().trim().max(2000).optional(),
});

export const acknowledgeBatch: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'post', path: '/api/tasks/acknowledge-batch', tags: ['tasks'], summary: '批量签收 / Acknowledge several receipts, each on its own, with a result per item',
    request: { body: { content: { 'application/json': { schema: acknowledgeBatchBodySchema } } } },
    responses: { 200: { description: 'One result per key: ok, or the status and detail it failed with' }, 400: { description: 'Invalid body' } },
  });
  router.post('/api/tasks/acknowledge-batch', async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(acknowledgeBatchBodySchema, req);
    const keys = [...new Set(body.keys)];
    const results = await acknowledgeMany(deps, user, keys, body.opinion || null, clientIp(req), localeOf(req));
    res.json({ results, acknowledged: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length });
  });
};
