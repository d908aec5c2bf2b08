import type { OrgUnit } from './org';
import { governmentOf, indexUnits, type OrgUnits } from './org-tree';
import type { Role } from './user';

/**
 * What an admin manages (docs/adr/0028): a 系统管理员 every unit (`all`); a 管理员 the government their unit
 * belongs to and every unit below it along tree parents (临沧市总值班室's admin: 临沧市人民政府 and below);
 * anyone else nothing (`null`: the admin routes answer 404 to them).
 */
export type AdminScope = { all: true } | { all: false; rootId: string; unitIds: ReadonlySet<string> } | null;

export function adminScopeOf(units: OrgUnits, user: { unitId: string; roles: readonly Role[] }): AdminScope {
  if (user.roles.includes('system_admin')) return { all: true };
  if (!user.roles.includes('admin')) return null;
  const index = indexUnits(units);
  if (!index.has(user.unitId)) return null;
  const root = governmentOf(index, user.unitId) ?? index.get(user.unitId)!;
  return { all: false, rootId: root.id, unitIds: subtreeOf(index, root.id) };
}

/** The unit and every unit below it along tree parents. */
export function subtreeOf(units: OrgUnits, rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of indexUnits(units).values()) {
    if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const found = new Set<string>();
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}

export function inScope(scope: AdminScope, unitId: string): boolean {
  return scope !== null && (scope.all || scope.unitIds.has(unitId));
}

/** The units of a scope, in the tree's order. */
export function unitsInScope<U extends Pick<OrgUnit, 'id'>>(scope: AdminScope, units: readonly U[]): U[] {
  return scope === null ? [] : units.filter((u) => scope.all || scope.unitIds.has(u.id));
}
