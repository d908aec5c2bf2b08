import { z } from 'zod';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';

/** What a retry of a failed step may ask for (流程监控, docs/adr/0022): 1–10 more attempts, 3 unless said. */
export const RETRIES = { min: 1, max: 10, default: 3 } as const;
/** Longest reason the audit trail takes for a retry. */
export const RETRY_REASON_MAX_LENGTH = 500;

/**
 * The body of a retry (POST /api/admin/incidents/{key}/retry), with messages in `locale`: `retries` a whole
 * number 1–10 (3 when absent) and a required `reason` (trimmed, at most 500 characters). The API parses with
 * it and the retry form validates with it.
 */
export function makeIncidentRetrySchema(locale: Locale = DEFAULT_LOCALE) {
  const retriesRange = formatMessage(locale, 'retry.retriesRange', RETRIES);
  const reasonRequired = formatMessage(locale, 'retry.reasonRequired');
  return z.strictObject({
    retries: z.number({ error: retriesRange }).int(retriesRange).min(RETRIES.min, retriesRange).max(RETRIES.max, retriesRange).default(RETRIES.default),
    reason: z
      .string({ error: reasonRequired })
      .trim()
      .min(1, reasonRequired)
      .max(RETRY_REASON_MAX_LENGTH, formatMessage(locale, 'retry.reasonTooLong', { max: RETRY_REASON_MAX_LENGTH })),
  });
}

export type IncidentRetry = z.output<ReturnType<typeof makeIncidentRetrySchema>>;
