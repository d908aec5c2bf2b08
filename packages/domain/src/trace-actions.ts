import { z } from 'zod';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { RETRIES } from './incident-retry';

/*
 * The admin's actions on a running report (issue 22, docs/adr/0040): 催办, 改派, 取消认领, 终止, batch retry.
 * Each needs a reason, which goes into the dossier's audit trail. The API parses with these, the forms validate with them.
 */

export const TRACE_REASON_MAX_LENGTH = 500;
export const RETRY_BATCH_MAX = 50;

function reasonOf(locale: Locale) {
  const required = formatMessage(locale, 'trace.reasonRequired');
  return z.string({ error: required }).trim().min(1, required).max(TRACE_REASON_MAX_LENGTH, formatMessage(locale, 'trace.reasonTooLong', { max: TRACE_REASON_MAX_LENGTH }));
}

/** 催办, 取消认领, 终止: a reason, nothing else. */
export const makeTraceReasonSchema = (locale: Locale = DEFAULT_LOCALE) => z.strictObject({ reason: reasonOf(locale) });
export type TraceReason = z.output<ReturnType<typeof makeTraceReasonSchema>>;

/** 改派: to whom (a username) and why. */
export function makeReassignSchema(locale: Locale = DEFAULT_LOCALE) {
  const required = formatMessage(locale, 'trace.assigneeRequired');
  return z.strictObject({ assignee: z.string({ error: required }).trim().min(1, required).max(60), reason: reasonOf(locale) });
}
export type Reassign = z.output<ReturnType<typeof makeReassignSchema>>;

/** Batch retry: the incidents, how many more attempts each, and why. */
export function makeRetryBatchSchema(locale: Locale = DEFAULT_LOCALE) {
  const retriesRange = formatMessage(locale, 'retry.retriesRange', RETRIES);
  const required = formatMessage(locale, 'trace.incidentsRequired');
  return z.strictObject({
    incidentKeys: z
      .array(z.string().min(1).max(32), { error: required })
      .min(1, required)
      .max(RETRY_BATCH_MAX, formatMessage(locale, 'trace.tooManyIncidents', { max: RETRY_BATCH_MAX })),
    retries: z.number({ error: retriesRange }).int(retriesRange).min(RETRIES.min, retriesRange).max(RETRIES.max, retriesRange).default(RETRIES.default),
    reason: reasonOf(locale),
  });
}
export type RetryBatch = z.output<ReturnType<typeof makeRetryBatchSchema>>;

/** One item of a batch retry: retried, or why not (the problem's status and detail). */
export type RetryItemResult =
  | { incidentKey: string; ok: true; instanceKey: string; incidentNumber: string | null }
  | { incidentKey: string; ok: false; status: number; detail: string };

/** What an action on an instance or task answers. */
export interface TraceActionResult {
  action: 'remind' | 'reassign' | 'unclaim' | 'cancel';
  instanceKey: string;
  incidentNumber: string | null;
  /** 催办: how many were texted, and who. */
  notified?: { id: string; name: string }[];
  taskKey?: string;
  assignee?: string | null;
}
