import { z } from 'zod';
import { classifiedRules } from './classified';
import { fieldsFor } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE, type Locale } from './messages';
import { reportElements } from './report-elements';

export interface ReportSchemaOptions {
  /** Language of the messages (default zh-CN). */
  locale?: Locale;
  /** The clock; when given, no time may lie later than now + `futureToleranceMs`. */
  now?: () => Date;
  futureToleranceMs?: number;
}

/** Clients' clocks drift; a time a few minutes ahead of ours is a typo-free report, not a future one. */
export const DEFAULT_FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Empty form inputs of a draft count as not filled in. */
const blankAsMissing = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * The report schemas, with messages in `options.locale`. Pure: the clock is a parameter, so the API
 * passes `() => new Date()` and tests a fixed time. The exported `*Schema` constants below have no clock.
 */
export function makeReportSchemas(options: ReportSchemaOptions = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const clock = options.now && { now: options.now, toleranceMs: options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS };
  const f = fieldsFor(locale, clock);
  const e = reportElements(f, locale);
  const c = classifiedRules(f, locale);
  const kind = <K extends 'first' | 'follow_up' | 'final'>(value: K) => f.oneOf('kind', [value] as const, { [value]: labels[locale].reportKind[value] } as Record<K, string>);
  const ordinary = z.literal(false).default(false);
  const discriminator = { error: () => f.msg('invalidType', { field: f.label('classified') }) };
  const { title, course, cause, harm, trend, measures, helpNeeded, progress, notes } = e.texts;
  const { occurredAt, learnedAt, receivedAt, phoneReportedAt, endedAt } = e.times;

  /** 草稿: anything may be missing; what is there must be valid; classified drafts hold no content either. */
  const draft = z
    .strictObject({
      kind: e.kind,
      incidentNumber: e.incidentNumber.optional(),
      classified: f.flag('classified').optional(),
      secureTransmission: c.placeholder.optional(),
      sensitive: f.flag('sensitive').optional(), mayEscalate: f.flag('mayEscalate').optional(),
      incidentType: e.incidentType.optional(), ...e.circumstances,
      category: e.category.optional(), severity: e.severity.optional(), reportingUnitId: blankAsMissing(e.reportingUnitId),
      occurredAt: occurredAt.optional(), learnedAt: learnedAt.optional(), receivedAt: receivedAt.optional(),
      phoneReportedAt: phoneReportedAt.optional(), endedAt: endedAt.optional(),
      place: e.partialPlace.optional(), casualties: e.partialCasualties.optional(), economicLossYuan: e.economicLossYuan.optional(),
      title: blankAsMissing(title), course: blankAsMissing(course), cause: blankAsMissing(cause), harm: blankAsMissing(harm),
      trend: blankAsMissing(trend), measures: blankAsMissing(measures), helpNeeded: blankAsMissing(helpNeeded),
      progress: blankAsMissing(progress), notes: blankAsMissing(notes), contact: e.partialContact.optional(),
    })
    .superRefine(e.chronology)
    .superRefine(c.guard({ requirePlaceholder: false }));

  /**
   * 首报. 004: "首报写清时间、地点、事件、影响等要素"; 002 lists the full set (时间、地点、单位、经过、原因、
   * 危害程度、发展趋势、应急处理措施、需要帮助解决的问题) but allows "先作简要报告…随时续报". So a first report
   * requires: time (occurredAt, learnedAt), place (division + address), event (title, category, severity —
   * 未分级 allowed — and course 经过), impact (casualties, all counts, zeros allowed; harm 危害), and the
   * unit and a contact for 核报 (000). Cause, trend, measures, help needed and loss may follow in 续报.
   * The incident number is optional: the system assigns it when the first report is submitted.
   */
  const firstOrdinary = z
    .strictObject({
      kind: kind('first'),
      incidentNumber: e.incidentNumber.optional(),
      classified: ordinary,
      secureTransmission: c.noPlaceholder,
      title, category: e.category, severity: e.severity, course, harm,
      sensitive: f.flag('sensitive').default(false), mayEscalate: f.flag('mayEscalate').default(false),
      incidentType: e.incidentType.optional(), ...e.circumstances,
      occurredAt, learnedAt, receivedAt: receivedAt.optional(), phoneReportedAt: phoneReportedAt.optional(),
      place: e.place, reportingUnitId: e.reportingUnitId, casualties: e.casualties, contact: e.contact,
      economicLossYuan: e.economicLossYuan.optional(), cause: cause.optional(), trend: trend.optional(),
      measures: measures.optional(), helpNeeded: helpNeeded.optional(), notes: notes.optional(),
    })
    .superRefine(e.chronology);

  /** A classified 首报: who reported, when, how grave, and through which secure channel — never what. */
  const classifiedHeader = {
    classified: z.literal(true),
    secureTransmission: c.placeholder,
    reportingUnitId: e.reportingUnitId,
    contact: e.contact,
    category: e.category,
    severity: e.severity,
    sensitive: f.flag('sensitive').default(false),
    mayEscalate: f.flag('mayEscalate').default(false),
    ...c.forbiddenContent,
  };
  const firstClassified = z
    .strictObject({ kind: kind('first'), incidentNumber: e.incidentNumber.optional(), ...classifiedHeader, occurredAt, learnedAt, receivedAt: receivedAt.optional() })
    .superRefine(e.chronology);

  const first = z.discriminatedUnion('classified', [firstOrdinary, firstClassified], discriminator);

  /** 续报: the incident number plus only what changed (004: 首报、续报分开); at least one element. */
  const followUp = z
    .strictObject({
      kind: kind('follow_up'),
      incidentNumber: e.incidentNumber,
      reportingUnitId: e.reportingUnitId,
      classified: f.flag('classified').default(false),
      secureTransmission: c.placeholder.optional(),
      contact: e.contact.optional(),
      progress: progress.optional(), title: title.optional(), category: e.category.optional(), severity: e.severity.optional(),
      sensitive: f.flag('sensitive').optional(), mayEscalate: f.flag('mayEscalate').optional(),
      incidentType: e.incidentType.optional(), ...e.circumstances,
      occurredAt: occurredAt.optional(), learnedAt: learnedAt.optional(), receivedAt: receivedAt.optional(),
      place: e.place.optional(), casualties: e.partialCasualties.optional(), economicLossYuan: e.economicLossYuan.optional(),
      course: course.optional(), cause: cause.optional(), harm: harm.optional(), trend: trend.optional(),
      measures: measures.optional(), helpNeeded: helpNeeded.optional(), notes: notes.optional(),
    })
    .superRefine(e.chronology)
    .superRefine(c.guard({ requirePlaceholder: true }))
    .superRefine((report, ctx) => {
      if (report.classified) return;
      const unchanged = new Set(['kind', 'incidentNumber', 'reportingUnitId', 'classified', 'secureTransmission', 'contact']);
      const changes = Object.entries(report).filter(([key, value]) => !unchanged.has(key) && value !== undefined);
      if (changes.length === 0) ctx.addIssue({ code: 'custom', path: [], message: f.msg('followUp.empty') });
    });

  /** 终报 after the response ended (000: 处置结束后及时终报): the final figures, cause and measures. */
  const finalOrdinary = z
    .strictObject({
      kind: kind('final'),
      incidentNumber: e.incidentNumber,
      classified: ordinary,
      secureTransmission: c.noPlaceholder,
      title, category: e.category, severity: e.severity, course, cause, harm, measures,
      sensitive: f.flag('sensitive').default(false), mayEscalate: f.flag('mayEscalate').default(false),
      incidentType: e.incidentType.optional(), ...e.circumstances,
      occurredAt, learnedAt, receivedAt: receivedAt.optional(), endedAt,
      place: e.place, reportingUnitId: e.reportingUnitId, casualties: e.casualties, contact: e.contact,
      economicLossYuan: e.economicLossYuan, trend: trend.optional(), helpNeeded: helpNeeded.optional(), notes: notes.optional(),
    })
    .superRefine(e.chronology);
  const finalClassified = z.strictObject({ kind: kind('final'), incidentNumber: e.incidentNumber, ...classifiedHeader, occurredAt, learnedAt: learnedAt.optional(), endedAt }).superRefine(e.chronology);
  const final = z.discriminatedUnion('classified', [finalOrdinary, finalClassified], discriminator);

  return { draft, first, followUp, final, placeholder: c.placeholder };
}

const defaults = makeReportSchemas();
export const reportDraftSchema = defaults.draft;
export const firstReportSchema = defaults.first;
export const followUpReportSchema = defaults.followUp;
export const finalReportSchema = defaults.final;
export type ReportDraft = z.infer<typeof reportDraftSchema>;
export type FirstReport = z.infer<typeof firstReportSchema>;
export type FollowUpReport = z.infer<typeof followUpReportSchema>;
export type FinalReport = z.infer<typeof finalReportSchema>;
export type Report = FirstReport | FollowUpReport | FinalReport;
