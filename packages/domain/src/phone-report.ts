import { z } from 'zod';
import { EARLIEST_INSTANT, fieldsFor } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE } from './messages';
import { DEFAULT_FUTURE_TOLERANCE_MS, type ReportSchemaOptions } from './report';
import { REPORT_CATEGORIES, SEVERITIES } from './report-enums';

/**
 * 电话/口头报告: who called, from which unit, when, and what they said; the dossier's first entry.
 * Messages in `options.locale`; with `options.now`, no time may lie in the future (the API passes its clock,
 * as for written reports: a call recorded ahead of time would push every statutory clock back).
 */
export function makePhoneReportSchema(options: ReportSchemaOptions = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const clock = options.now && { now: options.now, toleranceMs: options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS };
  const f = fieldsFor(locale, clock);
  /** Kept as the caller wrote it (offset and all), as the dossier shows it. Not a date at all is only `instant.invalid`. */
  const instant = (field: 'calledAt' | 'occurredAt' | 'learnedAt') => {
    const name = { field: f.label(field) };
    return z
      .iso.datetime({ offset: true, error: (issue) => f.msg(issue.input === undefined ? 'required' : 'instant.invalid', name) })
      .refine((value) => !(Date.parse(value) < EARLIEST_INSTANT.getTime()), { error: f.msg('instant.tooEarly', name) })
      .refine((value) => !clock || !(Date.parse(value) > clock.now().getTime() + clock.toleranceMs), { error: f.msg('instant.future', name) });
  };
  return z
    .strictObject({
      callerName: f.text('callerName', 32),
      callerPhone: f.string('callerPhone').trim().regex(/^[0-9+\-() ]{5,20}$/, { error: f.msg('phone.invalid', { field: f.label('callerPhone') }) }).optional(),
      /** The unit that called (the reporting unit of the incident). */
      callerUnitId: f.id('callerUnitId'),
      calledAt: instant('calledAt'),
      summary: f.text('summary'),
      title: f.text('title', 80).optional(),
      category: f.oneOf('category', REPORT_CATEGORIES, labels[locale].category),
      severity: f.oneOf('severity', SEVERITIES, labels[locale].severity),
      sensitive: f.flag('sensitive').default(false),
      occurredAt: instant('occurredAt'),
      learnedAt: instant('learnedAt').optional(),
    })
    .superRefine((body, ctx) => {
      if (Date.parse(body.occurredAt) > Date.parse(body.calledAt)) ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: f.msg('phone.occurredAfterCall') });
      if (body.learnedAt && Date.parse(body.learnedAt) > Date.parse(body.calledAt)) ctx.addIssue({ code: 'custom', path: ['learnedAt'], message: f.msg('phone.learnedAfterCall') });
    });
}

/** Without a clock, in Chinese: the web form's first check (the API checks again with its clock). */
export const phoneReportSchema = makePhoneReportSchema();
export type PhoneReport = z.infer<typeof phoneReportSchema>;
