import { isUnverified, reportStatusLabel } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import { localeOf } from '../../http/locale';
import { assigneeNames } from '../../services/assignee-names';
import type { RouteModule } from '../../deps';
import { parseQuery } from '../../http/validate';
import { taskDeadline } from '../../services/deadlines';
import { groupsOf } from '../../services/task-service';
import { listTasksQuerySchema } from './list-tasks.types';

export const listTasks: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/tasks',
    tags: ['tasks'],
    summary: '待办 / The inbox: my tasks and my groups\' tasks, with counts per view',
    request: { query: listTasksQuerySchema },
    responses: { 200: { description: 'A page of open tasks' } },
  });

  router.get('/api/tasks', async (req, res) => {
    const user = requireUser(res);
    const query = parseQuery(listTasksQuerySchema, req);
    const base = {
      groups: groupsOf(user),
      username: user.username,
      now: deps.now(),
      ...(query.kind && { kind: query.kind }),
      ...(query.severity && { severity: query.severity }),
      ...(query.category && { category: query.category }),
      ...(query.unit && { reportingUnitId: query.unit }),
    };
    // One read of the visible tasks gives the page, its total and the tab counts (docs/adr/0014).
    const { counts, ...page } = await deps.inbox.listWithCounts({
      ...base,
      view: query.view,
      sort: query.sort,
      ...(query.overdue !== undefined && { overdue: query.overdue }),
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    const names = await assigneeNames(deps, page.items.map((row) => row.assignee));
    const items = page.items.map(({ clockChannel, clockRule, policyCode, policyVersion, ...row }) => ({
      ...row,
      reportStatusLabel: reportStatusLabel(row.reportStatus, localeOf(req)),
      unverified: isUnverified(row.reportStatus),
      assigneeName: row.assignee ? (names.get(row.assignee) ?? row.assignee) : null,
      deadline: taskDeadline(row.dueDate, { channel: clockChannel, rule: clockRule, policyCode, policyVersion }, base.now),
    }));
    res.json({ ...page, items, counts, page: query.page, pageSize: query.pageSize });
  });
};
