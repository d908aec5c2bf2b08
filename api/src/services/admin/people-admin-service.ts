import { randomInt } from 'node:crypto';
import { candidateGroup, inScope, knownRoles, labels, userIdFor, type PersonInput, type PersonPatch, type Role } from '@kuaibao/domain';
import type { OrgAdminRepository, OrgAdminTx, PersonRow } from '@kuaibao/db';
import type { WorkflowEngine } from '@kuaibao/engine';
import { hashPassword } from '../../auth/password';
import type { SessionUser } from '../../auth/session-user';
import { AppError, bilingual, invalidField } from '../../errors/app-error';
import { divisionOf, lockedScope, requireReferenceInScope, requireScope, changedFields, type Actor } from './admin-context';

type Deps = { orgAdmin: OrgAdminRepository; engine: Pick<WorkflowEngine, 'searchUserTasks' | 'assignUserTask'> };

export const personView = (p: PersonRow) => ({
  id: p.id, username: p.username, displayName: p.displayName, unitId: p.unitId, roles: knownRoles(p.roles), phone: p.phone, active: p.active, mustChangePassword: p.mustChangePassword,
});
export type PersonView = ReturnType<typeof personView>;

/** An open task that would wait forever without its last candidate. */
export interface BlockedTask {
  key: string;
  name: string | null;
  incidentNumber: string | null;
  group: string;
}

export async function listPeople(deps: Deps, user: SessionUser, filter: { unitId?: string | undefined; q?: string | undefined; active?: boolean | undefined }) {
  const units = await deps.orgAdmin.units();
  const scope = requireScope(units, user);
  if (filter.unitId) requireReferenceInScope(scope, units, 'unitId', filter.unitId);
  const unitIds = filter.unitId ? [filter.unitId] : scope.all ? undefined : [...scope.unitIds];
  return (await deps.orgAdmin.people({ unitIds, q: filter.q?.trim() || undefined, active: filter.active })).map(personView);
}

/** A new person with a temporary password they must change at their first login (shown to the admin once). */
export async function createPerson(deps: Deps, actor: Actor, input: PersonInput) {
  const temporaryPassword = temporaryPasswordOf();
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    requireReferenceInScope(scope, units, 'unitId', input.unitId);
    checkGrant(actor, input.roles);
    const unit = units.find((u) => u.id === input.unitId)!;
    if (!unit.active) throw invalidField('unitId', bilingual(`单位“${unit.name}”已停用`, `${unit.name} is deactivated`));
    const people = await tx.people();
    if (people.some((p) => p.username === input.username)) throw usernameTaken(input.username);
    const person: PersonRow = { id: userIdFor(input.username), username: input.username, displayName: input.displayName, unitId: input.unitId, roles: input.roles, phone: input.phone ?? null, active: true, mustChangePassword: true };
    await tx.createPeople([person], passwordHash);
    await tx.audit([{ ...auditOf(actor, person, unit.divisionCode), action: 'user.create', after: personView(person) }]);
    return { person: personView(person), temporaryPassword };
  });
}

/**
 * Name, phone, unit or roles. Taking a role away (or moving the person to another unit) from the last active holder of a
 * group that open tasks wait on is refused (409 naming the tasks): someone else must hold the role first.
 */
export async function updatePerson(deps: Deps, actor: Actor, id: string, patch: PersonPatch) {
  const waiting = await openTasksOfGroups(deps, id);
  return deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    const people = await tx.people();
    const before = requirePersonInScope(scope, people, id);
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) {
      requireReferenceInScope(scope, units, 'unitId', patch.unitId);
      const unit = units.find((u) => u.id === patch.unitId)!;
      if (!unit.active) throw invalidField('unitId', bilingual(`单位“${unit.name}”已停用`, `${unit.name} is deactivated`));
    }
    if (patch.roles) checkGrant(actor, patch.roles.filter((r) => !before.roles.includes(r)));
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PersonRow>;
    const after: PersonRow = { ...before, ...defined };
    refuseIfTasksWait(waiting, people, before, after);
    const { before: was, after: now } = changedFields(personView(before), personView(after));
    if (Object.keys(now).length === 0) return personView(before);
    await tx.updatePerson(id, { displayName: after.displayName, unitId: after.unitId, roles: after.roles, phone: after.phone });
    await tx.audit([{ ...auditOf(actor, after, units.find((u) => u.id === after.unitId)?.divisionCode), action: 'user.update', before: was, after: now }]);
    return personView(after);
  });
}

/**
 * Deactivates a person (or activates again). Their sessions end in the same transaction, so their next request is 401;
 * tasks they had claimed go back to their group. The last holder of a group open tasks wait on stays (409).
 */
export async function setPersonActive(deps: Deps, actor: Actor, id: string, active: boolean) {
  const waiting = await openTasksOfGroups(deps, id);
  const result = await deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    const people = await tx.people();
    const before = requirePersonInScope(scope, people, id);
    if (before.active === active) return { person: personView(before), released: [] as string[] };
    if (!active && before.id === actor.user.id) throw new AppError('CONFLICT', bilingual('不能停用自己的账号', 'You cannot deactivate your own account'));
    if (active && !units.find((u) => u.id === before.unitId)?.active) throw new AppError('CONFLICT', bilingual('所属单位已停用，请先调整单位', 'The unit is deactivated: move the person first'));
    const after = { ...before, active };
    refuseIfTasksWait(waiting, people, before, after);
    await tx.updatePerson(id, { active });
    if (!active) await tx.endSessions([id]);
    await tx.audit([{ ...auditOf(actor, after, units.find((u) => u.id === after.unitId)?.divisionCode), action: active ? 'user.activate' : 'user.deactivate', before: { active: before.active }, after: { active } }]);
    return { person: personView(after), released: active ? [] : waiting.claimed };
  });
  for (const key of result.released) await deps.engine.assignUserTask(key, null);
  return result;
}

