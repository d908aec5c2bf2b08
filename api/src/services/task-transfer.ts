import { parseCandidateGroup } from '@kuaibao/domain';
import type { UserTask } from '@kuaibao/engine';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { ensureOpen, groupsOf, visibleTask } from './task-service';

/**
 * 转办 / 委派 / 归还 (docs/adr/0052). 转办 hands the task to another person who could have taken it (a member of one of
 * its candidate groups — same unit, same role — or a candidate user); it is theirs from then on. 委派 asks a person of
 * the same unit to handle it and give it back: the delegatee writes an opinion and 归还s; the delegator decides. While a
 * task is delegated only the delegatee may act on it. Each is one audit entry in the dossier's trail.
 */

type Person = { id: string; username: string; displayName: string; unitId: string; roles: string[]; active: boolean };

export type TransferMode = 'transfer' | 'delegate';

/** The open delegation of a task, read from the trail: the last 委派 not followed by its 归还. */
export async function openDelegation(deps: Pick<ApiDeps, 'audit'>, incidentNumber: string, taskKey: string) {
  const entries = (await deps.audit.forIncident(incidentNumber)).filter(
    (e) => (e.action === 'task.delegated' || e.action === 'task.delegation_returned' || e.action === 'task.transferred') && (e.detail as { taskKey?: string }).taskKey === taskKey,
  );
  const last = entries.at(-1);
  if (!last || last.action !== 'task.delegated') return null;
  const detail = last.detail as { fromUsername: string; fromName: string; toUsername: string; toName: string; reason: string };
  return { fromUsername: detail.fromUsername, fromName: detail.fromName, toUsername: detail.toUsername, toName: detail.toName, reason: detail.reason };
}

/** 409 while the task waits on a delegatee: the delegator completes only after it came back (the complete route checks). */
export async function ensureNotDelegated(deps: Pick<ApiDeps, 'audit'>, incidentNumber: string, taskKey: string) {
  const delegation = await openDelegation(deps, incidentNumber, taskKey);
  if (delegation) throw new AppError('CONFLICT', bilingual(`该任务已委派给${delegation.toName}，须待其办理归还`, `The task is delegated to ${delegation.toName}; it must come back first`), [], { delegatedTo: delegation.toName });
}

/** Who may receive the task: 转办 — its candidates; 委派 — active people of its candidate groups' units. Never the holder. */
export async function eligiblePeople(deps: ApiDeps, task: UserTask, mode: TransferMode, except: string): Promise<Person[]> {
  const groups = task.candidateGroups.flatMap((g) => {
    try {
      return [parseCandidateGroup(g)];
    } catch {
      return [];
    }
  });
  const found = new Map<string, Person>();
  if (mode === 'transfer') {
    for (const { unitId, role } of groups) for (const person of await deps.users.withRole(unitId, role)) found.set(person.username, person);
    for (const username of task.candidateUsers) {
      const person = await deps.users.findByUsername(username);
      if (person?.active) found.set(person.username, person);
    }
  } else {
    const units = [...new Set(groups.map((g) => g.unitId))];
    for (const person of await deps.users.activeIn(units)) found.set(person.username, person);
  }
  found.delete(except);
  return [...found.values()].sort((a, b) => a.username.localeCompare(b.username));
}

/** The task, open, held by (or claimable by) this user and not waiting on a delegatee. */
async function holdersTask(deps: ApiDeps, user: SessionUser, key: string) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee && task.assignee !== user.username) {
    const holder = await deps.users.findByUsername(task.assignee);
    throw new AppError('CONFLICT', bilingual(`该任务已由${holder?.displayName ?? task.assignee}办理，只有其本人可以转办或委派`, `${holder?.displayName ?? task.assignee} holds the task; only they may hand it on`));
  }
  if (!task.assignee && !groupsOf(user).some((g) => task.candidateGroups.includes(g)) && !task.candidateUsers.includes(user.username)) {
    throw new AppError('FORBIDDEN', bilingual('您不是该任务的办理人，不能转办或委派', 'You are not a candidate of this task'));
  }
  await ensureNotDelegated(deps, report.incidentNumber, key);
  return { task, report };
}

export async function handOnTask(
  deps: ApiDeps,
  user: SessionUser,
  key: string,
  input: { mode: TransferMode; to: string; reason: string },
  ip: string | null,
) {
  const { task, report } = await holdersTask(deps, user, key);
  if (input.to === user.username) throw new AppError('VALIDATION_FAILED', bilingual('不能转给自己', 'You cannot hand a task to yourself'), [{ path: 'to', message: bilingual('不能转给自己', 'cannot be yourself') }]);
  const target = (await eligiblePeople(deps, task, input.mode, user.username)).find((p) => p.username === input.to);
  if (!target) {
    const why = input.mode === 'transfer' ? bilingual('只能转办给该任务同单位、同角色的在岗人员', 'A task can be transferred only to an active person of its unit and role') : bilingual('只能委派给该任务所属单位的在岗人员', 'A task can be delegated only to an active person of its unit');
    throw new AppError('FORBIDDEN', why, [{ path: 'to', message: why }]);
  }
  // An unclaimed task is claimed first (a second claimer loses with 409), then handed on.
  if (!task.assignee) await deps.engine.assignUserTask(key, user.username, { allowOverride: false });
  await deps.engine.assignUserTask(key, target.username, { allowOverride: true });
  const action = input.mode === 'transfer' ? 'task.transferred' : 'task.delegated';
  await deps.audit.append({
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action, ip,
    detail: { taskKey: key, elementId: task.elementId, name: task.name, kind: task.customHeaders.kind ?? null, fromUsername: user.username, fromName: user.displayName, toUsername: target.username, toName: target.displayName, reason: input.reason },
  });
  publish(deps, task, target.username, user.username);
  return { assignee: target.username, assigneeName: target.displayName };
}

/** 归还: the delegatee gives the task back to the delegator with their opinion. */
export async function returnDelegation(deps: ApiDeps, user: SessionUser, key: string, input: { opinion: string }, ip: string | null) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  const delegation = await openDelegation(deps, report.incidentNumber, key);
  if (!delegation) throw new AppError('CONFLICT', bilingual('该任务不在委派中，无需归还', 'The task is not delegated'));
  if (delegation.toUsername !== user.username || task.assignee !== user.username) throw new AppError('FORBIDDEN', bilingual(`该任务委派给了${delegation.toName}，只有其本人可以归还`, `Only ${delegation.toName} may return the task`));
  await deps.engine.assignUserTask(key, delegation.fromUsername, { allowOverride: true });
  await deps.audit.append({
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action: 'task.delegation_returned', ip,
    detail: { taskKey: key, elementId: task.elementId, name: task.name, kind: task.customHeaders.kind ?? null, fromUsername: user.username, fromName: user.displayName, toUsername: delegation.fromUsername, toName: delegation.fromName, opinion: input.opinion },
  });
  publish(deps, task, delegation.fromUsername, user.username);
}

function publish(deps: ApiDeps, task: UserTask, assignee: string, former: string) {
  const users = [...new Set([...task.candidateUsers, assignee, former])];
  deps.events.publish({ type: 'task.claimed', taskKey: task.key, assignee, audience: { groups: task.candidateGroups, users } });
}
