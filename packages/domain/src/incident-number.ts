import { z } from 'zod';
import { DIVISION_CODE_PATTERN, fieldsFor } from './fields';
import { DEFAULT_LOCALE, type Locale } from './messages';

/**
 * The business key of an incident dossier (and of its process instances):
 * `KB-<division code of the reporting unit>-<yyyymmdd, Beijing time>-<4-digit sequence of that day>`,
 * e.g. KB-530902-20261122-0001. Sortable, readable over the phone, unique per division and day.
 */
export const INCIDENT_NUMBER_PATTERN = /^KB-(\d{6})-(\d{4})(\d{2})(\d{2})-(\d{4})$/;

export const incidentNumberPartsSchema = z.object({
  divisionCode: z.string().regex(DIVISION_CODE_PATTERN),
  /** Calendar day in China Standard Time, `YYYY-MM-DD`. */
  day: z.iso.date(),
  sequence: z.number().int().min(1).max(9999),
});
export type IncidentNumberParts = z.infer<typeof incidentNumberPartsSchema>;

/** China Standard Time is UTC+8 all year (no daylight saving), so the offset is a constant. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of an instant in Beijing time. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function formatIncidentNumber(divisionCode: string, at: Date, sequence: number): string {
  const parts = incidentNumberPartsSchema.parse({ divisionCode, day: beijingDay(at), sequence });
  return `KB-${parts.divisionCode}-${parts.day.replaceAll('-', '')}-${String(parts.sequence).padStart(4, '0')}`;
}

/** The parts of a well-formed incident number (a real calendar day, sequence ≥ 1), else undefined. */
export function parseIncidentNumber(value: string): IncidentNumberParts | undefined {
  const match = INCIDENT_NUMBER_PATTERN.exec(value);
  if (!match) return undefined;
  const [, divisionCode, year, month, date, sequence] = match;
  const parsed = incidentNumberPartsSchema.safeParse({ divisionCode, day: `${year}-${month}-${date}`, sequence: Number(sequence) });
  return parsed.success ? parsed.data : undefined;
}

export function makeIncidentNumberSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  return f.string('incidentNumber').refine((value) => parseIncidentNumber(value) !== undefined, { error: f.msg('incidentNumber.invalid') });
}

export const incidentNumberSchema = makeIncidentNumberSchema();
