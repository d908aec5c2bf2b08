import type { OrgUnit } from '../org';
import { dutyOfficesOf, governmentOf, indexUnits, type OrgUnits } from '../org-tree';

/**
 * Where a unit's 值班信息日报 goes (004 四: each unit reports to the level above): a duty office to the duty office of
 * the government above its own (临翔区总值班室 → 临沧市总值班室); a department to its superior department (县应急管理局 →
 * 市应急管理局). Null at the top, or for a unit with nowhere to report.
 */
export function dailyReportReceiverOf(units: OrgUnits, unitId: string): OrgUnit | null {
  const index = indexUnits(units);
  const unit = index.get(unitId);
  if (!unit) return null;
  if (unit.kind === 'department') return unit.superiorDepartmentId ? (index.get(unit.superiorDepartmentId) ?? null) : null;
  if (unit.kind !== 'duty_office') return null;
  const government = governmentOf(index, unitId);
  const above = government?.parentId ? index.get(government.parentId) : undefined;
  if (!above) return null;
  const chosen = above.dutyOfficeId ? index.get(above.dutyOfficeId) : undefined;
  return chosen ?? dutyOfficesOf(index, above.id)[0] ?? null;
}

/** The active units whose daily report `receiverId` receives (and counts), ordered by code. */
export function dailyReportFilersFor(units: OrgUnits, receiverId: string): OrgUnit[] {
  const index = indexUnits(units);
  return [...index.values()]
    .filter((u) => u.active && dailyReportReceiverOf(index, u.id)?.id === receiverId)
    .sort((a, b) => a.code.localeCompare(b.code));
}
