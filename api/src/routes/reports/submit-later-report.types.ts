import { reportPatchSchema } from '@kuaibao/domain';
import { z } from 'zod';

export const laterReportParamsSchema = z.object({ number: z.string().min(1).max(64) });

/** 续报 / 终报: only what changed (ADR 0010); `kind` says which. */
export const submitLaterReportRequestSchema = reportPatchSchema;

export const submitLaterReportResponseSchema = z.object({
  incidentNumber: z.string(),
  reportId: z.string(),
  kind: z.enum(['follow_up', 'final']),
  sequence: z.number().int(),
  instanceKey: z.string(),
});
