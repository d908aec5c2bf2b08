import { unitIdFor, unitsInScope, type UnitInput, type UnitPatch } from '@kuaibao/domain';
import type { OrgAdminRepository, UnitData } from '@kuaibao/db';
import type { SessionUser } from '../../auth/session-user';
import { AppError, bilingual, validationFailed } from '../../errors/app-error';
import {
  changedFields, divisionOf, lockedScope, requireReferenceInScope, requireScope, requireUnitInScope, treeProblems, unitView, type Actor, type UnitView,
} from './admin-context';

type Deps = { orgAdmin: OrgAdminRepository };

/** The units the caller manages (all of them for a 系统管理员), inactive ones too, by code; `q` matches name or code. */
export async function listManagedUnits(deps: Deps, user: SessionUser, q?: string): Promise<UnitView[]> {
  const units = await deps.orgAdmin.units();
  const scope = requireScope(units, user);
  const needle = q?.trim().toLowerCase();
  return unitsInScope(scope, units)
    .filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle) || (u.nameEn ?? '').toLowerCase().includes(needle))
    .map(unitView);
}

/** A new unit under a parent the caller manages (a 系统管理员 may create a root); the whole tree is checked first. */
export async function createUnit(deps: Deps, actor: Actor, input: UnitInput): Promise<UnitView> {
  return deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    if (input.parentId) requireReferenceInScope(scope, units, 'parentId', input.parentId);
    else if (!scope.all) throw new AppError('VALIDATION_FAILED', bilingual('请选择上级单位', 'Choose a parent unit'), [{ path: 'parentId', message: bilingual('上级单位为必填项', 'The parent unit is required') }]);
    const unit: UnitData = {
      id: unitIdFor(input.code), code: input.code, name: input.name, nameEn: input.nameEn ?? null, kind: input.kind, level: input.level, divisionCode: input.divisionCode,
      parentId: input.parentId ?? null, superiorDepartmentId: input.superiorDepartmentId ?? null, sameLevelGovernmentId: input.sameLevelGovernmentId ?? null,
      dutyOfficeId: input.dutyOfficeId ?? null, active: true,
    };
    const problems = treeProblems(units, [...units, unit], new Set([unit.id]), actor.locale);
    if (problems.length > 0) throw validationFailed([], problems);
    await tx.createUnits([unit]);
    await tx.audit([{ ...auditOf(actor, unit), action: 'unit.create', after: unitView(unit) }]);
    return unitView(unit);
  });
}

/** An edit or a move (a new parent): the unit and the new parent must be the caller's; the whole tree is checked. */
export async function updateUnit(deps: Deps, actor: Actor, id: string, patch: UnitPatch): Promise<UnitView> {
  return deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    const before = requireUnitInScope(scope, units, id);
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      if (patch.parentId) requireReferenceInScope(scope, units, 'parentId', patch.parentId);
      else if (!scope.all) throw new AppError('VALIDATION_FAILED', bilingual('上级单位为必填项', 'The parent unit is required'), [{ path: 'parentId', message: bilingual('上级单位为必填项', 'The parent unit is required') }]);
    }
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<UnitData>;
    const after: UnitData = { ...before, ...defined };
    return saveUnit(tx, actor, units, before, after, patch.parentId !== undefined && patch.parentId !== before.parentId ? 'unit.move' : 'unit.update');
  });
}

/**
 * Deactivates (or activates again) a unit. A unit with active people or active units below it, or that an active unit
 * names as its superior department, same-level government or duty office, stays active: 409 naming them.
 */
export async function setUnitActive(deps: Deps, actor: Actor, id: string, active: boolean): Promise<UnitView> {
  return deps.orgAdmin.locked(async (tx) => {
    const { units, scope } = await lockedScope(tx, actor.user);
    const before = requireUnitInScope(scope, units, id);
    if (before.active === active) return unitView(before);
    if (!active) {
      const children = units.filter((u) => u.parentId === id && u.active);
      const people = (await tx.people()).filter((p) => p.unitId === id && p.active);
      if (children.length > 0 || people.length > 0) {
        const names = [...children.map((u) => u.name), ...people.map((p) => `${p.displayName}（${p.username}）`)].join('、');
        throw new AppError('CONFLICT', bilingual(`请先停用或调走下属单位和人员：${names}`, `Deactivate or move its units and people first: ${names}`));
      }
    }
    const problems = treeProblems(units, units.map((u) => (u.id === id ? { ...u, active } : u)), new Set([id]), actor.locale);
    if (problems.length > 0) {
      const detail = problems.map((p) => (typeof p.message === 'string' ? p.message : p.message['zh-CN'])).join('；');
      const detailEn = problems.map((p) => (typeof p.message === 'string' ? p.message : p.message.en)).join('; ');
      throw new AppError('CONFLICT', bilingual(`单位仍被引用：${detail}`, `The unit is still referred to: ${detailEn}`), problems);
    }
    return saveUnit(tx, actor, units, before, { ...before, active }, active ? 'unit.activate' : 'unit.deactivate');
  });
}

async function saveUnit(tx: Parameters<Parameters<OrgAdminRepository['locked']>[0]>[0], actor: Actor, units: UnitData[], before: UnitData, after: UnitData, action: string) {
  const problems = treeProblems(units, units.map((u) => (u.id === after.id ? after : u)), new Set([after.id]), actor.locale);
  if (problems.length > 0) throw validationFailed([], problems);
  const { before: was, after: now } = changedFields(unitView(before), unitView(after));
  if (Object.keys(now).length === 0) return unitView(before);
  const { id: _id, ...data } = after;
  await tx.updateUnit(after.id, data);
  await tx.audit([{ ...auditOf(actor, after), action, before: was, after: now }]);
  return unitView(after);
}

const auditOf = (actor: Actor, unit: UnitData) => ({
  actorId: actor.user.id, actorName: `${actor.user.displayName}（${actor.user.username}）`, entityType: 'org_unit' as const, entityId: unit.id, unitId: unit.id, divisionCode: divisionOf(unit), ip: actor.ip,
});
