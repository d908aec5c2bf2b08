import { z } from 'zod';
import type { Locale } from '../../http/locale';

const MESSAGES = {
  'zh-CN': { date: '日期格式应为 YYYY-MM-DD', order: '开始日期不能晚于结束日期', span: '统计期间不能超过 366 天' },
  en: { date: 'A date is written YYYY-MM-DD', order: 'The start must not be after the end', span: 'The period must not exceed 366 days' },
} as const;

const DAY_MS = 86_400_000;

/** A calendar day (Beijing time) as the instant it begins. */
export const beijingDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** Today's date in Beijing. */
export const beijingToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);

/** The period of GET /api/stats/timeliness: Beijing calendar days, both inclusive; at most 366 of them. */
export function makeTimelinessQuerySchema(locale: Locale) {
  const m = MESSAGES[locale];
  const day = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, m.date)
    .refine((d) => !Number.isNaN(beijingDayStart(d).getTime()) && beijingToday(beijingDayStart(d)) === d, m.date); // no 02-30
  return z
    .strictObject({ from: day.optional(), to: day.optional(), lang: z.string().optional() })
    .superRefine((q, ctx) => {
      if (!q.from || !q.to) return;
      const span = beijingDayStart(q.to).getTime() - beijingDayStart(q.from).getTime();
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: m.order });
      else if (span / DAY_MS + 1 > 366) ctx.addIssue({ code: 'custom', path: ['to'], message: m.span });
    });
}

const tally = z.object({ met: z.number().int(), late: z.number().int(), open: z.number().int() });
const unitRow = z.object({ unitId: z.string(), unitName: z.string(), incidents: z.number().int(), phone: tally, written: tally });
export const timelinessResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  units: z.array(unitRow),
  total: unitRow.omit({ unitId: true, unitName: true }),
});
