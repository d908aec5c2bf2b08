import { z } from 'zod';
import { fieldsFor } from './fields';
import { DEFAULT_LOCALE } from './messages';
import { classifiedRules } from './classified';
import { DEFAULT_FUTURE_TOLERANCE_MS, makeReportSchemas, type ReportSchemaOptions } from './report';
import { mergeReport } from './report-diff';
import { reportElements } from './report-elements';

/** The kinds of report that follow a 首报 in the same dossier. */
export const LATER_REPORT_KINDS = ['follow_up', 'final'] as const;
export type LaterReportKind = (typeof LATER_REPORT_KINDS)[number];

/**
 * What a 续报 or 终报 sends: only what changed since the previous report (004: 首报、续报分开; 000: 续报
 * 确保信息的连续性). The incident number and the reporting unit come from the dossier, never the body.
 * 续报 must say how things stand now (002: 及时续报事态进展和处理情况): `progress` is required.
 * 终报 must say when the response ended (000: 处置结束后及时终报): `endedAt` is required; the merged
 * report must then hold every element `finalReportSchema` requires (cause, measures, loss…).
 * Groups (place, casualties, contact) may be partial: casualty counts are the current totals (截至目前).
 */
export function makeReportPatchSchemas(options: ReportSchemaOptions = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const f = fieldsFor(locale, options.now && { now: options.now, toleranceMs: options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS });
  const e = reportElements(f, locale);
  const { title, course, cause, harm, trend, measures, helpNeeded, progress, notes } = e.texts;
  const { occurredAt, learnedAt, receivedAt, endedAt } = e.times;
  const changeable = {
    title: title.optional(), category: e.category.optional(), severity: e.severity.optional(),
    sensitive: f.flag('sensitive').optional(), mayEscalate: f.flag('mayEscalate').optional(),
    occurredAt: occurredAt.optional(), learnedAt: learnedAt.optional(), receivedAt: receivedAt.optional(),
    place: e.partialPlace.optional(), casualties: e.partialCasualties.optional(), economicLossYuan: e.economicLossYuan.optional(),
    course: course.optional(), cause: cause.optional(), harm: harm.optional(), trend: trend.optional(),
    measures: measures.optional(), helpNeeded: helpNeeded.optional(), notes: notes.optional(), contact: e.partialContact.optional(),
    incidentType: e.incidentType.optional(), ...e.circumstances,
  };
  const kind = <K extends LaterReportKind>(value: K) => z.literal(value, { error: () => f.msg('enum.invalid', { field: f.label('kind'), options: 'follow_up（续报）、final（终报）' }) });
  const followUp = z.strictObject({ kind: kind('follow_up'), progress, endedAt: endedAt.optional(), ...changeable });
  const final = z.strictObject({ kind: kind('final'), endedAt, progress: progress.optional(), ...changeable });
  /**
   * 涉密终报 (ADR 0031): the placeholder only — when the response ended and the secure transmission that carried the
   * 终报 (channel, handler, time) — so a classified incident can be closed without its content entering the system.
   */
  const classifiedFinal = z.strictObject({ kind: kind('final'), classified: z.literal(true), endedAt, secureTransmission: classifiedRules(f, locale).placeholder });
  const patch = z.discriminatedUnion('kind', [followUp, final], { error: () => f.msg('enum.invalid', { field: f.label('kind'), options: 'follow_up（续报）、final（终报）' }) });

  const reports = makeReportSchemas(options);
  /** The merged report (previous content + patch) must still satisfy the rules of its kind. */
  const merged = {
    /** A 续报's facts are the 首报's facts brought up to date: every 首报 rule still holds. */
    follow_up: (content: Record<string, unknown>) => {
      const { progress: _p, endedAt: _e, incidentNumber: _n, ...facts } = content;
      return reports.first.safeParse({ ...facts, kind: 'first' });
    },
    final: (content: Record<string, unknown>) => {
      const { progress: _p, phoneReportedAt: _t, ...facts } = content;
      return reports.final.safeParse({ ...facts, kind: 'final' });
    },
  } satisfies Record<LaterReportKind, (content: Record<string, unknown>) => z.ZodSafeParseResult<unknown>>;

  return { followUp, final, classifiedFinal, patch, merged };
}

/** The report a 续报 or 终报 makes: the previous one with the change merged in, of the change's kind and incident. */
export function laterReportContent(previous: Record<string, unknown>, patch: { kind: LaterReportKind } & Record<string, unknown>, incidentNumber: string) {
  return { ...mergeReport(previous, patch), kind: patch.kind, incidentNumber };
}

/** The rules a merged 续报 or 终报 must satisfy, by kind (`merged` of makeReportPatchSchemas). */
export type MergedReportRules = ReturnType<typeof makeReportPatchSchemas>['merged'];

const defaults = makeReportPatchSchemas();
export const reportPatchSchema = defaults.patch;
export type ReportPatch = z.infer<typeof reportPatchSchema>;
