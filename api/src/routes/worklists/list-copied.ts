import { createWorkListRepository } from '@kuaibao/db';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseQuery } from '../../http/validate';
import { listCopiedQuerySchema } from './worklists.types';

export const listCopied: RouteModule = ({ router, registry, deps }) => {
  const lists = createWorkListRepository(deps.db.prisma);
  registry.registerPath({
    method: 'get',
    path: '/api/worklists/copied',
    tags: ['reports'],
    summary: '抄送我的 / Notices and copies sent to me',
    request: { query: listCopiedQuerySchema },
    responses: { 200: { description: 'A page of notices, newest first' }, 400: { description: 'Invalid filter' } },
  });

  router.get('/api/worklists/copied', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(listCopiedQuerySchema, req);
    const page = await lists.copied({ recipientId: user.id, q: query.q, kind: query.kind, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    res.json({
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      items: page.items.map((row) => ({
        id: String(row.id), sentAt: row.sentAt.toISOString(), kind: row.kind, message: row.message, status: row.status,
        incidentNumber: row.incidentNumber, title: row.incident?.title ?? null, severity: row.incident?.severity ?? null,
        reportId: row.reportId, reportKind: row.report?.kind ?? null, reportSequence: row.report?.sequence ?? null,
      })),
    });
  });
};
