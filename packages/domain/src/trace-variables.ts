import { z } from 'zod';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { TRACE_REASON_MAX_LENGTH } from './trace-actions';

/*
 * 流程监控: editing one variable of a running report's flow (issue 22, docs/adr/0045). The admin sends the value they
 * saw (`expected`) with the new one and a reason; the API refuses with 409 when the value or the flow moved on since.
 */

/** A variable's JSON text may be at most this long. */
export const VARIABLE_VALUE_MAX_CHARS = 10_000;
/** Variables that tie the flow to its report: changing them would cut the report from its flow. */
export const LOCKED_VARIABLES: readonly string[] = ['reportId', 'incidentNumber', 'reportingUnitId'];
/** A process variable's name (as FEEL can reference it). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

const jsonText = (value: unknown) => JSON.stringify(value) ?? '';

/** The body of PUT /api/admin/instances/{key}/variables/{name}. */
export function makeVariableEditSchema(locale: Locale = DEFAULT_LOCALE) {
  const valueRequired = formatMessage(locale, 'trace.valueRequired');
  const expectedRequired = formatMessage(locale, 'trace.expectedRequired');
  const required = formatMessage(locale, 'trace.reasonRequired');
  return z.strictObject({
    /** The new value: any JSON value. */
    value: z
      .unknown()
      .refine((v) => v !== undefined, valueRequired)
      .refine((v) => jsonText(v).length <= VARIABLE_VALUE_MAX_CHARS, formatMessage(locale, 'trace.valueTooLong', { max: VARIABLE_VALUE_MAX_CHARS })),
    /** The value the admin saw before editing: a different current value is a 409. */
    expected: z.unknown().refine((v) => v !== undefined, expectedRequired),
    reason: z.string({ error: required }).trim().min(1, required).max(TRACE_REASON_MAX_LENGTH, formatMessage(locale, 'trace.reasonTooLong', { max: TRACE_REASON_MAX_LENGTH })),
  });
}
export type VariableEdit = z.output<ReturnType<typeof makeVariableEditSchema>>;

/** Two JSON values are the same when their texts with sorted keys are. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return jsonText(canonical(a)) === jsonText(canonical(b));
}
