import { INSTANCE_PROBLEMS } from '@kuaibao/domain';
import { z } from 'zod';

/** The most instances one look may name (`instances`): the API's page limit. */
const MAX_INSTANCES = 500;
const INSTANCE_KEYS = new RegExp(`^\\d{1,19}(,\\d{1,19}){0,${MAX_INSTANCES - 1}}$`);

export const makeListInstancesQuerySchema = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
  z.strictObject({
    problem: z.enum(INSTANCE_PROBLEMS).default('all'),
    limit: z.coerce.number().int().min(1).max(MAX_INSTANCES).default(100),
    /** Only these instances (engine keys, comma-separated): those still running, all of them (`limit` does not apply); an ended one is left out. */
    instances: z
      .string()
      .regex(INSTANCE_KEYS, {
        error: locale === 'en' ? `Up to ${MAX_INSTANCES} instance keys (numbers), separated by commas` : `至多 ${MAX_INSTANCES} 个流程实例编号（数字），以逗号分隔`,
      })
      .transform((keys) => [...new Set(keys.split(','))])
      .optional(),
    lang: z.string().optional(),
  });

/** The schema as the API documents it (its messages in Chinese). */
export const listInstancesQuerySchema = makeListInstancesQuerySchema();

export const incidentParamsSchema = z.strictObject({ key: z.string().min(1).max(32) });
