import { isUnverified, reportStatusLabel } from '@kuaibao/domain';
import { z } from 'zod';
import { localeOf } from '../../http/locale';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams } from '../../http/validate';
import { assigneeNames } from '../../services/assignee-names';
import { taskDeadline } from '../../services/deadlines';
import { visibleTask } from '../../services/task-service';

export const taskParamsSchema = z.object({ key: z.string().min(1).max(32) });

export const getTask: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/tasks/{key}',
    tags: ['tasks'],
    summary: '任务详情 / A task with its report and the opinions given so far',
    request: { params: taskParamsSchema },
    responses: { 200: { description: 'The task' }, 404: { description: 'Not found or not a candidate' } },
  });

  router.get('/api/tasks/:key', async (req, res) => {
    const user = requireUser(res);
    const { key } = parseParams(taskParamsSchema, req);
    const { task, report } = await visibleTask(deps, user, key);
    const [trail, clocks, names] = await Promise.all([deps.audit.forIncident(report.incidentNumber), deps.clocks.forReport(report.id), assigneeNames(deps, [task.assignee])]);
    const clock = clocks.filter((c) => task.dueDate && c.dueAt.getTime() === Date.parse(task.dueDate)).sort((a, b) => b.channel.localeCompare(a.channel))[0];
    res.json({
      task: { ...task, kind: task.customHeaders.kind ?? null, assigneeName: task.assignee ? (names.get(task.assignee) ?? task.assignee) : null },
      deadline: taskDeadline(task.dueDate, clock && { channel: clock.channel, rule: clock.rule, policyCode: clock.policyCode, policyVersion: clock.policyVersion }, deps.now()),
      report: { id: report.id, kind: report.kind, status: report.status, statusLabel: reportStatusLabel(report.status, localeOf(req)), unverified: report.kind === 'first' && isUnverified(report.status), content: report.content, incidentNumber: report.incidentNumber, reportingUnitId: report.incident.reportingUnitId },
      opinions: trail
        .filter((e) => e.reportId === report.id && e.action === 'task.completed')
        .map((e) => ({ at: e.at.toISOString(), actor: e.actorName, ...(e.detail as object) })),
    });
  });
};
