import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { localeOf } from './locale';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** Parses request data with a zod schema; failures become VALIDATION_FAILED with one entry per field path. */
export function parse<S extends z.ZodType>(schema: S, data: unknown, req: Request): z.infer<S> {
  const result = schema.safeParse(data, { error: localeErrors[localeOf(req)] });
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: issue.message }))
      : [{ path: issue.path.join('.'), message: issue.message }],
  );
  throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; '), errors);
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.body ?? {}, req);
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.query, req);
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.params, req);