/** A new temporary password; the person must change it at the next login, and their sessions end now. */
export async function resetPassword(deps: Deps, actor: Actor, id: string) {
  const temporaryPassword = temporaryPasswordOf();
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    const person = requirePersonInScope(scope, await tx.people(), id);
    await tx.setPassword(id, passwordHash, true);
    await tx.endSessions([id]);
    await tx.audit([{ ...auditOf(actor, person, units.find((u) => u.id === person.unitId)?.divisionCode), action: 'user.reset_password', before: { mustChangePassword: person.mustChangePassword }, after: { mustChangePassword: true } }]);
    return { person: personView({ ...person, mustChangePassword: true }), temporaryPassword };
  });
}

/** The candidate groups an active person's roles put them in. */
export const groupsOf = (p: PersonRow) => (p.active ? knownRoles(p.roles).map((r) => candidateGroup(p.unitId, r)) : []);

/**
 * The open tasks of a person's groups and the ones they claimed, read before the change's transaction (on PGlite the
 * engine's reads share its one connection). A task created in between is not seen: it waits until someone holds the role.
 */
export async function openTasksOfGroups(deps: Deps, personId: string): Promise<{ byGroup: BlockedTask[]; claimed: string[] }> {
  const person = await deps.orgAdmin.person(personId);
  if (!person) return { byGroup: [], claimed: [] };
  const groups = groupsOf({ ...person, active: true });
  const tasks = await deps.engine.searchUserTasks({ state: 'created', candidateGroups: groups, candidateUser: person.username, limit: 1000 });
  return {
    byGroup: tasks.flatMap((t) => t.candidateGroups.filter((g) => groups.includes(g)).map((group) => ({ key: t.key, name: t.name, incidentNumber: t.businessKey, group }))),
    claimed: tasks.filter((t) => t.assignee === person.username).map((t) => t.key),
  };
}

/** The open tasks that would wait forever after `before` becomes `after` (roles gone, moved away, deactivated). */
export function tasksLeftWaiting(waiting: { byGroup: BlockedTask[] }, people: readonly PersonRow[], before: PersonRow, after: PersonRow): BlockedTask[] {
  const kept = new Set(groupsOf(after));
  const others = new Set(people.filter((p) => p.id !== before.id).flatMap(groupsOf));
  const orphaned = new Set(groupsOf(before).filter((g) => !kept.has(g) && !others.has(g)));
  return waiting.byGroup.filter((t) => orphaned.has(t.group));
}

function refuseIfTasksWait(waiting: { byGroup: BlockedTask[] }, people: readonly PersonRow[], before: PersonRow, after: PersonRow) {
  const blocked = tasksLeftWaiting(waiting, people, before, after);
  if (blocked.length === 0) return;
  const list = (en: boolean) => blocked.map((t) => `${t.incidentNumber ?? t.key}「${t.name ?? t.key}」`).join(en ? ', ' : '、');
  throw new AppError(
    'CONFLICT',
    bilingual(
      `${before.displayName}是以下待办任务的最后一位办理人，请先为其他人员分配相应角色：${list(false)}`,
      `${before.displayName} is the last person who can act on these open tasks; give the role to someone else first: ${list(true)}`,
    ),
    blocked.map((t) => ({ path: `tasks.${t.key}`, message: bilingual(`${t.incidentNumber ?? ''} ${t.name ?? ''}（${t.group}）`.trim(), `${t.incidentNumber ?? ''} ${t.name ?? ''} (${t.group})`.trim()) })),
  );
}

export function requirePersonInScope(scope: Parameters<typeof inScope>[0], people: readonly PersonRow[], id: string): PersonRow {
  const person = people.find((p) => p.id === id);
  if (!person || !inScope(scope, person.unitId)) throw new AppError('NOT_FOUND', bilingual(`人员 ${id} 不存在`, `Person ${id} not found`));
  return person;
}

/** Only a 系统管理员 makes another one. */
function checkGrant(actor: Actor, roles: readonly Role[]) {
  if (roles.includes('system_admin') && !actor.user.roles.includes('system_admin')) {
    throw invalidField('roles', bilingual(`只有${labels['zh-CN'].role.system_admin}可以授予${labels['zh-CN'].role.system_admin}角色`, 'Only a system administrator may grant that role'));
  }
}

const usernameTaken = (username: string) =>
  new AppError('CONFLICT', bilingual(`用户名 ${username} 已被使用`, `The username ${username} is taken`), [{ path: 'username', message: bilingual(`用户名 ${username} 已被使用`, `The username ${username} is taken`) }]);

const auditOf = (actor: Actor, person: PersonRow, divisionCode: string | undefined) => ({
  actorId: actor.user.id, actorName: `${actor.user.displayName}（${actor.user.username}）`, entityType: 'app_user' as const, entityId: person.id, unitId: person.unitId,
  divisionCode: divisionOf(divisionCode === undefined ? undefined : { divisionCode }), ip: actor.ip,
});

/** 12 characters a person can read out: no 0/O, 1/l/I; always a letter and a digit. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function temporaryPasswordOf(): string {
  const pick = (chars: string) => chars[randomInt(chars.length)]!;
  return `${Array.from({ length: 10 }, () => pick(ALPHABET)).join('')}${pick('abcdefghjkmnpqrstuvwxyz')}${pick('23456789')}`;
}

export { requireScope };
export type { OrgAdminTx };
