import type { IncidentRepository, OrgUnitRepository } from '@kuaibao/db';
import { adminScopeOf, type OrgUnit } from '@kuaibao/domain';
import type { SessionUser } from '../auth/session-user';

export interface Visibility {
  /** undefined = everything (admins). */
  unitIds: string[] | undefined;
  /** Incidents delivered to the user's unit (superior departments, duty offices). */
  deliveredNumbers: string[];
}

/** The roles that take part in reporting, and so see what was reported to their unit; a designer edits flows only. */
const DELIVERY_ROLES: ReadonlySet<string> = new Set(['reporter', 'verifier', 'leader', 'duty_officer']);

/**
 * What a user may see: the incidents of their unit and of the units below it in the org tree, and
 * the incidents reported to their unit if a role of theirs takes part in reporting (a designer's does not).
 * A 系统管理员 sees everything; a 管理员 what they administer (their government and every unit below it, ADR 0028),
 * never another jurisdiction's. Anything else is "not found".
 */
export async function visibilityOf(user: SessionUser, deps: { orgUnits: OrgUnitRepository; incidents: IncidentRepository }): Promise<Visibility> {
  if (user.roles.includes('system_admin')) return { unitIds: undefined, deliveredNumbers: [] };
  const units = await deps.orgUnits.all();
  const scope = adminScopeOf(units as unknown as OrgUnit[], user);
  const root = scope && !scope.all ? scope.rootId : user.unitId;
  const children = new Map<string, string[]>();
  for (const unit of units) if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  const unitIds: string[] = [];
  const visit = (id: string) => {
    unitIds.push(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(root);
  return { unitIds, deliveredNumbers: user.roles.some((r) => DELIVERY_ROLES.has(r)) ? await deps.incidents.numbersDeliveredTo([user.unitId]) : [] };
}

export function canSee(visibility: Visibility, incident: { number: string; reportingUnitId: string }): boolean {
  return !visibility.unitIds || visibility.unitIds.includes(incident.reportingUnitId) || visibility.deliveredNumbers.includes(incident.number);
}
