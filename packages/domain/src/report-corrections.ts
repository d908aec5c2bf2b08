import { z } from 'zod';
import { fieldsFor } from './fields';
import { DEFAULT_LOCALE } from './messages';
import { DEFAULT_FUTURE_TOLERANCE_MS, type ReportSchemaOptions } from './report';
import { reportElements } from './report-elements';

/**
 * 核实 with corrections: what a verifier may correct in the report before sign-off (000: 临翔区 reported
 * unverified facts). The facts only: never the kind, the incident number, the reporting unit or whether
 * the report is classified. Applying corrections to a classified report is refused by the service,
 * which knows the dossier (a classified report has no content to correct).
 */
export function makeReportCorrectionsSchema(options: ReportSchemaOptions = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const f = fieldsFor(locale, options.now && { now: options.now, toleranceMs: options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS });
  const e = reportElements(f, locale);
  const { title, course, cause, harm, trend, measures, helpNeeded, notes } = e.texts;
  const { occurredAt, learnedAt, receivedAt } = e.times;
  return z
    .strictObject(
      {
        title: title.optional(),
        category: e.category.optional(),
        severity: e.severity.optional(),
        sensitive: f.flag('sensitive').optional(),
        mayEscalate: f.flag('mayEscalate').optional(),
        occurredAt: occurredAt.optional(),
        learnedAt: learnedAt.optional(),
        receivedAt: receivedAt.optional(),
        place: e.place.optional(),
        casualties: e.partialCasualties.optional(),
        economicLossYuan: e.economicLossYuan.optional(),
        course: course.optional(),
        cause: cause.optional(),
        harm: harm.optional(),
        trend: trend.optional(),
        measures: measures.optional(),
        helpNeeded: helpNeeded.optional(),
        notes: notes.optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? f.msg('corrections.notCorrectable', { keys: issue.keys.join('、') }) : undefined) },
    )
    .superRefine(e.chronology);
}

export const reportCorrectionsSchema = makeReportCorrectionsSchema();
export type ReportCorrections = z.infer<typeof reportCorrectionsSchema>;
