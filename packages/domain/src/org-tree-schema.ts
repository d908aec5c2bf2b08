import { z } from 'zod';
import { fieldsFor } from './fields';
import { DEFAULT_LOCALE, type Locale } from './messages';
import { DIVISION_PREFIX_LENGTH, LEVEL_DEPTH, makeOrgUnitSchema, type OrgUnit } from './org';

/**
 * A whole org tree (seed files, admin imports and every admin change, docs/adr/0028): every unit valid, and
 * across units: ids and codes unique (so one government per division), references resolve and are not the unit
 * itself, no loop along parents, a superior department is a department one level up and not below the unit, a
 * same-level government is a government at the same level, a government's receiving duty office is one of its
 * duty offices, an active unit refers to active units only, and a unit lies within its parent's division.
 */
export function makeOrgTreeSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  return z.array(makeOrgUnitSchema(locale)).superRefine((units, ctx) => {
    const byId = new Map<string, OrgUnit>();
    const byCode = new Map<string, OrgUnit>();
    const issue = (i: number, field: keyof OrgUnit, message: string) => ctx.addIssue({ code: 'custom', path: [i, field], message });
    units.forEach((unit, i) => {
      if (byId.has(unit.id)) issue(i, 'id', f.msg('org.duplicateId', { id: unit.id }));
      byId.set(unit.id, unit);
      const sameCode = byCode.get(unit.code);
      if (sameCode && unit.kind === 'government') issue(i, 'divisionCode', f.msg('org.duplicateDivision', { code: unit.divisionCode, name: sameCode.name }));
      else if (sameCode) issue(i, 'code', f.msg('org.duplicateCode', { code: unit.code, name: sameCode.name }));
      byCode.set(unit.code, unit);
    });
    const resolve = (i: number, field: 'parentId' | 'superiorDepartmentId' | 'sameLevelGovernmentId' | 'dutyOfficeId') => {
      const unit = units[i]!;
      const id = unit[field];
      if (id === null) return undefined;
      if (id === unit.id) {
        issue(i, field, f.msg('org.selfReference', { field: f.label(field) }));
        return undefined;
      }
      const target = byId.get(id);
      if (!target) issue(i, field, f.msg('org.parentMissing', { field: f.label(field), id }));
      else if (unit.active && !target.active) issue(i, field, f.msg('org.inactiveReference', { field: f.label(field), name: target.name }));
      return target;
    };

    units.forEach((unit, i) => {
      const parent = resolve(i, 'parentId');
      if (parent && !unit.divisionCode.startsWith(parent.divisionCode.slice(0, DIVISION_PREFIX_LENGTH[parent.level]))) {
        issue(i, 'divisionCode', f.msg('org.outsideParentDivision'));
      }
      const superior = resolve(i, 'superiorDepartmentId');
      if (superior && isBelow(byId, superior, unit.id)) issue(i, 'superiorDepartmentId', f.msg('org.superiorBelow', { name: superior.name }));
      else if (superior && (unit.kind !== 'department' || superior.kind !== 'department' || LEVEL_DEPTH[superior.level] !== LEVEL_DEPTH[unit.level] - 1)) {
        issue(i, 'superiorDepartmentId', f.msg('org.superiorNotDepartment'));
      }
      const government = resolve(i, 'sameLevelGovernmentId');
      if (government && (government.kind !== 'government' || government.level !== unit.level)) {
        issue(i, 'sameLevelGovernmentId', f.msg('org.sameLevelGovernmentInvalid'));
      }
      const dutyOffice = resolve(i, 'dutyOfficeId');
      if (dutyOffice && unit.kind !== 'government') issue(i, 'dutyOfficeId', f.msg('org.governmentOnly'));
      else if (dutyOffice && (dutyOffice.kind !== 'duty_office' || dutyOffice.parentId !== unit.id)) issue(i, 'dutyOfficeId', f.msg('org.dutyOfficeInvalid'));
      if (inCycle(byId, unit)) issue(i, 'parentId', f.msg('org.cycle', { id: unit.id }));
    });
  });
}

export const orgTreeSchema = makeOrgTreeSchema();

/** Whether `unit` hangs below the unit `ancestorId` along tree parents. */
function isBelow(byId: ReadonlyMap<string, OrgUnit>, unit: OrgUnit, ancestorId: string): boolean {
  const seen = new Set<string>();
  for (let at: OrgUnit | undefined = unit; at && at.parentId !== null && !seen.has(at.id); at = byId.get(at.parentId)) {
    if (at.parentId === ancestorId) return true;
    seen.add(at.id);
  }
  return false;
}

function inCycle(byId: ReadonlyMap<string, OrgUnit>, start: OrgUnit): boolean {
  const seen = new Set<string>();
  for (let unit: OrgUnit | undefined = start; unit && unit.parentId !== null; unit = byId.get(unit.parentId)) {
    if (unit.parentId === start.id) return true;
    if (seen.has(unit.id)) return false;
    seen.add(unit.id);
  }
  return false;
}
