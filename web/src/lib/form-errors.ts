import type { FormInstance } from 'antd';

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
