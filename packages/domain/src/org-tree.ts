import { DomainError } from './errors';
import type { OrgUnit } from './org';

/** The org tree as a list (as read from the database) or already indexed by id. */
export type OrgUnits = readonly OrgUnit[] | ReadonlyMap<string, OrgUnit>;

export function indexUnits(units: OrgUnits): ReadonlyMap<string, OrgUnit> {
  return units instanceof Map ? units : new Map((units as readonly OrgUnit[]).map((u) => [u.id, u]));
}

/** The unit with `id`, or DomainError UNIT_NOT_FOUND. */
export function unitById(units: OrgUnits, id: string): OrgUnit {
  const unit = indexUnits(units).get(id);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitId: id });
  return unit;
}

/**
 * Tree ancestors of a unit along `parentId`, nearest first (parent, grandparent, …, root); the unit
 * itself is not included. A parent that does not exist → UNIT_NOT_FOUND; a loop → ORG_TREE_CYCLE.
 */
export function ancestorsOf(units: OrgUnits, id: string): OrgUnit[] {
  const index = indexUnits(units);
  let unit = unitById(index, id);
  const seen = new Set([unit.id]);
  const ancestors: OrgUnit[] = [];
  while (unit.parentId !== null) {
    if (seen.has(unit.parentId)) throw new DomainError('ORG_TREE_CYCLE', { unitId: unit.parentId });
    unit = unitById(index, unit.parentId);
    seen.add(unit.id);
    ancestors.push(unit);
  }
  return ancestors;
}

/**
 * Whether `superiorId` stands above `unitId`, following tree parents (县应急管理局 → 临翔区政府 →
 * 临沧市政府), superior departments (县应急管理局 → 市应急管理局 → 省应急管理厅) and same-level
 * governments, in any mix. A unit is not its own subordinate. Both ids must exist (UNIT_NOT_FOUND).
 */
export function isSubordinateOf(units: OrgUnits, unitId: string, superiorId: string): boolean {
  const index = indexUnits(units);
  unitById(index, superiorId);
  const seen = new Set<string>();
  const queue = upwardOf(unitById(index, unitId));
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === superiorId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const unit = index.get(id);
    if (unit) queue.push(...upwardOf(unit));
  }
  return false;
}

function upwardOf(unit: OrgUnit): string[] {
  return [unit.parentId, unit.superiorDepartmentId, unit.sameLevelGovernmentId].filter((id): id is string => id !== null);
}

/**
 * The government a unit belongs to: a government is its own; a department or duty office names it
 * (`sameLevelGovernmentId`) or hangs below it; a party committee names its same-level government.
 */
export function governmentOf(units: OrgUnits, id: string): OrgUnit | undefined {
  const index = indexUnits(units);
  const unit = unitById(index, id);
  if (unit.kind === 'government') return unit;
  if (unit.sameLevelGovernmentId !== null) return unitById(index, unit.sameLevelGovernmentId);
  if (unit.kind === 'party_committee') return undefined;
  return ancestorsOf(index, id).find((u) => u.kind === 'government');
}

/** The duty offices serving a unit (its children of kind duty_office), ordered by code. */
export function dutyOfficesOf(units: OrgUnits, id: string): OrgUnit[] {
  return [...indexUnits(units).values()].filter((u) => u.parentId === id && u.kind === 'duty_office').sort((a, b) => a.code.localeCompare(b.code));
}
