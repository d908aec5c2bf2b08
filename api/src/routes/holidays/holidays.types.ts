import { HH_MM, holidayDaySchema, type Locale } from '@kuaibao/domain';
import { z } from 'zod';

export const holidayParams = z.strictObject({ id: z.string().min(1).max(64) });
export const makeDayParams = (locale: Locale) => z.strictObject({ id: z.string().min(1).max(64), day: holidayDaySchema(locale) });

export const makeSummaryBody = (locale: Locale) =>
  z.strictObject({
    day: holidayDaySchema(locale),
    /** daily 每日汇总 (by 15:00) | overall 节假日综合情况 (the holiday's last day only). */
    kind: z.enum(['daily', 'overall']).default('daily'),
  });

const MESSAGES = {
  'zh-CN': { id: '编号为 3 至 64 位小写字母、数字或 -', name: '请填写名称（1 至 40 个字）', time: '时间格式应为 HH:MM（北京时间）', order: '结束日期不能早于开始日期', span: '节假日不超过 31 天' },
  en: { id: 'An id is 3 to 64 lowercase letters, digits or -', name: 'A name of 1 to 40 characters', time: 'A time is HH:MM (Beijing)', order: 'The last day cannot be before the first', span: 'A holiday lasts at most 31 days' },
} as const;

/** A new holiday period (an admin of the collecting unit's jurisdiction). */
export const makeHolidayBody = (locale: Locale) => {
  const m = MESSAGES[locale];
  return z
    .strictObject({
      id: z.string().regex(/^[a-z0-9-]{3,64}$/, m.id),
      name: z.string().trim().min(1, m.name).max(40, m.name),
      collectorUnitId: z.string().min(1).max(64),
      firstDay: holidayDaySchema(locale),
      lastDay: holidayDaySchema(locale),
      returnDue: z.string().regex(HH_MM, m.time).default('14:30'),
      summaryDue: z.string().regex(HH_MM, m.time).default('15:00'),
    })
    .superRefine((h, ctx) => {
      const span = (Date.parse(h.lastDay) - Date.parse(h.firstDay)) / 86_400_000;
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: m.order });
      else if (span >= 31) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: m.span });
    });
};
