import { knownRoles, labels, subtreeOf, unitsInScope } from '@kuaibao/domain';
import type { OrgAdminRepository } from '@kuaibao/db';
import type { SessionUser } from '../../auth/session-user';
import { requireReferenceInScope, requireScope, toDomainUnit } from './admin-context';
import { writeCsv, writeXlsx, type PersonRow, type TableName, type UnitRow } from './jurisdiction-sheet';

/**
 * The units and people the caller manages (or the subtree of `rootId`) as the import reads them back: references as unit
 * codes, kinds, levels and roles as their Chinese labels, 启用 as 是/否. An export imported again changes nothing.
 */
export async function exportJurisdiction(deps: { orgAdmin: OrgAdminRepository }, user: SessionUser, options: { rootId?: string | undefined; format: 'xlsx' | 'csv'; table: TableName }) {
  const units = await deps.orgAdmin.units();
  const scope = requireScope(units, user);
  if (options.rootId) requireReferenceInScope(scope, units, 'rootId', options.rootId);
  const ids = options.rootId ? subtreeOf(units.map(toDomainUnit), options.rootId) : new Set(unitsInScope(scope, units).map((u) => u.id));
  const chosen = units.filter((u) => ids.has(u.id));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const code = (id: string | null) => (id ? (codeOf.get(id) ?? '') : '');
  const zh = labels['zh-CN'];
  const unitRows: UnitRow[] = chosen.map((u) => ({
    code: u.code, name: u.name, nameEn: u.nameEn ?? '', kind: zh.unitKind[u.kind as keyof typeof zh.unitKind] ?? u.kind, level: zh.unitLevel[u.level as keyof typeof zh.unitLevel] ?? u.level,
    divisionCode: u.divisionCode, parentCode: code(u.parentId), superiorDepartmentCode: code(u.superiorDepartmentId), sameLevelGovernmentCode: code(u.sameLevelGovernmentId),
    dutyOfficeCode: code(u.dutyOfficeId), active: u.active ? '是' : '否',
  }));
  const people = await deps.orgAdmin.people({ unitIds: [...ids] });
  const personRows: PersonRow[] = people.map((p) => ({
    username: p.username, displayName: p.displayName, unitCode: code(p.unitId), roles: knownRoles(p.roles).map((r) => zh.role[r]).join('、'), phone: p.phone ?? '', active: p.active ? '是' : '否',
  }));
  if (options.format === 'xlsx') return { body: await writeXlsx({ units: unitRows, people: personRows }), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  return { body: await writeCsv(options.table, options.table === 'units' ? unitRows : personRows), type: 'text/csv; charset=utf-8', extension: 'csv' };
}
