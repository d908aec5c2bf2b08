/**
 * ISO 8601 durations of deadline policies: days, hours, minutes, seconds (`PT30M`, `PT2H30M`, `P1D`).
 * Years, months and weeks are refused: statutory clocks are counted in minutes and hours, and a
 * calendar unit would make a deadline depend on the month it falls in.
 */
const DURATION = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** 立即 / immediately: the only spelling of a zero deadline (000 三（二）三, 001 二). */
export const IMMEDIATELY = 'PT0S';

/** Milliseconds of an ISO 8601 duration, or undefined when it is not one this module accepts. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

/** Like `parseDuration`, for durations already validated by the policy schema. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`Not an ISO 8601 duration (D/H/M/S): ${text}`);
  return ms;
}
