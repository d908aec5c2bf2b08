import { createWorkListRepository } from '@kuaibao/db';
import { reportStatusLabel } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf } from '../../http/locale';
import { parseQuery } from '../../http/validate';
import { listDoneQuerySchema } from './worklists.types';

export const listDone: RouteModule = ({ router, registry, deps }) => {
  const lists = createWorkListRepository(deps.db.prisma);
  registry.registerPath({
    method: 'get',
    path: '/api/worklists/done',
    tags: ['tasks'],
    summary: '已办 / What I did on tasks: decisions, 转办, 委派, with my opinion',
    request: { query: listDoneQuerySchema },
    responses: { 200: { description: 'A page of my task actions, newest first' }, 400: { description: 'Invalid filter' } },
  });

  router.get('/api/worklists/done', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(listDoneQuerySchema, req);
    const page = await lists.done({ actorId: user.id, q: query.q, reportKind: query.reportKind, action: query.action, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    res.json({
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      items: page.items.map(({ id, at, action, detail, incident, report }) => {
        const d = detail as Record<string, unknown>;
        return {
          id: String(id), at: at.toISOString(), action,
          taskKey: d.taskKey ?? null, taskKind: d.kind ?? null, taskName: d.name ?? null,
          decision: d.decision ?? null, opinion: d.opinion ?? d.reason ?? null, toName: d.toName ?? null,
          incidentNumber: incident.number, title: incident.title, severity: incident.severity,
          reportId: report?.id ?? null, reportKind: report?.kind ?? null, reportSequence: report?.sequence ?? null,
          reportStatus: report?.status ?? null, reportStatusLabel: report ? reportStatusLabel(report.status, localeOf(req)) : null,
        };
      }),
    });
  });
};
