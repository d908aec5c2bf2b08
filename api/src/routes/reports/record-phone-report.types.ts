import { phoneReportSchema } from '@kuaibao/domain';
import { z } from 'zod';

/** 电话/口头报告 request: the domain's schema, shared with the web form's client-side check. */
export const recordPhoneReportRequestSchema = phoneReportSchema;
export type RecordPhoneReportRequest = z.infer<typeof recordPhoneReportRequestSchema>;

export const recordPhoneReportResponseSchema = z.object({ incidentNumber: z.string(), reportId: z.string() });
