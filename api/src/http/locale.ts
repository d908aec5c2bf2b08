import type { Request } from 'express';

export type Locale = 'zh-CN' | 'en';

/**
 * Chinese unless the client prefers English (?lang=en, or English before Chinese in Accept-Language, whose
 * other languages are passed over: `fr, en;q=0.8` is English).
 */
export function localeOf(req: Pick<Request, 'query' | 'headers'>): Locale {
  const query = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (query) return query.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  const tags = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag, q: Number.isNaN(q) ? 0 : q };
    })
    .filter(({ tag, q }) => q > 0 && (tag.startsWith('en') || tag.startsWith('zh')))
    .sort((a, b) => b.q - a.q); // stable: equal weights keep the client's order
  return tags[0]?.tag.startsWith('en') ? 'en' : 'zh-CN';
}

/** Something built once per language (a request schema with its messages), picked by the request's language. */
export function perLocale<T>(make: (locale: Locale) => T): (req: Request) => T {
  const built = { 'zh-CN': make('zh-CN'), en: make('en') };
  return (req) => built[localeOf(req)];
}
