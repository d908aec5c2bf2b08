import type { Locale } from '@kuaibao/domain';

/** The UI language this browser chose (Chinese unless the user switched to English). */
const LOCALE_KEY = 'kuaibao.locale';

export const storedLocale = (): Locale => (globalThis.localStorage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN');
export const storeLocale = (locale: Locale) => localStorage.setItem(LOCALE_KEY, locale);
