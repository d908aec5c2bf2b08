import { z } from 'zod';
import { fieldsFor, type Fields } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { SECURE_CHANNELS } from './report-enums';

/**
 * What a report says about the incident. Classified (涉密) reports never carry these here: the content
 * goes through a secure channel and this system keeps only a placeholder (000, 001, 002). Kept: the
 * reporting unit, contact, category, severity and times, which the statutory clocks need.
 */
export const CLASSIFIED_CONTENT_FIELDS = [
  'title',
  'place',
  'casualties',
  'economicLossYuan',
  'course',
  'cause',
  'harm',
  'trend',
  'measures',
  'helpNeeded',
  'progress',
  'notes',
] as const;
export type ClassifiedContentField = (typeof CLASSIFIED_CONTENT_FIELDS)[number];

/** The parts of report schemas that enforce the classified rule, with messages in `locale`. */
export function classifiedRules(f: Fields, locale: Locale) {
  const placeholder = z.strictObject(
    {
      /** Which secure channel carried the content. */
      channel: f.oneOf('channel', SECURE_CHANNELS, labels[locale].secureChannel),
      /** Who sent it (经办人). */
      handledBy: f.group('handledBy', { name: f.text('handlerName', 32), phone: f.phone('phone').optional() }),
      /** When it was sent. */
      sentAt: f.instant('sentAt'),
      /** To whom, when known. */
      recipientUnitId: f.id('recipientUnitId').optional(),
      /** The number the secure channel gave it (机要编号/文号), to find the paper trail. */
      documentNumber: f.text('documentNumber', 64).optional(),
    },
    { error: (issue) => (issue.input === undefined ? f.msg('classified.transmissionRequired') : f.msg('invalidType', { field: f.label('secureTransmission') })) },
  );
  const forbidden = (field: ClassifiedContentField) => z.undefined({ error: f.msg('classified.contentForbidden', { field: f.label(field) }) }).optional();
  const forbiddenContent = Object.fromEntries(CLASSIFIED_CONTENT_FIELDS.map((field) => [field, forbidden(field)])) as {
    [K in ClassifiedContentField]: ReturnType<typeof forbidden>;
  };

  return {
    placeholder,
    /** Shape entries that reject every content field of a classified report, one issue per field. */
    forbiddenContent,
    /** An ordinary report has no placeholder. */
    noPlaceholder: z.undefined({ error: f.msg('classified.transmissionUnexpected') }).optional(),
    /** For schemas where `classified` is a plain flag (draft, 续报): the same rule as a refinement. */
    guard:
      (options: { requirePlaceholder: boolean }) =>
      (report: { classified?: boolean | undefined; secureTransmission?: unknown } & Partial<Record<ClassifiedContentField, unknown>>, ctx: z.RefinementCtx) => {
        if (report.classified !== true) {
          if (report.secureTransmission !== undefined) ctx.addIssue({ code: 'custom', path: ['secureTransmission'], message: f.msg('classified.transmissionUnexpected') });
          return;
        }
        for (const field of CLASSIFIED_CONTENT_FIELDS) {
          if (report[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: f.msg('classified.contentForbidden', { field: f.label(field) }) });
        }
        if (options.requirePlaceholder && report.secureTransmission === undefined) {
          ctx.addIssue({ code: 'custom', path: ['secureTransmission'], message: f.msg('classified.transmissionRequired') });
        }
      },
  };
}

/** The record of a classified report sent through a secure channel: who, when, which channel — no content. */
export function makeClassifiedPlaceholderSchema(locale: Locale = DEFAULT_LOCALE) {
  return classifiedRules(fieldsFor(locale), locale).placeholder;
}

export const classifiedPlaceholderSchema = makeClassifiedPlaceholderSchema();
export type ClassifiedPlaceholder = z.infer<typeof classifiedPlaceholderSchema>;

/** The title a dossier shows: the report's own, or a placeholder for a classified report (which has none). */
export function dossierTitle(report: { classified: boolean; title?: string | undefined }, locale: Locale = DEFAULT_LOCALE): string {
  return !report.classified && report.title ? report.title : formatMessage(locale, 'classified.placeholderTitle');
}
