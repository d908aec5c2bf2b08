import { CO_SIGN_POSITIONS, parseCandidateGroup, type CoSignPosition } from '@kuaibao/domain';
import type { UserTask } from '@kuaibao/engine';
import { z } from 'zod';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { completeTask, ensureOpen, groupsOf, visibleTask } from './task-service';
import { ensureNotDelegated } from './task-transfer';

/**
 * 加签 (docs/adr/0041): at a sign-off whose flow allows it (task header `coSign`: the positions, "before,after"), the
 * leader adds a co-signer — e.g. the 战线主管领导 of 003 — before (前加签: the co-signer signs, then the task comes back
 * to the leader) or after (后加签: the leader agrees, the co-signer's approval sends the report). The flow models it
 * (`co-sign` in processes/incident-report.bpmn, a loop through `sign-off-merge`); the port only completes the
 * sign-off with `signOffDecision: co_sign_before | co_sign_after` and the variable `coSign`, on either engine.
 */

/** The process variable the flow's `co-sign` task reads (`candidateUsers = [coSign.signer]`). */
export const coSignVariableSchema = z.object({
  signer: z.string(),
  signerName: z.string(),
  position: z.enum(CO_SIGN_POSITIONS),
  requestedBy: z.string(),
  requestedByName: z.string(),
});

type Person = { id: string; username: string; displayName: string; unitId: string; roles: string[] };

/** The positions the flow allows at this task (its `coSign` header); none for a task without it. */
export function coSignPositions(task: Pick<UserTask, 'customHeaders'>): CoSignPosition[] {
  const allowed = (task.customHeaders.coSign ?? '').split(',').map((p) => p.trim());
  return CO_SIGN_POSITIONS.filter((p) => allowed.includes(p));
}

/**
 * Who may be added: the active leaders of the task's unit (another 分管领导), of that unit's same-level government and
 * of its superior department (the leaders in charge of the line of work, 003's 战线主管领导); never the holder.
 */
export async function coSignerCandidates(deps: ApiDeps, task: UserTask, except: string): Promise<Person[]> {
  const units = new Set<string>();
  for (const group of task.candidateGroups) {
    try {
      const { unitId } = parseCandidateGroup(group);
      units.add(unitId);
      const unit = await deps.orgUnits.get(unitId);
      if (unit?.sameLevelGovernmentId) units.add(unit.sameLevelGovernmentId);
      if (unit?.superiorDepartmentId) units.add(unit.superiorDepartmentId);
    } catch {
      // not a unit's group: no co-signers from it
    }
  }
  const found = new Map<string, Person>();
  for (const unitId of units) for (const person of await deps.users.withRole(unitId, 'leader')) found.set(person.username, person);
  found.delete(except);
  return [...found.values()].sort((a, b) => a.username.localeCompare(b.username));
}

/** The sign-off, open, held by (or claimable by) this user, allowing 加签, not waiting on a delegatee. */
async function signOffTask(deps: ApiDeps, user: SessionUser, key: string) {
  const { task, report } = await visibleTask(deps, user, key);
  ensureOpen(task);
  if (task.assignee && task.assignee !== user.username) {
    const holder = await deps.users.findByUsername(task.assignee);
    throw new AppError('CONFLICT', bilingual(`该任务已由${holder?.displayName ?? task.assignee}办理，只有其本人可以加签`, `${holder?.displayName ?? task.assignee} holds the task; only they may add a co-signer`));
  }
  if (!task.assignee && !groupsOf(user).some((g) => task.candidateGroups.includes(g)) && !task.candidateUsers.includes(user.username)) {
    throw new AppError('FORBIDDEN', bilingual('您不是该任务的办理人，不能加签', 'You are not a candidate of this task'));
  }
  if (coSignPositions(task).length === 0) throw new AppError('CONFLICT', bilingual('此环节的流程不允许加签', 'The flow allows no co-signer at this step'));
  await ensureNotDelegated(deps, report.incidentNumber, key);
  return { task, report };
}

export async function addCoSigner(
  deps: ApiDeps,
  user: SessionUser,
  key: string,
  input: { to: string; position: CoSignPosition; reason: string },
  ip: string | null,
) {
  const { task } = await signOffTask(deps, user, key);
  if (!coSignPositions(task).includes(input.position)) {
    const why = bilingual('此环节的流程不允许这种加签', 'The flow does not allow a co-signer in this position here');
    throw new AppError('VALIDATION_FAILED', why, [{ path: 'position', message: why }]);
  }
  const signer = (await coSignerCandidates(deps, task, user.username)).find((p) => p.username === input.to);
  if (!signer) {
    const why = bilingual('只能加签本单位、本级政府或上级主管部门的在岗领导', 'A co-signer must be an active leader of the unit, its government or its superior department');
    throw new AppError('FORBIDDEN', why, [{ path: 'to', message: why }]);
  }
  const coSign = { signer: signer.username, signerName: signer.displayName, position: input.position, requestedBy: user.username, requestedByName: user.displayName };
  const decision = `co_sign_${input.position}`;
  await completeTask(
    deps, user, key,
    { variables: { signOffDecision: decision, signOffOpinion: input.reason, coSign }, decision, opinion: input.reason, reportRules: z.unknown(), detail: { coSigner: signer.username, coSignerName: signer.displayName, position: input.position } },
    ip,
  );
  return { coSigner: signer.username, coSignerName: signer.displayName, position: input.position };
}

/**
 * The variables of a co-signer's decision: 退回 returns to 核实 as the leader's would; 同意 after the leader (后加签)
 * sends the report (`approve`); 同意 before the leader (前加签) gives the sign-off back (`co_signed`), to the leader
 * who asked when the engine has already opened it.
 */
export async function coSignDecisionVariables(deps: ApiDeps, task: UserTask, decision: string, opinion: string | null) {
  if (decision !== 'approve') return { signOffDecision: 'return', signOffOpinion: opinion };
  const coSign = await coSignOf(deps, task);
  return { signOffDecision: coSign?.position === 'before' ? 'co_signed' : 'approve', signOffOpinion: opinion };
}

export async function coSignOf(deps: ApiDeps, task: Pick<UserTask, 'instanceKey'>) {
  const instance = await deps.engine.getInstance(task.instanceKey);
  const parsed = coSignVariableSchema.safeParse(instance?.variables.coSign);
  return parsed.success ? parsed.data : null;
}

/** After a 前加签's approval, the sign-off the flow opened again goes back to the leader who asked (best effort: on Zeebe it may not exist yet). */
export async function returnSignOffToRequester(deps: ApiDeps, task: UserTask, requestedBy: string) {
  const reopened = (await deps.engine.searchUserTasks({ instanceKey: task.instanceKey, state: 'created' })).find((t) => t.customHeaders.kind === 'sign_off' && !t.assignee);
  if (!reopened) return;
  await deps.engine.assignUserTask(reopened.key, requestedBy, { allowOverride: false }).catch(() => undefined);
  deps.events.publish({ type: 'task.claimed', taskKey: reopened.key, assignee: requestedBy, audience: { groups: reopened.candidateGroups, users: [requestedBy] } });
}

/** Whether the user was added as a co-signer of a report of this incident (the trail's 加签 entries). */
export async function isCoSignerOf(deps: Pick<ApiDeps, 'audit'>, user: Pick<SessionUser, 'username'>, incidentNumber: string): Promise<boolean> {
  return (await deps.audit.forIncident(incidentNumber)).some((e) => e.action === 'task.completed' && (e.detail as { coSigner?: unknown } | null)?.coSigner === user.username);
}
