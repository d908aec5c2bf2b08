import type { Locale } from '@kuaibao/domain';
import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/http';

/**
 * Puts validation messages on the fields they concern: zod issues (path arrays) from the client-side
 * check and problem-details errors (dotted paths, e.g. `casualties.dead`) from the API alike.
 * Returns how many fields got a message.
 */
export function applyIssues(form: FormInstance, issues: readonly { path: string | readonly PropertyKey[]; message: string }[]): number {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = (typeof issue.path === 'string' ? issue.path.split('.').filter(Boolean) : issue.path.map((p) => (typeof p === 'number' ? p : String(p)))) as (string | number)[];
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  // A message on a whole group (e.g. `place` missing) goes to its first field the form has.
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name: name.length ? name : ['_form'], errors })));
  const first = [...byField.values()][0];
  if (first?.name.length) form.scrollToField(first.name, { block: 'center' });
  return byField.size;
}

/** Removes every message set by `applyIssues` (before validating again). */
export function clearIssues(form: FormInstance): void {
  form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));
}

/**
 * What a toast says about a failed submission: the field messages themselves (each names its field, in the
 * UI's language), not the problem's `detail`, which prefixes them with field paths (`cause: 原因为必填项`).
 */
export function problemMessage(error: Error, locale: Locale): string {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return error.message;
  return issuesMessage(error.problem.errors, locale);
}

/** The messages of some issues in one line, each once. */
export function issuesMessage(issues: readonly { message: string }[], locale: Locale): string {
  return [...new Set(issues.map((e) => e.message))].join(locale === 'en' ? '; ' : '；');
}

/**
 * Messages shown in one language are stale after a switch to the other: the switch takes them away (and calls
 * `onClear` for the form's own alert); the next check speaks the new language.
 */
export function useClearIssuesOnLocaleChange(form: FormInstance, locale: Locale, onClear?: () => void): void {
  const shownIn = useRef(locale);
  useEffect(() => {
    if (shownIn.current === locale) return;
    shownIn.current = locale;
    clearIssues(form);
    onClear?.();
  }, [form, locale, onClear]);
}
