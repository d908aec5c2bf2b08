import { candidateGroup } from '@kuaibao/domain';
import type { UserTask, Variables } from '@kuaibao/engine';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError } from '../errors/app-error';
import type { TaskEvent } from '../events/task-event-bus';

export const groupsOf = (user: SessionUser) => user.roles.map((role) => candidateGroup(user.unitId, role));

/** Whether the user may act on the task: a candidate group, a candidate user, or its assignee. */
export const isCandidate = (user: SessionUser, task: UserTask) =>
  task.assignee === user.username ||
  task.candidateUsers.includes(user.username) ||
  task.candidateGroups.some((g) => groupsOf(user).includes(g));

/** The open task, if this user may see it; otherwise 404 (never confirm another unit's task exists). */
export async function visibleTask(deps: ApiDeps, user: SessionUser, key: string) {
  if (!/^\d{1,20}$/.test(key)) throw new AppError('NOT_FOUND', `Task ${key} not found`);
  const task = await deps.engine.getUserTask(key);
  if (!task || !isCandidate(user, task)) throw new AppError('NOT_FOUND', `Task ${key} not found`);
  const report = await deps.incidents.reportByInstance(task.instanceKey);
  if (!report) throw new AppError('NOT_FOUND', `Task ${key} has no report`);
  return { task, report };
}

/** Tells the task's candidates (and whoever held it) that their inboxes changed. */
function announce(deps: ApiDeps, type: TaskEvent['type'], task: UserTask, assignee: string | null) {
  const users = [...new Set([...task.candidateUsers, task.assignee, assignee].filter((u): u is string => !!u))];
  deps.events.publish({ type, taskKey: task.key, assignee, audience: { groups: task.candidateGroups, users } });
}

export function ensureOpen(task: UserTask) {
  if (task.state !== 'created') throw new AppError('CONFLICT', `该任务已${task.state === 'completed' ? '办结' : '取消'}`);
}

export async function claimTask(deps: ApiDeps, user: SessionUser, key: string, ip: string | null) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee && task.assignee !== user.username) throw new AppError('CONFLICT', `该任务已由 ${task.assignee} 认领`);
  await deps.engine.assignUserTask(key, user.username);
  announce(deps, 'task.claimed', task, user.username);
  await deps.audit.append({ incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action: 'task.claimed', detail: { taskKey: key, elementId: task.elementId, name: task.name }, ip });
}

export async function unclaimTask(deps: ApiDeps, user: SessionUser, key: string, ip: string | null) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee !== user.username && !user.roles.includes('admin')) throw new AppError('CONFLICT', '只能退回自己认领的任务');
  await deps.engine.assignUserTask(key, null);
  announce(deps, 'task.unclaimed', task, null);
  await deps.audit.append({ incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action: 'task.unclaimed', detail: { taskKey: key, elementId: task.elementId, name: task.name }, ip });
}

/**
 * Completes a task with the decision its kind allows (validated by the route). Completing a task
 * someone else claimed, or one already done, is a conflict.
 */
export async function completeTask(
  deps: ApiDeps,
  user: SessionUser,
  key: string,
  input: { variables: Variables; decision: string | null; opinion: string | null; corrections?: Record<string, unknown> | undefined },
  ip: string | null,
) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee && task.assignee !== user.username) throw new AppError('CONFLICT', `该任务已由 ${task.assignee} 认领`);
  // The engine decides first (a task completed twice loses here with a conflict); only then the report changes.
  await deps.engine.completeUserTask(key, input.variables);
  announce(deps, 'task.completed', task, task.assignee);
  if (input.corrections) await deps.incidents.updateReportContent(report.id, { ...(report.content as object), ...input.corrections });
  await deps.audit.append({
    incidentNumber: report.incidentNumber,
    reportId: report.id,
    actorId: user.id,
    actorName: user.displayName,
    action: 'task.completed',
    detail: {
      taskKey: key,
      elementId: task.elementId,
      name: task.name,
      kind: task.customHeaders.kind ?? null,
      decision: input.decision,
      opinion: input.opinion,
      ...(input.corrections && { corrections: Object.keys(input.corrections) }),
    },
    ip,
    dedupeKey: `task:${key}:completed`,
  });
}
