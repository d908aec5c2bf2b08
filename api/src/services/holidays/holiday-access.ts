import { adminScopeOf, type HolidayPeriod, type OrgUnit } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';

/**
 * How the caller stands to a holiday (seed 004): a filer (a unit whose superior department collects), the collector
 * (收集汇总, sends the summary up), the collector's superior department (the province, which receives it), or an admin
 * of the collector's jurisdiction (reads everything). Anyone else: the holiday does not exist for them.
 */
export type HolidayStanding = { filerUnitId?: string; collector: boolean; reader: boolean };

/** The roles that file and send summaries; a designer or an admin alone only reads. */
const DUTY_ROLES = new Set(['reporter', 'duty_officer', 'leader']);

export async function standingOf(user: SessionUser, period: HolidayPeriod, deps: Pick<ApiDeps, 'orgUnits'>): Promise<HolidayStanding | null> {
  const units = (await deps.orgUnits.all()) as unknown as OrgUnit[];
  const own = units.find((u) => u.id === user.unitId);
  const collector = units.find((u) => u.id === period.collectorUnitId);
  const duty = user.roles.some((r) => DUTY_ROLES.has(r));
  const scope = adminScopeOf(units, user);
  const admin = !!scope && (scope.all || scope.unitIds.has(period.collectorUnitId));
  if (own && duty && own.id === period.collectorUnitId) return { collector: true, reader: true };
  if (own && duty && own.superiorDepartmentId === period.collectorUnitId && own.active) return { filerUnitId: own.id, collector: false, reader: false };
  if (own && duty && collector?.superiorDepartmentId === own.id) return { collector: false, reader: true };
  if (admin) return { collector: false, reader: true };
  return null;
}

/** The holiday, with the caller's standing; 404 when it does not exist or is none of theirs. */
export async function holidayFor(user: SessionUser, id: string, deps: Pick<ApiDeps, 'orgUnits' | 'holidays'>) {
  const period = await deps.holidays.period(id);
  const standing = period && (await standingOf(user, period, deps));
  if (!period || !standing) throw new AppError('NOT_FOUND', bilingual('没有这个节假日', 'No such holiday'));
  return { period, standing };
}

export const notCollector = () =>
  new AppError('FORBIDDEN', bilingual('只有汇总单位（如市应急管理局）的值班员或领导可以报送汇总', 'Only the collecting unit’s duty officers and leaders may send the summary'));
