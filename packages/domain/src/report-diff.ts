import { fieldLabels, type FieldKey } from './field-labels';
import type { Locale } from './messages';

/** One difference between a report and the report before it in the dossier. */
export interface ReportChange {
  /** Dotted path of the element, e.g. `casualties.dead`. */
  field: string;
  /** null when the element was not in the previous report. */
  before: unknown;
  after: unknown;
}

type Content = Record<string, unknown>;

/** Elements made of parts: a patch may carry some parts only, the rest carries over. */
const GROUPS = new Set(['place', 'casualties', 'contact']);
/** Not facts of the incident: never part of the difference. */
const BOOKKEEPING = new Set(['kind', 'incidentNumber', 'reportingUnitId', 'classified', 'secureTransmission']);

const isObject = (value: unknown): value is Content => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON form the dossier stores (dates as ISO strings), so before and after compare alike. */
export const asStoredJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The previous report's content brought up to date with a patch: groups merge part by part, the rest replaces. */
export function mergeReport(previous: Content, patch: Content): Content {
  const merged: Content = { ...previous };
  for (const [key, value] of Object.entries(asStoredJson(patch))) {
    if (value === undefined) continue;
    merged[key] = GROUPS.has(key) && isObject(value) && isObject(previous[key]) ? { ...previous[key], ...value } : value;
  }
  return merged;
}

function flatten(content: Content): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(content)) {
    if (BOOKKEEPING.has(key) || value === undefined) continue;
    if (GROUPS.has(key) && isObject(value)) for (const [part, v] of Object.entries(value)) flat.set(`${key}.${part}`, v);
    else flat.set(key, value);
  }
  return flat;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
/** Equal values; two instants are equal when they name the same moment, whatever their offset. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && INSTANT.test(a) && INSTANT.test(b)) return Date.parse(a) === Date.parse(b);
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The order of the report form; the stored JSON keeps no key order (PostgreSQL jsonb). */
const FORM_ORDER = [
  'title', 'category', 'severity', 'sensitive', 'mayEscalate', 'occurredAt', 'learnedAt', 'receivedAt', 'phoneReportedAt', 'endedAt',
  'place.divisionCode', 'place.address', 'place.longitude', 'place.latitude',
  'casualties.dead', 'casualties.injured', 'casualties.seriouslyInjured', 'casualties.missing', 'casualties.trapped', 'casualties.poisoned',
  'economicLossYuan', 'course', 'cause', 'harm', 'trend', 'measures', 'helpNeeded', 'progress', 'notes', 'contact.name', 'contact.phone',
];
const rank = (field: string) => (FORM_ORDER.includes(field) ? FORM_ORDER.indexOf(field) : FORM_ORDER.length);

/** Every element whose value differs between two stored contents, in the order of the report form. */
export function reportChanges(before: Content, after: Content): ReportChange[] {
  const was = flatten(before);
  const now = flatten(after);
  const fields = [...new Set([...now.keys(), ...was.keys()])].sort((a, b) => rank(a) - rank(b));
  return fields
    .filter((field) => !same(was.get(field), now.get(field)))
    .map((field) => ({ field, before: was.get(field) ?? null, after: now.get(field) ?? null }));
}

/** Parts whose own label differs from their key. */
const PART_LABELS: Record<string, FieldKey> = { 'place.divisionCode': 'placeDivisionCode', 'contact.name': 'contactName', 'contact.phone': 'phone' };

/** The label of a changed element as users read it ("死亡人数", "Dead"), falling back to the path. */
export function changeLabel(field: string, locale: Locale): string {
  const key = (PART_LABELS[field] ?? field.split('.').at(-1)) as FieldKey;
  return fieldLabels[locale][key] ?? field;
}
