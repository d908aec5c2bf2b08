import type { Locale } from '@kuaibao/domain';
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/http';
import { applyIssues, problemMessage } from '../../lib/form-errors';
import type { KeyboardEvent } from 'react';

/**
 * Enter in a text field of an admin form does not submit it (a browser submits a form with one text field on Enter,
 * which would save half a person or unit); the form is saved by its button only. Enter still picks a select's option.
 */
export function keepEnterInField(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT' && target.getAttribute('role') !== 'combobox') event.preventDefault();
}

/**
 * A refused save: the messages of the form's own fields go on those fields; anything else (another unit's problem,
 * a conflict naming tasks) is shown as a message. Returns nothing; the form stays open with what was typed.
 */
export function showRefusal(form: FormInstance, error: unknown, fields: readonly string[], toast: (text: string) => void, locale: Locale) {
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const own = errors.filter((e) => fields.includes(e.path.split('.')[0]!));
  if (own.length > 0) applyIssues(form, own);
  const rest = errors.filter((e) => !own.includes(e));
  if (own.length === 0 || rest.length > 0) toast(rest.length > 0 ? rest.map((e) => e.message).join('；') : problemMessage(error as Error, locale));
}
