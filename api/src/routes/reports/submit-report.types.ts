import { firstReportSchema } from '@kuaibao/domain';
import { z } from 'zod';

export const submitReportRequestSchema = firstReportSchema;

export const submitReportResponseSchema = z.object({
  incidentNumber: z.string(),
  reportId: z.string(),
  instanceKey: z.string(),
});
