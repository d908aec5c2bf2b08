import { z } from 'zod';
import type { Locale } from './messages';

/*
 * 定期统计 (issue 23 item 5, docs/adr/0050): incidents by category, grade and unit per month, quarter or year (002),
 * 报送率 per unit (003 篇一), 及时率, 迟报 / 漏报 counts, and 001's 考评 of 首报时效 and 核报情况.
 */

export const STAT_PERIODS = ['month', 'quarter', 'year'] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

const MESSAGES = {
  'zh-CN': { year: '年份应为 2000 至 2100 的整数', month: '月份应为 1 至 12', quarter: '季度应为 1 至 4', needMonth: '按月统计需要月份', needQuarter: '按季统计需要季度' },
  en: { year: 'The year is a whole number from 2000 to 2100', month: 'The month is 1 to 12', quarter: 'The quarter is 1 to 4', needMonth: 'A monthly figure needs the month', needQuarter: 'A quarterly figure needs the quarter' },
} as const;

/** The period a query names: ?period=month&year=2026&month=12, ?period=quarter&year=2026&quarter=4, ?period=year&year=2026. */
export function makePeriodQuerySchema(locale: Locale) {
  const m = MESSAGES[locale];
  const int = (message: string, min: number, max: number) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
  return z
    .strictObject({
      period: z.enum(STAT_PERIODS).default('month'),
      year: int(m.year, 2000, 2100),
      month: int(m.month, 1, 12).optional(),
      quarter: int(m.quarter, 1, 4).optional(),
      lang: z.string().optional(),
    })
    .superRefine((q, ctx) => {
      if (q.period === 'month' && q.month === undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: m.needMonth });
      if (q.period === 'quarter' && q.quarter === undefined) ctx.addIssue({ code: 'custom', path: ['quarter'], message: m.needQuarter });
    });
}
export type PeriodQuery = z.infer<ReturnType<typeof makePeriodQuerySchema>>;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The Beijing calendar days a period covers, both inclusive. */
export function periodDays(q: Pick<PeriodQuery, 'period' | 'year' | 'month' | 'quarter'>): { from: string; to: string } {
  const [first, last] = q.period === 'year' ? [1, 12] : q.period === 'quarter' ? [(q.quarter! - 1) * 3 + 1, q.quarter! * 3] : [q.month!, q.month!];
  return { from: `${q.year}-${pad(first)}-01`, to: `${q.year}-${pad(last)}-${pad(lastDayOf(q.year, last))}` };
}

/** The period's name as people say it: 2026年12月, 2026年第4季度, 2026年. */
export function periodLabel(q: Pick<PeriodQuery, 'period' | 'year' | 'month' | 'quarter'>, locale: Locale): string {
  if (locale === 'en') return q.period === 'year' ? `${q.year}` : q.period === 'quarter' ? `${q.year} Q${q.quarter}` : `${q.year}-${pad(q.month!)}`;
  return q.period === 'year' ? `${q.year}年` : q.period === 'quarter' ? `${q.year}年第${q.quarter}季度` : `${q.year}年${q.month}月`;
}

/**
 * 001 六 names what is scored (首报时效, 核报情况) but not the weights: these are kuaibao's defaults, data a
 * jurisdiction may change. A unit with nothing to score in a part gets that part in full.
 */
export const SCORING_001 = { firstReportWeight: 60, verificationWeight: 40 } as const;

export interface UnitTally {
  /** 应报: incidents of the unit in the period, less those closed as not an incident. */
  due: number;
  /** 已报: of those, the ones whose written 首报 went out (已报出, 已签收, 已办结). */
  reported: number;
  /** 首报 clocks met and late (电话 and 书面 together). */
  met: number;
  late: number;
  /** Incidents with at least one late 首报 clock (迟报). */
  lateIncidents: number;
  /** 应报 incidents whose 首报 has not gone out and whose written deadline has passed (漏报). */
  missed: number;
  /** 核报 answers owed by the unit: on time and late. */
  verificationMet: number;
  verificationLate: number;
}

export interface UnitRates {
  /** 报送率 = 已报 ÷ 应报 (003 篇一), null when nothing was due. */
  reportingRate: number | null;
  /** 及时率 = clocks met ÷ (met + late), null without ended clocks. */
  timelyRate: number | null;
  verificationRate: number | null;
  /** 001 考评: 首报时效 and 核报情况 weighted by SCORING_001, 0–100, one decimal. */
  score: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

export function unitRates(t: UnitTally, scoring: { firstReportWeight: number; verificationWeight: number } = SCORING_001): UnitRates {
  const timelyRate = ratio(t.met, t.met + t.late);
  const verificationRate = ratio(t.verificationMet, t.verificationMet + t.verificationLate);
  // 漏报 weighs like a late clock in 首报时效: a report never sent was not on time either
  const raw = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const firstReport = raw(t.met, t.met + t.late + t.missed);
  const score = firstReport * scoring.firstReportWeight + raw(t.verificationMet, t.verificationMet + t.verificationLate) * scoring.verificationWeight;
  return { reportingRate: ratio(t.reported, t.due), timelyRate, verificationRate, score: Math.round(score * 10) / 10 };
}

const countSchema = z.number().int();
export const periodicStatsSchema = z.object({
  period: z.enum(STAT_PERIODS),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.object({ incidents: countSchema, dead: countSchema, injured: countSchema, missing: countSchema, economicLossYuan: z.number() }),
  byCategory: z.array(z.object({ category: z.string(), label: z.string(), incidents: countSchema })),
  bySeverity: z.array(z.object({ severity: z.string(), label: z.string(), incidents: countSchema })),
  byMonth: z.array(z.object({ month: z.string(), incidents: countSchema })),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      incidents: countSchema,
      due: countSchema,
      reported: countSchema,
      met: countSchema,
      late: countSchema,
      lateIncidents: countSchema,
      missed: countSchema,
      verificationMet: countSchema,
      verificationLate: countSchema,
      reportingRate: z.number().nullable(),
      timelyRate: z.number().nullable(),
      verificationRate: z.number().nullable(),
      score: z.number(),
    }),
  ),
});
export type PeriodicStats = z.infer<typeof periodicStatsSchema>;
