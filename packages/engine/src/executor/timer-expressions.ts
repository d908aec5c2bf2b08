import { EngineError } from '../errors';

/**
 * ISO 8601 timer values as Zeebe reads them: a date-time, a duration (PnYnMnDTnHnMnS, PnW) and a
 * repeating interval R[n]/[start/]duration. Years and months are calendar steps (UTC); no upper limit.
 */
const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function addDuration(from: number, iso: string): number {
  const match = DURATION.exec(iso.trim());
  if (!match || iso.trim() === 'P' || iso.trim().endsWith('T')) throw invalid(`duration ${iso}`);
  const [, negative, years, months, weeks, days, hours, minutes, seconds] = match;
  const sign = negative ? -1 : 1;
  const n = (value: string | undefined) => (value ? Number(value) * sign : 0);
  const date = new Date(from);
  if (years || months) date.setUTCMonth(date.getUTCMonth() + n(years) * 12 + n(months));
  return date.getTime() + ((n(weeks) * 7 + n(days)) * 24 * 3600 + n(hours) * 3600 + n(minutes) * 60 + n(seconds)) * 1000;
}

export function parseDate(value: string): number {
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw invalid(`date ${value}`);
  return time;
}

export interface Cycle {
  firstDueAt: number;
  /** Repetitions left after the first (-1: unbounded). */
  repetitions: number;
  interval: string;
}

export function parseCycle(value: string, now: number): Cycle {
  const parts = value.trim().split('/');
  const head = parts[0] ?? '';
  if (!/^R\d*$/.test(head) || parts.length < 2 || parts.length > 3) throw invalid(`cycle ${value} (only R[n]/[start/]duration)`);
  const count = head === 'R' ? -1 : Number(head.slice(1));
  const interval = parts[parts.length - 1]!;
  const firstDueAt = parts.length === 3 ? parseDate(parts[1]!) : addDuration(now, interval);
  if (addDuration(0, interval) <= 0) throw invalid(`cycle ${value}: the interval must be positive`);
  return { firstDueAt, repetitions: count < 0 ? -1 : Math.max(0, count - 1), interval };
}

const invalid = (what: string) => new EngineError('STEP_FAILED', `Invalid timer ${what}`);
