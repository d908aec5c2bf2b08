import { randomUUID } from 'node:crypto';
import { candidateGroup, labels, parseCandidateGroup, type RetryBatch, type RetryItemResult, type TraceActionResult } from '@kuaibao/domain';
import type { UserTask } from '@kuaibao/engine';
import type { NotifyTarget } from '@kuaibao/worker';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual, ERROR_TABLE, textIn } from '../../errors/app-error';
import { toAppError } from '../../errors/problem-middleware';
import { retryIncident } from '../admin-trace-service';
import { isEngineKey } from '../engine-key';
import type { ProcessCatalog } from '../process-catalog';

type Deps = Pick<ApiDeps, 'engine' | 'incidents' | 'users' | 'audit' | 'notify' | 'monitor' | 'events' | 'now'>;
interface Actor { user: SessionUser; ip: string | null }

const instanceNotFound = (key: string) => new AppError('NOT_FOUND', bilingual(`流程实例 ${key} 不存在`, `Instance ${key} not found`));
const taskNotFound = (key: string) => new AppError('NOT_FOUND', bilingual(`任务 ${key} 不存在`, `Task ${key} not found`));
const stepName = (task: UserTask) => task.name ?? labels['zh-CN'].userTaskKind[task.customHeaders.kind as keyof (typeof labels)['zh-CN']['userTaskKind']] ?? task.elementId;

async function activeInstance(deps: Deps, key: string) {
  if (!isEngineKey(key)) throw instanceNotFound(key);
  const instance = await deps.engine.getInstance(key);
  const report = instance && (await deps.incidents.reportByInstance(key));
  if (!instance || !report) throw instanceNotFound(key);
  return { instance, report };
}

async function openTask(deps: Deps, key: string) {
  if (!isEngineKey(key)) throw taskNotFound(key);
  const task = await deps.engine.getUserTask(key);
  const report = task && (await deps.incidents.reportByInstance(task.instanceKey));
  if (!task || !report) throw taskNotFound(key);
  if (task.state !== 'created') {
    throw new AppError('CONFLICT', task.state === 'completed' ? bilingual(`「${stepName(task)}」已办结，状态已变化`, 'The task is already done') : bilingual(`「${stepName(task)}」已取消，状态已变化`, 'The task was canceled'), [], { taskState: task.state });
  }
  return { task, report };
}

/** Who holds an open task now: its assignee, else its candidate users and every active holder of its candidate groups. */
async function holders(deps: Deps, task: UserTask): Promise<NotifyTarget[]> {
  const found: NotifyTarget[] = [];
  const usernames = task.assignee ? [task.assignee] : task.candidateUsers;
  for (const username of usernames) {
    const user = await deps.users.findByUsername(username);
    if (user?.active) found.push(user);
  }
  if (!task.assignee) {
    for (const group of task.candidateGroups) {
      const { unitId, role } = parseCandidateGroup(group);
      found.push(...(await deps.users.withRole(unitId, role)));
    }
  }
  return found;
}

function announce(deps: Deps, type: 'task.claimed' | 'task.unclaimed', task: UserTask, assignee: string | null) {
  const users = [...new Set([...task.candidateUsers, task.assignee, assignee].filter((u): u is string => !!u))];
  deps.events.publish({ type, taskKey: task.key, assignee, audience: { groups: task.candidateGroups, users } });
}

/**
 * 催办: texts the current holders of every open task of the report's flow (SMS gateway, recorded per recipient)
 * with who asks and why. A 系统管理员, or the report's initiator on their own report.
 */
export async function remind(deps: Deps, actor: Actor, instanceKey: string, reason: string): Promise<TraceActionResult> {
  const { instance, report } = await activeInstance(deps, instanceKey);
  if (!actor.user.roles.includes('system_admin') && report.createdById !== actor.user.id) {
    throw new AppError('FORBIDDEN', bilingual('只有系统管理员或报告的发起人可以催办', 'Only a system administrator or the report’s initiator may send a reminder'));
  }
  if (instance.state !== 'active') throw new AppError('CONFLICT', bilingual('该报告的流程已结束，无需催办', 'The report’s flow has ended: nothing to remind'));
  const tasks = await deps.engine.searchUserTasks({ instanceKey, state: 'created' });
  if (tasks.length === 0) throw new AppError('CONFLICT', bilingual('该报告当前没有待人办理的步骤，无法催办', 'The report waits at no person: nothing to remind'));
  const targets = new Map<string, NotifyTarget>();
  for (const task of tasks) for (const t of await holders(deps, task)) targets.set(t.id, t);
  const steps = tasks.map(stepName);
  const number = report.incidentNumber;
  const at = deps.now();
  await deps.notify({
    incidentNumber: number, reportId: report.id, kind: 'reminder',
    text: `【快报催办】${actor.user.displayName}催办：事件 ${number}「${report.incident.title}」待办：${steps.join('、')}。原因：${reason}`,
    targets: [...targets.values()], dedupeKey: `trace-remind:${instanceKey}:${randomUUID()}`, detail: { by: actor.user.displayName, reason, openSteps: steps }, at,
  });
  const notified = [...targets.values()].map((t) => ({ id: t.id, name: t.displayName }));
  await deps.audit.append({
    incidentNumber: number, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.reminded',
    detail: { instanceKey, reason, taskKeys: tasks.map((t) => t.key), openSteps: steps, recipients: notified }, ip: actor.ip, at,
  });
  return { action: 'remind', instanceKey, incidentNumber: number, notified };
}

