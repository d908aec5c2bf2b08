import { firstReportSchema, reportingThresholdSchema } from '@kuaibao/domain';
import { z } from 'zod';

export const submitReportRequestSchema = firstReportSchema;

export const submitReportResponseSchema = z.object({
  incidentNumber: z.string(),
  reportId: z.string(),
  instanceKey: z.string(),
  /** 报送标准 (seed 003): whether reporting this incident was mandatory, citing the rule; below it the report is accepted as voluntary. */
  threshold: reportingThresholdSchema,
});
