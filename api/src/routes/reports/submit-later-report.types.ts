import { makeReportPatchSchemas, reportPatchSchema, type Locale } from '@kuaibao/domain';
import { z } from 'zod';

export const laterReportParamsSchema = z.object({ number: z.string().min(1).max(64) });

/** 续报 / 终报: only what changed (ADR 0010); `kind` says which. */
export const submitLaterReportRequestSchema = reportPatchSchema;

const byLocale = { 'zh-CN': reportPatchSchema, en: makeReportPatchSchemas({ locale: 'en' }).patch };
/** The request schema with messages in the caller's language. */
export const laterReportSchemaFor = (locale: Locale) => byLocale[locale];

export const submitLaterReportResponseSchema = z.object({
  incidentNumber: z.string(),
  reportId: z.string(),
  kind: z.enum(['follow_up', 'final']),
  sequence: z.number().int(),
  instanceKey: z.string(),
});
