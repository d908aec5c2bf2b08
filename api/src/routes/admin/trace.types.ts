import { z } from 'zod';

export const traceKeyParamsSchema = z.strictObject({ key: z.string().min(1).max(32) });
export const langQuerySchema = z.strictObject({ lang: z.string().optional() });
