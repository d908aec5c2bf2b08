import { beijingDay } from '../incident-number';

/** Beijing time (UTC+8, no daylight saving): duty days, deadlines and rosters are all counted in it. */
export { beijingDay };
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day as the duty office writes it: 2026-12-06. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `day` is a real calendar day (2026-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** The instant of `hh:mm` Beijing time on `day`. */
export const beijingInstant = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** `day` moved by `days` calendar days. */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The days from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Monday of the week `day` falls in (the roster page shows a week Monday to Sunday). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}
