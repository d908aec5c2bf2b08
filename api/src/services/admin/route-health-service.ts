import { routeHealth, subtreeOf, unitsInScope, type Policy, type RouteGap, type RoutePolicy } from '@kuaibao/domain';
import type { OrgAdminRepository, PersonRow, UnitData } from '@kuaibao/db';
import type { WorkflowEngine } from '@kuaibao/engine';
import type { SessionUser } from '../../auth/session-user';
import { requireReferenceInScope, requireScope, toDomainUnit } from './admin-context';
import { openTasksOfGroups, requirePersonInScope, tasksLeftWaiting, type BlockedTask } from './people-admin-service';

type Deps = {
  orgAdmin: OrgAdminRepository;
  engine: Pick<WorkflowEngine, 'searchUserTasks' | 'assignUserTask'>;
  policies: (jurisdiction: string) => Promise<Policy | undefined>;
};

/** 路由检查 over the units the caller manages, or the subtree of `rootId` (docs/adr/0029). */
export async function checkRouteHealth(deps: Deps, user: SessionUser, rootId?: string) {
  const { units, people, reportingUnitIds } = await healthInput(deps, user, rootId);
  return runCheck(deps, units, people, reportingUnitIds);
}

/**
 * What deactivating a person would do, asked before doing it: the route gaps it opens (gaps the check finds without
 * them that it does not find with them) and the open tasks that would be left with nobody to act (refused then).
 */
export async function deactivationImpact(deps: Deps, user: SessionUser, personId: string): Promise<{ newGaps: RouteGap[]; blockedTasks: BlockedTask[] }> {
  const { units, people, scope } = await healthInput(deps, user);
  const person = requirePersonInScope(scope, people, personId);
  const reportingUnitIds = units.map((u) => u.id);
  const withThem = await runCheck(deps, units, people, reportingUnitIds);
  const without = await runCheck(deps, units, people.map((p) => (p.id === personId ? { ...p, active: false } : p)), reportingUnitIds);
  const keyOf = (g: RouteGap) => `${g.unitId}|${g.role}|${g.step}`;
  const known = new Set(withThem.gaps.map(keyOf));
  return {
    newGaps: without.gaps.filter((g) => !known.has(keyOf(g))),
    blockedTasks: person.active ? tasksLeftWaiting(await openTasksOfGroups(deps, personId), people, person, { ...person, active: false }) : [],
  };
}

async function healthInput(deps: Deps, user: SessionUser, rootId?: string) {
  const [units, people] = await Promise.all([deps.orgAdmin.units(), deps.orgAdmin.allPeople()]);
  const scope = requireScope(units, user);
  if (rootId) requireReferenceInScope(scope, units, 'rootId', rootId);
  const managed = rootId ? [...subtreeOf(units.map(toDomainUnit), rootId)] : unitsInScope(scope, units).map((u) => u.id);
  return { units, people, scope, reportingUnitIds: managed };
}

async function runCheck(deps: Deps, units: readonly UnitData[], people: readonly PersonRow[], reportingUnitIds: readonly string[]) {
  const domainUnits = units.map(toDomainUnit);
  const policies = new Map<string, RoutePolicy | undefined>();
  const wanted = new Set(reportingUnitIds);
  for (const unit of units) if (wanted.has(unit.id) && !policies.has(unit.divisionCode)) policies.set(unit.divisionCode, await deps.policies(unit.divisionCode));
  return routeHealth({ units: domainUnits, people, policyFor: (code) => policies.get(code), reportingUnitIds });
}
