import { z } from 'zod';
import { pagination } from '../reports/list-incidents.types';

export const listTasksQuerySchema = z.strictObject({
  view: z.enum(['mine', 'group', 'all']).default('all'),
  kind: z.string().max(40).optional(),
  severity: z.string().max(20).optional(),
  category: z.string().max(40).optional(),
  unit: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['due', 'created']).default('due'),
  lang: z.string().optional(),
  ...pagination,
});
