import { z } from 'zod';
import type { Locale } from '../../http/locale';

export const listInstancesQuerySchema = z.strictObject({
  /** all: every running instance (those with a failed step first); incident: only those with a failed step. */
  problem: z.enum(['all', 'incident']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  lang: z.string().optional(),
});

export const incidentParamsSchema = z.strictObject({ key: z.string().regex(/^\d{1,19}$/) });

const RETRY_MESSAGES = {
  'zh-CN': { reason: '请填写重试原因', reasonTooLong: '重试原因不能超过 500 字', retries: '重试次数须为 1 到 10 的整数' },
  en: { reason: 'Give the reason for the retry', reasonTooLong: 'The reason must be at most 500 characters', retries: 'Retries must be a whole number from 1 to 10' },
} as const;

/** 重试: how many more tries the failed step gets, and why (the audit trail keeps it). */
export function makeRetryIncidentBodySchema(locale: Locale) {
  const m = RETRY_MESSAGES[locale];
  return z.strictObject({
    retries: z.number({ error: m.retries }).int({ error: m.retries }).min(1, { error: m.retries }).max(10, { error: m.retries }).default(3),
    reason: z.string({ error: m.reason }).trim().min(1, { error: m.reason }).max(500, { error: m.reasonTooLong }),
  });
}

export const retryIncidentResponseSchema = z.object({
  incidentKey: z.string(),
  instanceKey: z.string(),
  incidentNumber: z.string().nullable(),
  retries: z.number().int(),
});
