import { isCalendarDate } from '@kuaibao/domain';
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
  // the statistics' drill-down (docs/adr/0050): a reporting unit, Beijing days created (both inclusive), only what they count
  unitId: z.string().max(64).optional(),
  from: z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD').optional(),
  to: z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD').optional(),
  counted: z.enum(['1']).optional(),
  lang: z.string().optional(),
  ...pagination,
});