/** 改派: gives an open task to a named person who may act on it (a candidate user, or holder of a candidate group). */
export async function reassign(deps: Deps, actor: Actor, taskKey: string, input: { assignee: string; reason: string }): Promise<TraceActionResult> {
  const { task, report } = await openTask(deps, taskKey);
  const person = await deps.users.findByUsername(input.assignee);
  if (!person || !person.active) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'assignee', message: bilingual(`用户 ${input.assignee} 不存在或已停用`, `No active user ${input.assignee}`) }]);
  }
  const groups = person.roles.map((role) => candidateGroup(person.unitId, role as Parameters<typeof candidateGroup>[1]));
  if (!task.candidateUsers.includes(person.username) && !task.candidateGroups.some((g) => groups.includes(g))) {
    throw new AppError('VALIDATION_FAILED', undefined, [{
      path: 'assignee',
      message: bilingual(`${person.displayName} 不能办理「${stepName(task)}」：不在该步骤的办理范围内（须为其候选人或候选组成员）`, `${person.displayName} may not act on this step: not one of its candidates`),
    }]);
  }
  if (task.assignee === person.username) throw new AppError('CONFLICT', bilingual(`「${stepName(task)}」已由 ${person.displayName} 办理，无需改派`, `${person.displayName} already holds the task`));
  await deps.engine.assignUserTask(taskKey, person.username, { allowOverride: true });
  announce(deps, 'task.claimed', task, person.username);
  await deps.audit.append({
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.reassigned',
    detail: { taskKey, elementId: task.elementId, name: stepName(task), kind: task.customHeaders.kind ?? null, from: task.assignee, to: person.username, recipientName: person.displayName, reason: input.reason }, ip: actor.ip,
  });
  return { action: 'reassign', instanceKey: task.instanceKey, incidentNumber: report.incidentNumber, taskKey, assignee: person.username };
}

/** 取消认领: a claimed task goes back to its candidates. */
export async function release(deps: Deps, actor: Actor, taskKey: string, reason: string): Promise<TraceActionResult> {
  const { task, report } = await openTask(deps, taskKey);
  if (!task.assignee) throw new AppError('CONFLICT', bilingual(`「${stepName(task)}」未被认领，无需取消认领`, 'Nobody has claimed the task'));
  await deps.engine.assignUserTask(taskKey, null);
  announce(deps, 'task.unclaimed', task, null);
  await deps.audit.append({
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.released',
    detail: { taskKey, elementId: task.elementId, name: stepName(task), kind: task.customHeaders.kind ?? null, from: task.assignee, reason }, ip: actor.ip,
  });
  return { action: 'unclaim', instanceKey: task.instanceKey, incidentNumber: report.incidentNumber, taskKey, assignee: null };
}

/**
 * 终止: cancels the flow (the engine cancels its open tasks, jobs and timers), the report becomes 已撤销 with the
 * reason in its trail (one transaction), and the duty officers of every unit it had reached are told.
 */
export async function cancel(deps: Deps, actor: Actor, instanceKey: string, reason: string): Promise<TraceActionResult> {
  const { instance, report } = await activeInstance(deps, instanceKey);
  if (instance.state !== 'active') throw new AppError('CONFLICT', bilingual('该报告的流程已结束，无法终止', 'The report’s flow has already ended'), [], { state: instance.state });
  const openTasks = await deps.engine.searchUserTasks({ instanceKey, state: 'created' });
  await deps.engine.cancelInstance(instanceKey);
  const at = deps.now();
  const units = [...new Set((await deps.incidents.recipientsOf(report.incidentNumber)).filter((r) => r.reportId === report.id).map((r) => r.receiverUnitId))];
  await deps.monitor.revokeCanceled(report.id, {
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.canceled',
    detail: { instanceKey, reason, previousStatus: report.status, canceledTasks: openTasks.map((t) => ({ key: t.key, name: stepName(t) })), notifiedUnitIds: units }, ip: actor.ip, at,
  });
  for (const task of openTasks) deps.events.publish({ type: 'task.ended', taskKey: task.key, assignee: null, audience: { groups: task.candidateGroups, users: [...task.candidateUsers, ...(task.assignee ? [task.assignee] : [])] } });
  const targets: NotifyTarget[] = [];
  for (const unitId of units) targets.push(...(await deps.users.withRole(unitId, 'duty_officer')));
  if (targets.length > 0) {
    await deps.notify({
      incidentNumber: report.incidentNumber, reportId: report.id, kind: 'revoked',
      text: `【快报撤销】事件 ${report.incidentNumber}「${report.incident.title}」的报告已由系统管理员终止并撤销，此前收到的报告作废。原因：${reason}`,
      targets, dedupeKey: `trace-cancel:${instanceKey}`, detail: { reason, notifiedUnitIds: units }, at,
    });
  }
  return { action: 'cancel', instanceKey, incidentNumber: report.incidentNumber, notified: targets.map((t) => ({ id: t.id, name: t.displayName })) };
}

/** Retries many failed steps with one reason; each item answers on its own (one refused does not stop the others). */
export async function retryMany(deps: Pick<ApiDeps, 'engine' | 'audit'>, catalog: ProcessCatalog, user: SessionUser, input: RetryBatch & { ip: string | null }, locale: 'zh-CN' | 'en'): Promise<RetryItemResult[]> {
  const results: RetryItemResult[] = [];
  for (const incidentKey of [...new Set(input.incidentKeys)]) {
    try {
      const done = await retryIncident(deps, catalog, user, { incidentKey, retries: input.retries, reason: input.reason, ip: input.ip });
      results.push({ incidentKey, ok: true, instanceKey: done.instanceKey, incidentNumber: done.incidentNumber });
    } catch (caught) {
      const error = toAppError(caught);
      results.push({ incidentKey, ok: false, status: ERROR_TABLE[error.code].status, detail: textIn(locale, error.text) });
    }
  }
  return results;
}
