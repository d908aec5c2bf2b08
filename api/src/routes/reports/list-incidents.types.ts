import { z } from 'zod';

export const pagination = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const listIncidentsQuerySchema = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  category: z.string().max(40).optional(),
  severity: z.string().max(20).optional(),
  q: z.string().trim().max(100).optional(),
  lang: z.string().optional(),
  ...pagination,
});
