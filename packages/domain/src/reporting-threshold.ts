import { z } from 'zod';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { describeReason, mustReport, mustReportReasonSchema, type MustReportInput, type MustReportResult } from './must-report';
import type { Severity } from './report-enums';
import { THRESHOLD_RULES, type IncidentType } from './thresholds';

/** What of a 首报 decides whether it had to be reported (003 第一篇; 000, 001, 002 for grade and sensitivity). */
export interface ThresholdFacts {
  severity: Severity;
  sensitive?: boolean | undefined;
  mayEscalate?: boolean | undefined;
  incidentType?: IncidentType | undefined;
  sensitivePlace?: boolean | undefined;
  sensitiveTime?: boolean | undefined;
  specialPersons?: boolean | undefined;
  longDuration?: boolean | undefined;
  wideImpact?: boolean | undefined;
  casualties?: Partial<Record<'dead' | 'injured' | 'seriouslyInjured' | 'missing' | 'poisoned', number | undefined>> | undefined;
  economicLossYuan?: number | undefined;
}

export const reportingThresholdSchema = z.object({
  /** 须报送 (mandatory) or 自愿报送 (below every threshold: accepted, counted apart). */
  required: z.boolean(),
  reasons: z.array(mustReportReasonSchema.extend({ text: z.string() })),
  /** The citation: why it is mandatory, or which threshold it stays below. */
  rule: z.string(),
});
export type ReportingThreshold = z.infer<typeof reportingThresholdSchema>;

/**
 * Whether the incident a 首报 describes meets the reporting threshold (报送标准), with every reason and the rule
 * cited. The report's counts are the figures (死亡, 受伤, 重伤, 失踪, 中毒; 直接经济损失 as the direct loss of 003 三、2–4).
 * A graded incident is reportable (001 二: 一般和较大以上 go to the city government), as is a sensitive one or one that
 * may escalate (000 二（三）, 001 二, 002 一（三）) and the special circumstances of 003 第一篇. Below all of them the
 * report is still accepted (003 第一篇 closing paragraph: "虽未达到上述标准，但……也要及时报告") and counted as voluntary.
 */
export function reportingThreshold(facts: ThresholdFacts, locale: Locale = DEFAULT_LOCALE): ReportingThreshold {
  const c = facts.casualties ?? {};
  const figures: NonNullable<MustReportInput['figures']> = {};
  for (const [metric, value] of [['dead', c.dead], ['injured', c.injured], ['seriouslyInjured', c.seriouslyInjured], ['missing', c.missing], ['poisoned', c.poisoned], ['directLossYuan', facts.economicLossYuan]] as const) {
    if (value !== undefined) figures[metric] = value;
  }
  const result = mustReport({
    figures,
    severity: facts.severity,
    ...(facts.incidentType && { incidentType: facts.incidentType }),
    sensitive: facts.sensitive ?? false,
    mayEscalate: facts.mayEscalate ?? false,
    sensitivePlace: facts.sensitivePlace ?? false,
    sensitiveTime: facts.sensitiveTime ?? false,
    specialPersons: facts.specialPersons ?? false,
    longDuration: facts.longDuration ?? false,
    wideImpact: facts.wideImpact ?? false,
  });
  return describeThreshold(result, facts.incidentType, locale);
}

/** A threshold decision told in `locale`: each reason as a sentence, and the rule cited. */
export function describeThreshold(result: MustReportResult, incidentType: IncidentType | undefined, locale: Locale = DEFAULT_LOCALE): ReportingThreshold {
  const reasons = result.reasons.map((reason) => ({ ...reason, text: describeReason(reason, locale) }));
  const rule = result.required
    ? formatMessage(locale, 'threshold.required', { reasons: reasons.map((r) => `${r.text}（${r.source}）`).join('；') })
    : formatMessage(locale, 'threshold.voluntary', {
        standard: incidentType ? `${THRESHOLD_RULES[incidentType].name[locale]}（003 第一篇 ${THRESHOLD_RULES[incidentType].source}）` : formatMessage(locale, 'threshold.noType'),
      });
  return { required: result.required, reasons, rule };
}
