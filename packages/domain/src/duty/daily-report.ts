import { z } from 'zod';
import { PHONE_PATTERN } from '../fields';
import { beijingInstant, isCalendarDay } from './beijing-day';
import { DUTY_RULES } from './duty-rules';
import { dutyText, type DutyLocale } from './duty-labels';

/** 视频点名 (004 二: the city calls every unit by video at 08:30): answered, missed, or not held that day. */
export const ROLL_CALL_RESULTS = ['answered', 'missed', 'not_held'] as const;
export type RollCallResult = (typeof ROLL_CALL_RESULTS)[number];
export const rollCallLabels = {
  'zh-CN': { answered: '已应答', missed: '未应答', not_held: '未点名' },
  en: { answered: 'Answered', missed: 'Missed', not_held: 'Not held' },
} as const satisfies Record<DutyLocale, Record<RollCallResult, string>>;

/**
 * 值班信息日报 (004 四: "每日 16 时前……报告当日值班情况"): who was on duty, what came in and went up, the roll call,
 * the day in a few lines, and who filled it in with a phone (as the 附件's 填表人 / 联系电话).
 */
export function makeDailyReportSchema(locale: DutyLocale = 'zh-CN') {
  const t = dutyText(locale);
  const text = (field: 'leaderName' | 'officerNames' | 'summary' | 'filledBy', max: number) =>
    z.string(t.required(field)).trim().min(1, t.required(field)).max(max, t.tooLong(field, max));
  const count = (field: 'incidentsReceived' | 'reportsSubmitted') => z.number(t.required(field)).int(t.count(field)).min(0, t.count(field)).max(100_000, t.count(field));
  return z.strictObject({
    day: z.string(t.required('day')).refine(isCalendarDay, t.invalidDay('day')),
    leaderName: text('leaderName', 32),
    officerNames: text('officerNames', 100),
    incidentsReceived: count('incidentsReceived'),
    reportsSubmitted: count('reportsSubmitted'),
    rollCall: z.enum(ROLL_CALL_RESULTS, t.oneOf('rollCall', ROLL_CALL_RESULTS.map((r) => rollCallLabels[locale][r]).join('、'))),
    summary: text('summary', 2000),
    issues: z.string().trim().max(2000, t.tooLong('issues', 2000)).optional(),
    filledBy: text('filledBy', 32),
    phone: z.string(t.required('phone')).trim().regex(PHONE_PATTERN, t.phone('phone')),
  });
}
export const dailyReportSchema = makeDailyReportSchema();
export type DailyReportInput = z.infer<typeof dailyReportSchema>;

/** When the daily report of `day` is due: 16:00 Beijing time that day. */
export const dailyReportDueAt = (day: string): Date => beijingInstant(day, DUTY_RULES.dailyReportDue);

/** How a unit stands on one day: filed in time, filed late (迟报), not filed after the deadline (漏报 so far), or still due. */
export type DailyReportStanding = 'on_time' | 'late' | 'missed' | 'pending';

export function dailyReportStanding(day: string, filedAt: Date | null, now: Date): DailyReportStanding {
  const due = dailyReportDueAt(day).getTime();
  if (filedAt) return filedAt.getTime() <= due ? 'on_time' : 'late';
  return now.getTime() > due ? 'missed' : 'pending';
}

/** A unit's count over a period: what the statistics read (filed on time, late, missed, still due). */
export interface DailyReportTally {
  unitId: string;
  expected: number;
  onTime: number;
  late: number;
  missed: number;
  pending: number;
}

/** Tallies each expected unit over `days` from the reports filed (unitId, day, filedAt). */
export function tallyDailyReports(unitIds: readonly string[], days: readonly string[], filed: readonly { unitId: string; day: string; filedAt: Date }[], now: Date): DailyReportTally[] {
  const byKey = new Map(filed.map((f) => [`${f.unitId}|${f.day}`, f.filedAt]));
  return unitIds.map((unitId) => {
    const tally: DailyReportTally = { unitId, expected: days.length, onTime: 0, late: 0, missed: 0, pending: 0 };
    for (const day of days) {
      const standing = dailyReportStanding(day, byKey.get(`${unitId}|${day}`) ?? null, now);
      if (standing === 'on_time') tally.onTime++;
      else if (standing === 'late') tally.late++;
      else if (standing === 'missed') tally.missed++;
      else tally.pending++;
    }
    return tally;
  });
}
