import type { Request } from 'express';
import { z } from 'zod';
import { validationFailed, type Bilingual, type FieldError } from '../errors/app-error';
import { localeOf } from './locale';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** What PostgreSQL text and jsonb cannot store, and how to say so: U+0000, and a lone UTF-16 surrogate (not Unicode). */
const UNSTORABLE: { test: (text: string) => boolean; message: Bilingual }[] = [
  { test: (text: string) => text.includes('\u0000'), message: { 'zh-CN': '不能包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' } },
  { test: (text: string) => /\p{Cs}/u.test(text), message: { 'zh-CN': '含有无效的 Unicode 字符（孤立的代理项）', en: 'contains invalid Unicode (a lone surrogate)' } },
];

/**
 * Parses request data with a zod schema; failures become VALIDATION_FAILED with one entry per field path.
 * A string or key PostgreSQL cannot store (U+0000, a lone surrogate) is refused whatever the schema says: it
 * would fail in the database after the request had been accepted, maybe with part of its work done.
 */
export function parse<S extends z.ZodType>(schema: S, data: unknown, req: Request): z.infer<S> {
  const locale = localeOf(req);
  const errors = unstorable(data);
  const result = schema.safeParse(data, { error: localeErrors[locale] });
  if (result.success && errors.length === 0) return result.data;
  throw validationFailed(result.success ? [] : result.error.issues, errors);
}

/** The dotted paths of the strings and keys in `value` that PostgreSQL cannot store, each with why. */
function unstorable(value: unknown, path: (string | number)[] = [], found: FieldError[] = []): FieldError[] {
  const check = (text: string, at: (string | number)[]) => {
    const bad = UNSTORABLE.find((u) => u.test(text));
    if (bad) found.push({ path: at.join('.'), message: bad.message });
    return !!bad;
  };
  if (typeof value === 'string') {
    check(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorable(item, [...path, index], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!check(key, [...path, key])) unstorable(item, [...path, key], found);
    }
  }
  return found;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.body ?? {}, req);
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.query, req);
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.params, req);
