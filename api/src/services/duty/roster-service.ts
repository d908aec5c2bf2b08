import { addDays, dutyDayAt, governmentOf, missingRosterDays, onDutyAt, type OrgUnit, type RosterDayInput } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual, invalidField } from '../../errors/app-error';
import { readableDutyUnits, requireDutyStaffOf, requireReadable, unitIndex } from './duty-context';

/**
 * Whom a roster may name: 值班员 are the unit's own duty officers; the 带班领导 is a leader of the unit or of any unit of
 * the same government (a county duty office is led on duty by the county's bureau heads).
 */
async function candidatesOf(deps: ApiDeps, units: ReadonlyMap<string, OrgUnit>, unitId: string) {
  const government = governmentOf(units, unitId);
  const sameGovernment = [...units.values()].filter((u) => u.active && government && governmentOf(units, u.id)?.id === government.id).map((u) => u.id);
  const people = await deps.orgAdmin.people({ unitIds: [...new Set([unitId, ...sameGovernment])], active: true });
  return {
    leaders: people.filter((p) => p.roles.includes('leader')),
    officers: people.filter((p) => p.unitId === unitId && p.roles.includes('duty_officer')),
    names: new Map(people.map((p) => [p.id, p.displayName])),
  };
}

type RosterRow = Awaited<ReturnType<ApiDeps['duty']['roster']['between']>>[number];

const view = (row: RosterRow, names: ReadonlyMap<string, string>) => ({
  day: row.day,
  leader: { id: row.leaderUserId, name: names.get(row.leaderUserId) ?? row.leaderUserId },
  officers: row.officerUserIds.map((id) => ({ id, name: names.get(id) ?? id })),
  holiday: row.holiday,
  holidayName: row.holidayName,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});

/** A week (or any span) of a unit's roster, who is on duty now, the days flagged as missing, and whom it may name. */
export async function getRoster(deps: ApiDeps, user: SessionUser, unitId: string, from: string, to: string) {
  const units = await unitIndex(deps);
  requireReadable(user, units, unitId);
  const now = deps.now();
  const today = dutyDayAt(now);
  const rows = await deps.duty.roster.between([unitId], from < today ? from : today, to > addDays(today, 1) ? to : addDays(today, 1));
  const candidates = await candidatesOf(deps, units, unitId);
  // a roster keeps naming people who have since left or moved: their names still show
  const names = new Map((await deps.orgAdmin.allPeople()).map((p) => [p.id, p.displayName]));
  const current = onDutyAt(rows, unitId, now);
  return {
    unit: { id: unitId, name: units.get(unitId)?.name ?? unitId },
    from,
    to,
    days: rows.filter((r) => r.day >= from && r.day <= to).map((r) => view(r, names)),
    onDutyNow: current && { day: current.day, leader: { id: current.leaderUserId, name: names.get(current.leaderUserId) ?? current.leaderUserId }, officers: current.officerUserIds.map((id) => ({ id, name: names.get(id) ?? id })) },
    missing: missingRosterDays(rows, unitId, now),
    candidates: {
      leaders: candidates.leaders.map((p) => ({ id: p.id, name: p.displayName, unitName: units.get(p.unitId)?.name ?? p.unitId })),
      officers: candidates.officers.map((p) => ({ id: p.id, name: p.displayName })),
    },
    editable: user.unitId === unitId && (user.roles.includes('duty_officer') || user.roles.includes('leader')),
  };
}

/** Sets one day of the caller's unit's roster: the leader must be a leader of the unit, the officers its duty officers. */
export async function setRosterDay(deps: ApiDeps, user: SessionUser, unitId: string, day: string, input: RosterDayInput, ip: string | null) {
  const units = await unitIndex(deps);
  const unit = units.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', bilingual(`单位 ${unitId} 不存在`, `Unit ${unitId} not found`));
  requireDutyStaffOf(user, unitId, { 'zh-CN': '排班', en: 'keep its roster' });
  const candidates = await candidatesOf(deps, units, unitId);
  if (!candidates.leaders.some((p) => p.id === input.leaderUserId)) throw invalidField('leaderUserId', bilingual('带班领导须为本级政府所属单位在岗的领导', 'The leader on duty must be an active leader of a unit of the same government'));
  input.officerUserIds.forEach((id, i) => {
    if (!candidates.officers.some((p) => p.id === id)) throw invalidField(`officerUserIds.${i}`, bilingual('值班员须为本单位在岗的值班员', 'Officers on duty must be active duty officers of the unit'));
  });
  if (input.holidayName && !input.holiday) throw invalidField('holidayName', bilingual('只有节假日才填写节日名称', 'A holiday name goes with a holiday only'));
  const saved = await deps.duty.roster.set(
    { unitId, day, leaderUserId: input.leaderUserId, officerUserIds: input.officerUserIds, holiday: input.holiday, holidayName: input.holidayName ?? null, note: input.note ?? null },
    { actorId: user.id, actorName: user.displayName, divisionCode: unit.divisionCode, ip },
    deps.now(),
  );
  return view(saved, candidates.names);
}

export async function clearRosterDay(deps: ApiDeps, user: SessionUser, unitId: string, day: string, ip: string | null) {
  const units = await unitIndex(deps);
  const unit = units.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', bilingual(`单位 ${unitId} 不存在`, `Unit ${unitId} not found`));
  requireDutyStaffOf(user, unitId, { 'zh-CN': '排班', en: 'keep its roster' });
  const cleared = await deps.duty.roster.clear(unitId, day, { actorId: user.id, actorName: user.displayName, divisionCode: unit.divisionCode, ip }, deps.now());
  if (!cleared) throw new AppError('NOT_FOUND', bilingual(`${day} 没有排班`, `No roster on ${day}`));
}

/** Tomorrow's missing rosters of every unit the caller may read (their own, and the units reporting their duty to it). */
export async function rosterGaps(deps: ApiDeps, user: SessionUser) {
  const units = await unitIndex(deps);
  const unitIds = readableDutyUnits(user, units);
  const now = deps.now();
  const today = dutyDayAt(now);
  const rows = await deps.duty.roster.between(unitIds, today, addDays(today, 1));
  return {
    at: now.toISOString(),
    dutyDay: today,
    gaps: unitIds
      .map((id) => ({ unitId: id, unitName: units.get(id)?.name ?? id, missing: missingRosterDays(rows, id, now) }))
      .filter((g) => g.missing.length > 0),
  };
}
