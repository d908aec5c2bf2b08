import { z } from 'zod';
import { addDays, beijingDay, beijingInstant, isCalendarDay } from './beijing-day';
import { DUTY_RULES } from './duty-rules';
import { dutyText, type DutyLocale } from './duty-labels';

/** One day of a duty office's roster: 带班领导, 值班员, and whether it is a holiday (节假日). */
export function makeRosterDaySchema(locale: DutyLocale = 'zh-CN') {
  const t = dutyText(locale);
  return z.strictObject({
    leaderUserId: z.string(t.required('leaderUserId')).trim().min(1, t.required('leaderUserId')).max(64),
    officerUserIds: z
      .array(z.string().trim().min(1).max(64), t.required('officerUserIds'))
      .min(1, t.required('officerUserIds'))
      .max(10, t.tooMany('officerUserIds', 10))
      .refine((ids) => new Set(ids).size === ids.length, t.duplicate('officerUserIds')),
    holiday: z.boolean(t.required('holiday')).default(false),
    holidayName: z.string().trim().max(20, t.tooLong('holidayName', 20)).optional(),
    note: z.string().trim().max(200, t.tooLong('note', 200)).optional(),
  });
}
export const rosterDaySchema = makeRosterDaySchema();
export type RosterDayInput = z.infer<typeof rosterDaySchema>;

export const makeDaySchema = (locale: DutyLocale = 'zh-CN') =>
  z.string(dutyText(locale).required('day')).refine(isCalendarDay, dutyText(locale).invalidDay('day'));

/** A stored roster day. */
export interface RosterDay {
  unitId: string;
  day: string;
  leaderUserId: string;
  officerUserIds: readonly string[];
  holiday: boolean;
}

/**
 * The duty day running at `at`: a duty day starts at the handover and runs 24 hours, so at 02:00 on the 7th the
 * people of the 6th's roster are still on duty (the night-time urgent report goes to them).
 */
export function dutyDayAt(at: Date): string {
  const today = beijingDay(at);
  return at.getTime() >= beijingInstant(today, DUTY_RULES.handover).getTime() ? today : addDays(today, -1);
}

export interface OnDuty {
  day: string;
  leaderUserId: string;
  officerUserIds: readonly string[];
  holiday: boolean;
}

/** Who is on duty at `unitId` at `at` (带班领导 and 值班员), or null when that duty day has no roster. */
export function onDutyAt(days: readonly RosterDay[], unitId: string, at: Date): OnDuty | null {
  const day = dutyDayAt(at);
  const entry = days.find((d) => d.unitId === unitId && d.day === day);
  return entry ? { day, leaderUserId: entry.leaderUserId, officerUserIds: entry.officerUserIds, holiday: entry.holiday } : null;
}

/**
 * The coming days (tomorrow, and as many as the look-ahead asks) that have no roster at `unitId`: what the roster page
 * and `GET /api/duty/roster-gaps` flag. A holiday coming within its filing window is flagged too.
 */
export function missingRosterDays(days: readonly RosterDay[], unitId: string, at: Date, lookahead: number = DUTY_RULES.rosterLookaheadDays): string[] {
  const filed = new Set(days.filter((d) => d.unitId === unitId).map((d) => d.day));
  const today = dutyDayAt(at);
  const missing: string[] = [];
  for (let i = 1; i <= lookahead; i++) {
    const day = addDays(today, i);
    if (!filed.has(day)) missing.push(day);
  }
  return missing;
}
