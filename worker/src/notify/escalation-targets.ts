import { parseCandidateGroup, type ESCALATION_RECIPIENTS } from '@kuaibao/domain';
import type { InboxRepository, UserRepository } from '@kuaibao/db';
import type { NotifyTarget } from './notifier';
import { clockedSteps } from '../handlers/clocked-steps';
import { onDutyTargets, type OnDutyDeps } from './on-duty';

export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];

export interface EscalationContext {
  instanceKey: string;
  reportingUnitId: string;
  /** The report's recipients from resolve-recipients (ids of the duty offices). */
  recipients: Record<string, { id: string } | null | undefined>;
  /** Whose clock it is: `current_assignees` are the open steps that party's clock covers (docs/adr/0057). */
  clockParty?: string;
}

type Deps = { users: UserRepository; inbox: Pick<InboxRepository, 'openTasksOf'> } & Partial<Pick<OnDutyDeps, 'roster' | 'now'>>;

/**
 * The people behind each escalation recipient of a policy:
 * - current_assignees: the assignee of each open clocked step (核实, 审签), else its candidate users and groups;
 * - leader_on_duty (带班领导): the leader on the roster of the same-level or city duty office now; without a roster, users
 *   who are both duty officer and leader there;
 * - unit_leader: the reporting unit's leaders; same_level_duty_office / city_duty_office: the 值班员 on their roster now,
 *   else all their duty officers.
 * One target per user, in the order of the policy's list.
 */
export async function escalationTargets(deps: Deps, kinds: readonly EscalationRecipient[], ctx: EscalationContext): Promise<NotifyTarget[]> {
  const found = new Map<string, NotifyTarget>();
  const add = (users: readonly NotifyTarget[]) => users.forEach((u) => found.has(u.id) || found.set(u.id, { id: u.id, displayName: u.displayName, phone: u.phone }));
  const dutyOffices = [ctx.recipients.sameLevelDutyOffice?.id, ctx.recipients.cityDutyOffice?.id].filter((id): id is string => Boolean(id));
  const onDuty = { users: deps.users, roster: deps.roster, now: deps.now ?? (() => new Date()) };
  const officersOf = async (unitId: string) => (await onDutyTargets(onDuty, unitId, 'officers')) ?? (await deps.users.withRole(unitId, 'duty_officer'));
  for (const kind of kinds) {
    if (kind === 'current_assignees') add(await currentAssignees(deps, ctx.instanceKey, ctx.clockParty));
    if (kind === 'leader_on_duty') {
      for (const unitId of dutyOffices) {
        add((await onDutyTargets(onDuty, unitId, 'leader')) ?? (await deps.users.withRole(unitId, 'leader')).filter((u) => u.roles.includes('duty_officer')));
      }
    }
    if (kind === 'unit_leader') add(await deps.users.withRole(ctx.reportingUnitId, 'leader'));
    if (kind === 'same_level_duty_office' && ctx.recipients.sameLevelDutyOffice) add(await officersOf(ctx.recipients.sameLevelDutyOffice.id));
    if (kind === 'city_duty_office' && ctx.recipients.cityDutyOffice) add(await officersOf(ctx.recipients.cityDutyOffice.id));
  }
  return [...found.values()];
}

async function currentAssignees(deps: Deps, instanceKey: string, party?: string): Promise<NotifyTarget[]> {
  const targets: NotifyTarget[] = [];
  for (const task of await clockedSteps(deps.inbox, instanceKey, party)) {
    const usernames = task.assignee ? [task.assignee] : task.candidateUsers;
    for (const username of usernames) {
      const user = await deps.users.findByUsername(username);
      if (user?.active) targets.push(user);
    }
    if (task.assignee) continue;
    for (const group of task.candidateGroups) {
      const { unitId, role } = parseCandidateGroup(group);
      targets.push(...(await deps.users.withRole(unitId, role)));
    }
  }
  return targets;
}
