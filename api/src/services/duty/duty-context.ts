import { dailyReportFilersFor, type OrgUnit } from '@kuaibao/domain';
import { toOrgUnit } from '@kuaibao/worker';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';

/** The org tree indexed by id, as the duty services read it. */
export async function unitIndex(deps: ApiDeps): Promise<Map<string, OrgUnit>> {
  return new Map((await deps.orgUnits.all()).map((row) => [row.id, toOrgUnit(row)]));
}

/** The unit or 404 (named so in both languages). */
export function unitOr404(units: ReadonlyMap<string, OrgUnit>, unitId: string): OrgUnit {
  const unit = units.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', bilingual(`单位 ${unitId} 不存在`, `Unit ${unitId} not found`));
  return unit;
}

const isDutyStaff = (user: SessionUser) => user.roles.includes('duty_officer') || user.roles.includes('leader');

/** Who keeps a unit's roster and files its daily report: its own 值班员 and 领导. */
export function requireDutyStaffOf(user: SessionUser, unitId: string, what: { 'zh-CN': string; en: string }): void {
  if (user.unitId !== unitId || !isDutyStaff(user)) {
    throw new AppError('FORBIDDEN', bilingual(`只有本单位的值班员或领导可以${what['zh-CN']}`, `Only the unit's duty officers and leaders may ${what.en}`));
  }
}

/**
 * The units whose duty a user may read: their own, and (for duty staff) the units whose daily reports their unit
 * receives (临沧市总值班室 reads 临翔区's and 双江县's rosters and reports).
 */
export function readableDutyUnits(user: SessionUser, units: ReadonlyMap<string, OrgUnit>): string[] {
  if (!isDutyStaff(user)) return [user.unitId];
  return [user.unitId, ...dailyReportFilersFor(units, user.unitId).map((u) => u.id)];
}

export function requireReadable(user: SessionUser, units: ReadonlyMap<string, OrgUnit>, unitId: string): void {
  unitOr404(units, unitId);
  if (!readableDutyUnits(user, units).includes(unitId)) {
    throw new AppError('FORBIDDEN', bilingual('只能查看本单位及向本单位报送值班信息的单位', 'Only your unit and the units reporting their duty to it can be read'));
  }
}
