import { z } from 'zod';
import { labels } from './labels';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { severitySchema } from './report-enums';
import { incidentTypeSchema, THRESHOLD_METRICS, THRESHOLD_RULES, thresholdMetricSchema, type ThresholdMetric } from './thresholds';

export const MUST_REPORT_REASON_CODES = [
  'threshold',
  'always',
  'graded',
  'sensitive',
  'may_escalate',
  'sensitive_place',
  'sensitive_time',
  'special_persons',
  'long_duration',
  'wide_impact',
] as const;

/**
 * Circumstances that make an incident reportable whatever its figures or grade: sensitive or may become
 * 较大 or worse (000, 001, 002); sensitive place or time (002; 003 三、7); special persons, long duration,
 * wide social impact (003 第一篇, closing paragraph).
 */
const CIRCUMSTANCES = {
  sensitive: { code: 'sensitive', source: '000、001、002' },
  mayEscalate: { code: 'may_escalate', source: '000、001、002' },
  sensitivePlace: { code: 'sensitive_place', source: '002、003 第一篇' },
  sensitiveTime: { code: 'sensitive_time', source: '002、003 第一篇 三、7' },
  specialPersons: { code: 'special_persons', source: '003 第一篇' },
  longDuration: { code: 'long_duration', source: '003 第一篇' },
  wideImpact: { code: 'wide_impact', source: '003 第一篇' },
} as const satisfies Record<string, { code: (typeof MUST_REPORT_REASON_CODES)[number]; source: string }>;
type Circumstance = keyof typeof CIRCUMSTANCES;

const flag = z.boolean().default(false);
export const mustReportInputSchema = z.object({
  incidentType: incidentTypeSchema.optional(),
  /** What is known so far. `deadOrInjured` (死伤) defaults to dead + injured. */
  figures: z.partialRecord(z.enum([...THRESHOLD_METRICS, 'injured']), z.number().nonnegative()).default({}),
  severity: severitySchema.default('ungraded'),
  ...(Object.fromEntries(Object.keys(CIRCUMSTANCES).map((key) => [key, flag])) as Record<Circumstance, typeof flag>),
});
export type MustReportInput = z.input<typeof mustReportInputSchema>;

export const mustReportReasonSchema = z.object({
  code: z.enum(MUST_REPORT_REASON_CODES),
  /** Where the rule comes from (seed and item). */
  source: z.string(),
  incidentType: incidentTypeSchema.optional(),
  metric: thresholdMetricSchema.optional(),
  value: z.number().optional(),
  min: z.number().optional(),
  severity: severitySchema.optional(),
});
export type MustReportReason = z.infer<typeof mustReportReasonSchema>;
export const mustReportResultSchema = z.object({ required: z.boolean(), reasons: z.array(mustReportReasonSchema) });
export type MustReportResult = z.infer<typeof mustReportResultSchema>;

/**
 * Whether an incident must be reported (报送范围), and every reason why: each threshold its figures
 * reach (003 第一篇), a type reportable at any scale, a grade (001: 一般 and above go to the city
 * government), and special circumstances that override every threshold.
 */
export function mustReport(input: MustReportInput): MustReportResult {
  const { incidentType, figures, severity, ...circumstances } = mustReportInputSchema.parse(input);
  const reasons: MustReportReason[] = [];
  if (incidentType) {
    const rule = THRESHOLD_RULES[incidentType];
    const source = `003 第一篇 ${rule.source}`;
    if (rule.always) reasons.push({ code: 'always', source, incidentType });
    for (const [metric, min] of Object.entries(rule.anyOf) as [ThresholdMetric, number][]) {
      const value = metric === 'deadOrInjured' ? deadOrInjured(figures) : figures[metric];
      if (value !== undefined && value >= min) reasons.push({ code: 'threshold', source, incidentType, metric, value, min });
    }
  }
  if (severity !== 'ungraded') reasons.push({ code: 'graded', source: '000、001', severity });
  for (const key of Object.keys(CIRCUMSTANCES) as Circumstance[]) {
    if (circumstances[key]) reasons.push({ code: CIRCUMSTANCES[key].code, source: CIRCUMSTANCES[key].source });
  }
  return { required: reasons.length > 0, reasons };
}

function deadOrInjured(figures: Partial<Record<ThresholdMetric | 'injured', number>>): number | undefined {
  if (figures.deadOrInjured !== undefined) return figures.deadOrInjured;
  if (figures.dead === undefined && figures.injured === undefined) return undefined;
  return (figures.dead ?? 0) + (figures.injured ?? 0);
}

/** One reason as a sentence, e.g. "道路交通事故：死伤人数为5，达到报送标准（≥5）". */
export function describeReason(reason: MustReportReason, locale: Locale = DEFAULT_LOCALE): string {
  const type = reason.incidentType ? THRESHOLD_RULES[reason.incidentType].name[locale] : '';
  switch (reason.code) {
    case 'threshold':
      return formatMessage(locale, 'mustReport.threshold', { type, metric: labels[locale].thresholdMetric[reason.metric!], value: reason.value!, min: reason.min! });
    case 'always':
      return formatMessage(locale, 'mustReport.always', { type });
    case 'graded':
      return formatMessage(locale, 'mustReport.graded', { severity: labels[locale].severity[reason.severity!] });
    default:
      return formatMessage(locale, `mustReport.${reason.code}`);
  }
}
