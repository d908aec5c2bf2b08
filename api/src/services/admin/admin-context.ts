import { adminScopeOf, inScope, makeOrgTreeSchema, orgUnitSchema, type AdminScope, type Locale, type OrgUnit } from '@kuaibao/domain';
import type { OrgAdminTx, UnitData } from '@kuaibao/db';
import type { SessionUser } from '../../auth/session-user';
import { AppError, bilingual, type FieldError } from '../../errors/app-error';

/** Who makes a change, for the trail. */
export interface Actor {
  user: SessionUser;
  ip: string | null;
  locale: Locale;
}

/** A stored unit row as the domain's OrgUnit (what the tree rules and the recipients read). */
export const toDomainUnit = (row: UnitData): OrgUnit => orgUnitSchema.parse({ ...row, nameEn: row.nameEn ?? undefined });

/** A unit row as the API and the trail show it (no timestamps). */
export const unitView = (row: UnitData) => ({
  id: row.id, code: row.code, name: row.name, nameEn: row.nameEn, kind: row.kind, level: row.level, divisionCode: row.divisionCode, parentId: row.parentId,
  superiorDepartmentId: row.superiorDepartmentId, sameLevelGovernmentId: row.sameLevelGovernmentId, dutyOfficeId: row.dutyOfficeId, active: row.active,
});
export type UnitView = ReturnType<typeof unitView>;

const notFound = (what: string) => new AppError('NOT_FOUND', bilingual(`${what} 不存在`, `${what} not found`));

/**
 * The caller's scope over this tree; anyone who is not an admin gets 404 (the admin pages do not exist for
 * them), as does a unit outside the scope.
 */
export function requireScope(units: readonly UnitData[], user: SessionUser): Exclude<AdminScope, null> {
  const scope = adminScopeOf(units.map(toDomainUnit), user);
  if (!scope) throw new AppError('NOT_FOUND', bilingual('没有这个接口', 'No such route'));
  return scope;
}

export function requireUnitInScope(scope: AdminScope, units: readonly UnitData[], id: string): UnitData {
  const unit = units.find((u) => u.id === id);
  if (!unit || !inScope(scope, id)) throw notFound(`单位 ${id}`);
  return unit;
}

/** A reference to a unit the caller must manage (a parent, a person's unit): 404 naming the field otherwise. */
export function requireReferenceInScope(scope: AdminScope, units: readonly UnitData[], field: string, id: string) {
  if (!units.some((u) => u.id === id) || !inScope(scope, id)) {
    const message = bilingual(`单位 ${id} 不存在或不在您的管理范围内`, `Unit ${id} does not exist or is outside what you manage`);
    throw new AppError('NOT_FOUND', message, [{ path: field, message }]);
  }
}

/**
 * The tree rules over the proposed whole tree (docs/adr/0028): the problems the change brings, each with its field.
 * Problems the stored tree already had are not the change's; a problem at another unit (a child now outside its
 * parent's division, a unit whose superior was deactivated) names that unit in its message.
 */
export function treeProblems(current: readonly UnitData[], proposed: readonly UnitData[], changedIds: ReadonlySet<string>, locale: Locale): (FieldError & { unitId: string | null; field: string })[] {
  const problems = (units: readonly UnitData[], inLocale: Locale) => {
    const result = makeOrgTreeSchema(inLocale).safeParse(units.map((u) => ({ ...u, nameEn: u.nameEn ?? undefined })));
    return result.success ? [] : result.error.issues.map((issue) => ({ unit: units[issue.path[0] as number], field: issue.path.slice(1).join('.'), message: issue.message }));
  };
  const before = new Set(problems(current, locale).map((p) => `${p.unit?.id}|${p.field}|${p.message}`));
  const other = locale === 'en' ? 'zh-CN' : 'en';
  const otherLanguage = problems(proposed, other);
  return problems(proposed, locale)
    .map((p, i) => ({ ...p, otherMessage: otherLanguage[i]?.message ?? p.message }))
    .filter((p) => !before.has(`${p.unit?.id}|${p.field}|${p.message}`))
    .map((p) => {
      const own = !p.unit || changedIds.has(p.unit.id);
      const text = (message: string, inLocale: Locale) => (own ? message : inLocale === 'en' ? `${p.unit!.name}: ${message}` : `${p.unit!.name}：${message}`);
      const message = locale === 'en' ? bilingual(text(p.otherMessage, 'zh-CN'), text(p.message, 'en')) : bilingual(text(p.message, 'zh-CN'), text(p.otherMessage, 'en'));
      return { path: own ? p.field : `units.${p.unit!.code}.${p.field}`, message, unitId: p.unit?.id ?? null, field: p.field };
    });
}

/** Reads the tree in the locked transaction and checks the caller's scope. */
export async function lockedScope(tx: OrgAdminTx, user: SessionUser) {
  const units = await tx.units();
  return { units, scope: requireScope(units, user) };
}

/** The division-code prefix of a unit's level (530900 → 5309): the admin trail's scope match. */
export function divisionOf(unit: Pick<UnitData, 'divisionCode'> | undefined): string | null {
  return unit?.divisionCode ?? null;
}

/** What changed between two views: only those fields, before → after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<T>, after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<T> };
}
