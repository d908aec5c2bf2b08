import type { Request } from 'express';
import { z } from 'zod';
import { validationFailed, type FieldError } from '../errors/app-error';
import { localeOf } from './locale';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };
const NUL_MESSAGE = { 'zh-CN': '不能包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' };

/**
 * Parses request data with a zod schema; failures become VALIDATION_FAILED with one entry per field path.
 * A string or key holding U+0000 is refused whatever the schema says: PostgreSQL text and jsonb cannot store it.
 */
export function parse<S extends z.ZodType>(schema: S, data: unknown, req: Request): z.infer<S> {
  const locale = localeOf(req);
  const errors: FieldError[] = nulPaths(data).map((path) => ({ path, message: NUL_MESSAGE[locale] }));
  const result = schema.safeParse(data, { error: localeErrors[locale] });
  if (result.success && errors.length === 0) return result.data;
  throw validationFailed(result.success ? [] : result.error.issues, errors);
}

/** The dotted paths of the strings and keys in `value` that contain U+0000. */
function nulPaths(value: unknown, path: (string | number)[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path.join('.'));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, [...path, index], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key].join('.'));
      else nulPaths(item, [...path, key], found);
    }
  }
  return found;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.body ?? {}, req);
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.query, req);
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.params, req);
