import { z } from 'zod';
import { fieldsFor } from './fields';
import { DEFAULT_LOCALE, type Locale } from './messages';
import { DIVISION_PREFIX_LENGTH, LEVEL_DEPTH, makeOrgUnitSchema, type OrgUnit } from './org';

/**
 * A whole org tree (seed files, admin imports): every unit valid, and across units: ids unique,
 * references resolve, no loop along parents, a superior department is a department one level up,
 * a same-level government is a government at the same level, and a unit lies within its parent's division.
 */
export function makeOrgTreeSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  return z.array(makeOrgUnitSchema(locale)).superRefine((units, ctx) => {
    const byId = new Map<string, OrgUnit>();
    units.forEach((unit, i) => {
      if (byId.has(unit.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: f.msg('org.duplicateId', { id: unit.id }) });
      byId.set(unit.id, unit);
    });
    const issue = (i: number, field: keyof OrgUnit, message: string) => ctx.addIssue({ code: 'custom', path: [i, field], message });
    const resolve = (i: number, field: 'parentId' | 'superiorDepartmentId' | 'sameLevelGovernmentId') => {
      const id = units[i]![field];
      if (id === null) return undefined;
      const target = byId.get(id);
      if (!target) issue(i, field, f.msg('org.parentMissing', { field: f.label(field), id }));
      return target;
    };

    units.forEach((unit, i) => {
      const parent = resolve(i, 'parentId');
      if (parent && !unit.divisionCode.startsWith(parent.divisionCode.slice(0, DIVISION_PREFIX_LENGTH[parent.level]))) {
        issue(i, 'divisionCode', f.msg('org.outsideParentDivision'));
      }
      const superior = resolve(i, 'superiorDepartmentId');
      if (superior && (unit.kind !== 'department' || superior.kind !== 'department' || LEVEL_DEPTH[superior.level] !== LEVEL_DEPTH[unit.level] - 1)) {
        issue(i, 'superiorDepartmentId', f.msg('org.superiorNotDepartment'));
      }
      const government = resolve(i, 'sameLevelGovernmentId');
      if (government && (government.kind !== 'government' || government.level !== unit.level)) {
        issue(i, 'sameLevelGovernmentId', f.msg('org.sameLevelGovernmentInvalid'));
      }
      if (inCycle(byId, unit)) issue(i, 'parentId', f.msg('org.cycle', { id: unit.id }));
    });
  });
}

export const orgTreeSchema = makeOrgTreeSchema();

function inCycle(byId: ReadonlyMap<string, OrgUnit>, start: OrgUnit): boolean {
  const seen = new Set<string>();
  for (let unit: OrgUnit | undefined = start; unit && unit.parentId !== null; unit = byId.get(unit.parentId)) {
    if (unit.parentId === start.id) return true;
    if (seen.has(unit.id)) return false;
    seen.add(unit.id);
  }
  return false;
}
