import { createWorkListRepository } from '@kuaibao/db';
import { reportStatusLabel } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf } from '../../http/locale';
import { parseQuery } from '../../http/validate';
import { assigneeNames } from '../../services/assignee-names';
import { listInitiatedQuerySchema } from './worklists.types';

export const listInitiated: RouteModule = ({ router, registry, deps }) => {
  const lists = createWorkListRepository(deps.db.prisma);
  registry.registerPath({
    method: 'get',
    path: '/api/worklists/initiated',
    tags: ['reports'],
    summary: '我发起的 / Reports I submitted, and where each waits now',
    request: { query: listInitiatedQuerySchema },
    responses: { 200: { description: 'A page of my reports, newest first' }, 400: { description: 'Invalid filter' } },
  });

  router.get('/api/worklists/initiated', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(listInitiatedQuerySchema, req);
    const page = await lists.initiated({ createdById: user.id, q: query.q, reportKind: query.reportKind, status: query.status, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    const names = await assigneeNames(deps, page.items.flatMap((r) => r.openTasks.map((t) => t.assignee)));
    res.json({
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      items: page.items.map((report) => ({
        reportId: report.id, incidentNumber: report.incidentNumber, title: report.incident.title, severity: report.incident.severity,
        reportKind: report.kind, reportSequence: report.sequence, status: report.status, statusLabel: reportStatusLabel(report.status, localeOf(req)),
        createdAt: report.createdAt.toISOString(), submittedAt: report.submittedAt?.toISOString() ?? null,
        waitingAt: report.openTasks.map((t) => ({ taskKey: String(t.taskKey), kind: t.kind, assignee: t.assignee, assigneeName: t.assignee ? (names.get(t.assignee) ?? null) : null, dueDate: t.dueDate?.toISOString() ?? null })),
      })),
    });
  });
};
