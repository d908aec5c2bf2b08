import { verificationRequestSchema } from '@kuaibao/domain';
import { z } from 'zod';

export const requestVerificationParamsSchema = z.object({ number: z.string().min(1).max(64) });

/** 核报: what to verify and which unit must answer. */
export const requestVerificationBodySchema = verificationRequestSchema;

export const requestVerificationResponseSchema = z.object({
  incidentNumber: z.string(),
  requestId: z.string(),
  instanceKey: z.string(),
});
