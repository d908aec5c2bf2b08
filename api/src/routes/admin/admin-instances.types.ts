import { z } from 'zod';

export const listInstancesQuerySchema = z.strictObject({
  /** all: every running instance (those with a failed step first); incident: only those with a failed step. */
  problem: z.enum(['all', 'incident']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  lang: z.string().optional(),
});

export const incidentParamsSchema = z.strictObject({ key: z.string().min(1).max(32) });

export const retryIncidentResponseSchema = z.object({
  incidentKey: z.string(),
  instanceKey: z.string(),
  incidentNumber: z.string().nullable(),
  retries: z.number().int(),
});
