import type { Locale } from '@kuaibao/domain';
import type { FormInstance } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
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

type Issue = { path: string | readonly PropertyKey[]; message: string };
const issueKey = (path: Issue['path']) => (typeof path === 'string' ? path.split('.').filter(Boolean) : path.map(String)).join('.');

/**
 * After an edit: takes away the message of every field that passes a fresh check of the whole form (`issues`),
 * and shows no new ones. applyIssues sets messages by hand, so antd alone would keep them after the fix; the
 * check is of the whole form because a rule may hang on another field (退回 needs an opinion, 属实 does not).
 */
export function clearFixedIssues(form: FormInstance, issues: readonly Issue[]): void {
  const failing = new Set(issues.map((i) => issueKey(i.path)));
  const fixed = form.getFieldsError().filter((f) => f.errors.length > 0 && !failing.has(f.name.map(String).join('.')));
  if (fixed.length > 0) form.setFields(fixed.map((f) => ({ name: f.name, errors: [] })));
}

/**
 * A long form is sent with its button only: Enter in a field (confirming a typed date, picking an option) must
 * not send it half-filled, as the browser's implicit submission would. Text areas keep their new lines.
 */
export function keepEnterFromSubmitting(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

/**
 * What a toast says about a failed submission: the field messages themselves (each names its field, in the
 * UI's language), not the problem's `detail`, which prefixes them with field paths (`cause: 原因为必填项`).
 */
export function problemMessage(error: Error, locale: Locale): string {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return error.message;
  return issuesMessage(error.problem.errors, locale);
}

/**
 * A failed submission of `form`: the API's field errors land on their fields and a toast says what failed; a 404 or 409
 * (gone, or the state moved on) also calls `onGone`, as the form has nothing left to act on.
 */
export function reportSubmitError(form: FormInstance, error: Error, locale: Locale, toast: (text: string) => unknown, onGone?: () => void): void {
  if (error instanceof ApiError && error.problem.errors?.length) applyIssues(form, error.problem.errors);
  else if (onGone && error instanceof ApiError && (error.status === 404 || error.status === 409)) onGone();
  void toast(problemMessage(error, locale));
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
