import { isCalendarDay, makeDaySchema } from '@kuaibao/domain';
import { z } from 'zod';

const day = (locale: 'zh-CN' | 'en') => makeDaySchema(locale);
const unitId = z.string().trim().min(1).max(64);

export const rosterDayParamsSchema = (locale: 'zh-CN' | 'en' = 'zh-CN') => z.object({ unitId, day: day(locale) });

export const rosterQuerySchema = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
  z
    .object({ unitId: unitId.optional(), from: day(locale), to: day(locale) })
    .refine((q) => q.from <= q.to, { path: ['to'], message: locale === 'en' ? 'The end is before the start' : '结束日期早于开始日期' })
    .refine((q) => !isCalendarDay(q.from) || !isCalendarDay(q.to) || Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
      path: ['to'], message: locale === 'en' ? 'At most 62 days at once' : '一次最多查询 62 天',
    });

export const dayQuerySchema = (locale: 'zh-CN' | 'en' = 'zh-CN') => z.object({ day: day(locale) });

export const tallyQuerySchema = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
  z
    .object({ from: day(locale), to: day(locale), receiverId: unitId.optional() })
    .refine((q) => q.from <= q.to, { path: ['to'], message: locale === 'en' ? 'The end is before the start' : '结束日期早于开始日期' });

export const idParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });
export const instructionUnitParamsSchema = z.object({ id: z.string().trim().min(1).max(64), unitId });
export const incidentParamsSchema = z.object({ number: z.string().min(1).max(64) });

const person = z.object({ id: z.string(), name: z.string() });
export const rosterDayViewSchema = z.object({
  day: z.string(), leader: person, officers: z.array(person), holiday: z.boolean(), holidayName: z.string().nullable(), note: z.string().nullable(), updatedAt: z.string(),
});

/** The shape the statistics read: per unit reporting to the receiver, days expected, filed on time, late, missed, still due. */
export const dailyReportTallySchema = z.object({
  from: z.string(),
  to: z.string(),
  receiver: z.object({ id: z.string(), name: z.string() }),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), expected: z.number(), onTime: z.number(), late: z.number(), missed: z.number(), pending: z.number() })),
});

const clock = z.object({ dueAt: z.string(), status: z.enum(['open', 'met', 'late']), overdue: z.boolean(), metAt: z.string().nullable() });
export const instructionViewSchema = z.object({
  id: z.string(),
  incidentNumber: z.string(),
  incidentTitle: z.string().optional(),
  instructingLeader: z.string(),
  instructedAt: z.string(),
  text: z.string(),
  dueAt: z.string(),
  relayedBy: z.object({ unitId: z.string(), unitName: z.string(), name: z.string(), at: z.string() }),
  units: z.array(z.object({
    unitId: z.string(), unitName: z.string(), stage: z.enum(['relayed', 'acknowledged', 'done']), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.string().nullable(),
    result: z.string().nullable(), doneAt: z.string().nullable(), doneBy: z.string().nullable(), clock,
  })),
});
