import { EARLIEST_DAY, isCalendarDate, TIMELINESS_MAX_DAYS } from '@kuaibao/domain';
import { z } from 'zod';
import type { Locale } from '../../http/locale';

const MESSAGES = {
  'zh-CN': { date: `日期格式应为 YYYY-MM-DD，且不早于 ${EARLIEST_DAY}`, order: '开始日期不能晚于结束日期', span: `统计期间不能超过 ${TIMELINESS_MAX_DAYS} 天` },
  en: { date: `A date is written YYYY-MM-DD, not before ${EARLIEST_DAY}`, order: 'The start must not be after the end', span: `The period must not exceed ${TIMELINESS_MAX_DAYS} days` },
} as const;

export const DAY_MS = 86_400_000;

/** A calendar day (Beijing time) as the instant it begins. */
export const beijingDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

const beijingDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
/** Today's date in Beijing. */
export const beijingToday = (now: Date) => beijingDate.format(now);

/** The period of GET /api/stats/timeliness: Beijing calendar days, both inclusive; at most TIMELINESS_MAX_DAYS of them. */
export function makeTimelinessQuerySchema(locale: Locale) {
  const m = MESSAGES[locale];
  const day = z.string().refine(isCalendarDate, m.date);
  return z
    .strictObject({ from: day.optional(), to: day.optional(), lang: z.string().optional() })
    .superRefine((q, ctx) => {
      if (!q.from || !q.to) return;
      const span = beijingDayStart(q.to).getTime() - beijingDayStart(q.from).getTime();
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: m.order });
      else if (span / DAY_MS + 1 > TIMELINESS_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: m.span });
    });
}
