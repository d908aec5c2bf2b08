import { describe, expect, it } from 'vitest';
import { localeOf } from './locale';

const request = (acceptLanguage?: string, lang?: string) => ({ query: lang ? { lang } : {}, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

describe('the language of a request', () => {
  it('is Chinese unless English is preferred', () => {
    expect(localeOf(request())).toBe('zh-CN');
    expect(localeOf(request('zh-CN,zh;q=0.9,en;q=0.8'))).toBe('zh-CN');
    expect(localeOf(request('en-US,en;q=0.9'))).toBe('en');
    expect(localeOf(request('de-DE'))).toBe('zh-CN');
  });

  it('passes over languages it does not speak and follows the weights', () => {
    expect(localeOf(request('fr, en;q=0.8'))).toBe('en');
    expect(localeOf(request('en;q=0.5, zh;q=0.9'))).toBe('zh-CN');
    expect(localeOf(request('en;q=0, zh-TW'))).toBe('zh-CN');
  });

  it('takes ?lang= over the header', () => {
    expect(localeOf(request('zh-CN', 'en'))).toBe('en');
    expect(localeOf(request('en', 'zh'))).toBe('zh-CN');
  });
});
