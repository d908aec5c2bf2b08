import { z } from 'zod';
import { PHONE_PATTERN } from './fields';
import type { Locale } from './messages';
import { beijingInstant, daysBetween } from './duty/beijing-day';
import { isCalendarDate } from './timeliness';

/*
 * 节假日期间日信息统计表 (seed 004 附件, docs/adr/0049): what each county-level unit files by 14:30 on every day of a
 * holiday, the city's summary to the province by 15:00, and the overall summary on the holiday's last day. The form's
 * fields are data (HOLIDAY_RETURN_FIELDS); the deadlines are the holiday period's (default 14:30 and 15:00, seed 004).
 */

/** The form's figures in its order (seed 004 附件). All are counts but 其他; 行政处罚情况 is counted in cases (起). */
export const HOLIDAY_RETURN_FIELDS = [
  { key: 'inspectionGroups', zh: '督查组数量', en: 'Inspection groups', unit: '个' },
  { key: 'inspectors', zh: '督查组人数', en: 'Inspectors', unit: '人' },
  { key: 'enterprisesChecked', zh: '检查企业数量', en: 'Enterprises checked', unit: '家' },
  { key: 'hazardsFound', zh: '发现隐患数量', en: 'Hazards found', unit: '处' },
  { key: 'hazardsRectified', zh: '隐患整改数量', en: 'Hazards rectified', unit: '处' },
  { key: 'penalties', zh: '行政处罚情况', en: 'Administrative penalties', unit: '起' },
  { key: 'suspendedUnits', zh: '责令停产停业营业单位数量', en: 'Units ordered to suspend', unit: '家' },
] as const;
export type HolidayCountKey = (typeof HOLIDAY_RETURN_FIELDS)[number]['key'];
export const HOLIDAY_COUNT_KEYS = HOLIDAY_RETURN_FIELDS.map((f) => f.key) as HolidayCountKey[];
export type HolidayCounts = Record<HolidayCountKey, number>;

/** The largest figure a county files in a day: anything above is a typing slip, not an inspection. */
export const HOLIDAY_COUNT_MAX = 100_000;

const MESSAGES = {
  'zh-CN': {
    count: (label: string) => `${label}应为 0 至 ${HOLIDAY_COUNT_MAX} 的整数`,
    rectified: '隐患整改数量不能多于发现隐患数量',
    inspectors: '督查组人数不能少于督查组数量',
    filledBy: '请填写填表人（1 至 32 个字）',
    phone: '联系电话格式有误，例如 0883-2100001 或 13800000000',
    other: '其他情况不超过 500 字',
    day: '日期格式应为 YYYY-MM-DD',
  },
  en: {
    count: (label: string) => `${label} is a whole number from 0 to ${HOLIDAY_COUNT_MAX}`,
    rectified: 'Hazards rectified cannot exceed hazards found',
    inspectors: 'There cannot be fewer inspectors than inspection groups',
    filledBy: 'Who filled in the form (1 to 32 characters)',
    phone: 'The contact phone is not valid, e.g. 0883-2100001 or 13800000000',
    other: 'Other remarks are at most 500 characters',
    day: 'A date is written YYYY-MM-DD',
  },
} as const;

export const holidayDaySchema = (locale: Locale) => z.string().refine(isCalendarDate, MESSAGES[locale].day);

/** One unit's return for one holiday day, as the form sends it and the API parses it. */
export function makeHolidayReturnSchema(locale: Locale) {
  const m = MESSAGES[locale];
  const counts = Object.fromEntries(
    HOLIDAY_RETURN_FIELDS.map((f) => {
      const message = m.count(locale === 'en' ? f.en : f.zh);
      return [f.key, z.number({ error: message }).int(message).min(0, message).max(HOLIDAY_COUNT_MAX, message)];
    }),
  ) as Record<HolidayCountKey, z.ZodNumber>;
  return z
    .strictObject({
      holidayId: z.string().min(1).max(64),
      day: holidayDaySchema(locale),
      /** The filing unit; default the caller's own. */
      unitId: z.string().min(1).max(64).optional(),
      ...counts,
      other: z.string().trim().max(500, m.other).default(''),
      filledBy: z.string({ error: m.filledBy }).trim().min(1, m.filledBy).max(32, m.filledBy),
      phone: z.string({ error: m.phone }).trim().regex(PHONE_PATTERN, m.phone),
    })
    .superRefine((r, ctx) => {
      if (r.hazardsRectified > r.hazardsFound) ctx.addIssue({ code: 'custom', path: ['hazardsRectified'], message: m.rectified });
      if (r.inspectors < r.inspectionGroups) ctx.addIssue({ code: 'custom', path: ['inspectors'], message: m.inspectors });
    });
}
export type HolidayReturnInput = z.infer<ReturnType<typeof makeHolidayReturnSchema>>;

/** A holiday as data: its days (Beijing dates, both inclusive), who collects the returns, and the two deadlines. */
export interface HolidayPeriod {
  id: string;
  name: string;
  /** The unit the county-level units file to (e.g. 临沧市应急管理局); it sends the summary to its superior department. */
  collectorUnitId: string;
  firstDay: string;
  lastDay: string;
  /** Beijing wall-clock times, HH:MM: each return (seed 004: 14:30) and the city's summary (15:00). */
  returnDue: string;
  summaryDue: string;
}

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The holiday's days in order. */
export const holidayDays = (period: Pick<HolidayPeriod, 'firstDay' | 'lastDay'>): string[] => daysBetween(period.firstDay, period.lastDay);

/** When the day's returns and the day's summary are due. */
export function holidayDeadlines(period: Pick<HolidayPeriod, 'returnDue' | 'summaryDue'>, day: string) {
  return { returnDue: beijingInstant(day, period.returnDue), summaryDue: beijingInstant(day, period.summaryDue) };
}

/** 按时 / 迟报 (filed after the deadline) / 漏报 (not filed and the deadline passed) / 待报 (not filed, still time). */
export type FilingStatus = 'on_time' | 'late' | 'missing' | 'pending';

export function filingStatus(filedAt: Date | null | undefined, due: Date, now: Date): FilingStatus {
  if (filedAt) return filedAt.getTime() <= due.getTime() ? 'on_time' : 'late';
  return now.getTime() > due.getTime() ? 'missing' : 'pending';
}

export const FILING_STATUS_LABELS: Record<Locale, Record<FilingStatus, string>> = {
  'zh-CN': { on_time: '按时报送', late: '迟报', missing: '漏报', pending: '待报送' },
  en: { on_time: 'On time', late: 'Late', missing: 'Missing', pending: 'Pending' },
};

export const zeroCounts = (): HolidayCounts => Object.fromEntries(HOLIDAY_COUNT_KEYS.map((k) => [k, 0])) as HolidayCounts;

/** The city's summary: each figure summed over the returns (computed, never typed); 其他 as "单位：内容" lines. */
export function sumHolidayReturns(returns: readonly (HolidayCounts & { unitName: string; other: string })[]): HolidayCounts & { other: string } {
  const total = zeroCounts();
  for (const r of returns) for (const k of HOLIDAY_COUNT_KEYS) total[k] += r[k];
  return { ...total, other: returns.filter((r) => r.other.trim()).map((r) => `${r.unitName}：${r.other.trim()}`).join('\n') };
}

/** Whether a holiday's day may be filed now: it is one of its days and it has begun (Beijing time). */
export function dayOpenForFiling(period: Pick<HolidayPeriod, 'firstDay' | 'lastDay'>, day: string, now: Date): boolean {
  return day >= period.firstDay && day <= period.lastDay && beijingInstant(day, '00:00').getTime() <= now.getTime();
}
