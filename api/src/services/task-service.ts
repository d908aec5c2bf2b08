import { candidateGroup, mergeReport, statusAfterDecision } from '@kuaibao/domain';
import type { UserTask, Variables } from '@kuaibao/engine';
import type { z } from 'zod';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual, validationFailed } from '../errors/app-error';
import type { TaskEvent } from '../events/task-event-bus';
import { isEngineKey } from './engine-key';

export const groupsOf = (user: SessionUser) => user.roles.map((role) => candidateGroup(user.unitId, role));

/** Whether the user may act on the task: a candidate group, a candidate user, or its assignee. */
export const isCandidate = (user: SessionUser, task: UserTask) =>
  task.assignee === user.username ||
  task.candidateUsers.includes(user.username) ||
  task.candidateGroups.some((g) => groupsOf(user).includes(g));

/** The open task, if this user may see it; otherwise 404 (never confirm another unit's task exists). */
export async function visibleTask(deps: ApiDeps, user: SessionUser, key: string) {
  if (!isEngineKey(key)) throw new AppError('NOT_FOUND', bilingual(`任务 ${key} 不存在`, `Task ${key} not found`));
  const task = await deps.engine.getUserTask(key);
  if (!task || !isCandidate(user, task)) throw new AppError('NOT_FOUND', bilingual(`任务 ${key} 不存在`, `Task ${key} not found`));
  const report = await deps.incidents.reportByInstance(task.instanceKey);
  if (!report) throw new AppError('NOT_FOUND', bilingual(`任务 ${key} 没有对应的报告`, `Task ${key} has no report`));
  return { task, report };
}

/** Tells the task's candidates (and whoever held it) that their inboxes changed. */
function announce(deps: ApiDeps, type: TaskEvent['type'], task: UserTask, assignee: string | null) {
  const users = [...new Set([...task.candidateUsers, task.assignee, assignee].filter((u): u is string => !!u))];
  deps.events.publish({ type, taskKey: task.key, assignee, audience: { groups: task.candidateGroups, users } });
}

export function ensureOpen(task: UserTask) {
  if (task.state !== 'created') throw new AppError('CONFLICT', task.state === 'completed' ? bilingual('该任务已办结', 'The task is already done') : bilingual('该任务已取消', 'The task was canceled'));
}

export async function claimTask(deps: ApiDeps, user: SessionUser, key: string, ip: string | null) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee === user.username) return; // already theirs: nothing changes, nothing to announce or audit
  if (task.assignee) throw new AppError('CONFLICT', bilingual(`该任务已由 ${task.assignee} 认领`, `${task.assignee} has claimed the task`));
  // checked again by the engine: of two claims at once, the second finds the first's assignee (409)
  await deps.engine.assignUserTask(key, user.username, { allowOverride: false });
  announce(deps, 'task.claimed', task, user.username);
  await deps.audit.append({ incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action: 'task.claimed', detail: { taskKey: key, elementId: task.elementId, name: task.name }, ip });
}

export async function unclaimTask(deps: ApiDeps, user: SessionUser, key: string, ip: string | null) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee !== user.username && !user.roles.includes('admin')) throw new AppError('CONFLICT', bilingual('只能退回自己认领的任务', 'You can give back only a task you claimed'));
  await deps.engine.assignUserTask(key, null);
  announce(deps, 'task.unclaimed', task, null);
  await deps.audit.append({ incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action: 'task.unclaimed', detail: { taskKey: key, elementId: task.elementId, name: task.name }, ip });
}

/**
 * Completes a task with the decision its kind allows (validated by the route). Completing a task
 * someone else claimed, or one already done, is a conflict. A verifier's corrections are merged into the
 * report as a 续报's changes are (a group keeps what the correction leaves out) and the result must still
 * satisfy `reportRules` (the 首报 rules: chronology, every required element), checked before anything is done.
 */
export async function completeTask(
  deps: ApiDeps,
  user: SessionUser,
  key: string,
  input: { variables: Variables; decision: string | null; opinion: string | null; corrections?: Record<string, unknown> | undefined; reportRules: z.ZodType; detail?: Record<string, unknown> },
  ip: string | null,
) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee && task.assignee !== user.username) throw new AppError('CONFLICT', bilingual(`该任务已由 ${task.assignee} 认领`, `${task.assignee} has claimed the task`));
  const corrected = input.corrections && mergeReport(report.content as Record<string, unknown>, input.corrections);
  if (corrected) {
    const checked = input.reportRules.safeParse(corrected);
    if (!checked.success) throw validationFailed(checked.error.issues.map((issue) => ({ ...issue, path: ['corrections', ...issue.path] })));
  }
  // The decision's time is before the engine moves on: what the flow then does (a handler's 退回, 报送) comes
  // after it in the dossier's trail, though its audit entry may be written first.
  const decidedAt = deps.now();
  // One step: the engine completes the task and, in the same transaction, the corrections and the audit entry
  // are written (ADR 0027); a task completed twice loses in the engine with a conflict and writes nothing.
  const step = statusAfterDecision(task.customHeaders.kind, input.decision, report.kind);
  const writes = deps.stepWrites(async ({ incidents, audit }) => {
    if (corrected) await incidents.updateReportContent(report.id, corrected);
    if (step) await incidents.advanceReportStatus(report.id, step.from, step.to);
    await audit.append({
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
        ...input.detail,
      },
      ip,
      at: decidedAt,
      dedupeKey: `task:${key}:completed`,
    });
  });
  await deps.engine.completeUserTask(key, input.variables, { writes });
  announce(deps, 'task.completed', task, task.assignee);
}
