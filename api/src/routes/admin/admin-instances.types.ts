import { INSTANCE_PROBLEMS } from '@kuaibao/domain';
import { z } from 'zod';

export const listInstancesQuerySchema = z.strictObject({
  problem: z.enum(INSTANCE_PROBLEMS).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  lang: z.string().optional(),
});

export const incidentParamsSchema = z.strictObject({ key: z.string().min(1).max(32) });
