import { fieldLabels, labels, REPORT_CATEGORIES, SEVERITIES, type FieldKey, type LabelTable, type Locale, type ReportCategory, type Severity } from '@kuaibao/domain';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { storedLocale, storeLocale } from './locale-storage';
import { translate, type MessageKey } from './messages';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** A UI string with `{name}` parameters filled in. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The domain's labels of enum values (categories, severities, roles, task kinds…). */
  labels: LabelTable;
  /** The domain's names of report fields. */
  field(key: FieldKey): string;
  /** `text` in brackets and items in a list, punctuated as the UI's language does: （…） and ， in Chinese, ( … ) and , in English. */
  paren(text: string): string;
  list(items: readonly string[]): string;
  /** Every category and severity with its label, in the domain's order: the options of their selects. */
  options: { category: { value: ReportCategory; label: string }[]; severity: { value: Severity; label: string }[] };
}

const I18nContext = createContext<I18n | null>(null);

/** Chinese unless the user switched to English (remembered in this browser). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      labels: labels[locale],
      field: (key) => fieldLabels[locale][key],
      paren: (text) => (locale === 'en' ? ` (${text})` : `（${text}）`),
      list: (items) => items.join(locale === 'en' ? ', ' : '，'),
      options: {
        category: REPORT_CATEGORIES.map((c) => ({ value: c, label: labels[locale].category[c] })),
        severity: SEVERITIES.map((s) => ({ value: s, label: labels[locale].severity[s] })),
      },
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** A label of an enum value, or the value itself when the table has none (a newer server). */
export function labelOf<T extends keyof LabelTable>(table: LabelTable, kind: T, value: string | null | undefined): string {
  if (!value) return '—';
  return (table[kind] as Record<string, string>)[value] ?? value;
}
