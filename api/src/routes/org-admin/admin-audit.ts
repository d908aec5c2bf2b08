import type { RouteModule } from '../../deps';
import { requireAdmin } from './actor';
import { parseQuery } from '../../http/validate';
import { searchAdminAudit } from '../../services/admin/admin-audit-service';
import { auditListSchema, auditQuerySchema } from './org-admin.types';

/** 管理日志: every admin change (who, when, before → after), searchable, newest first. */
export const adminAudit: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/admin/audit', tags: ['admin'],
    summary: '管理日志 / The admin trail of the caller’s scope: filter by actor, action, entity, free text (q), period; page with beforeId',
    request: { query: auditQuerySchema },
    responses: { 200: { description: 'Entries, newest first', content: { 'application/json': { schema: auditListSchema } } }, 400: { description: 'Bad filter' }, 404: { description: 'Not an admin' } },
  });
  router.get('/api/admin/audit', async (req, res) => {
    const user = requireAdmin(res);
    const { from, to, beforeId, lang: _lang, ...filter } = parseQuery(auditQuerySchema, req);
    res.json(await searchAdminAudit(deps, user, {
      ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, beforeId: beforeId ? BigInt(beforeId) : undefined,
    }));
  });
};
