import type { Request } from 'express';

export type Locale = 'zh-CN' | 'en';

/** Chinese unless the client asks for English first (Accept-Language or ?lang=en). */
export function localeOf(req: Request): Locale {
  const query = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (query) return query.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  const first = req.headers['accept-language']?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** Something built once per language (a request schema with its messages), picked by the request's language. */
export function perLocale<T>(make: (locale: Locale) => T): (req: Request) => T {
  const built = { 'zh-CN': make('zh-CN'), en: make('en') };
  return (req) => built[localeOf(req)];
}
