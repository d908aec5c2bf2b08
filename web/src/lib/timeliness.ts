import { isCalendarDate } from '@kuaibao/domain';
import dayjs from 'dayjs';
import type { ClockCounts } from '../api/types';

/**
 * 按时率 of a channel in percent, to one decimal: the clocks met out of those that ended (met + late); clocks still
 * open do not count. null when none has ended.
 */
export function onTimePercent({ met, late }: Pick<ClockCounts, 'met' | 'late'>): number | null {
  const ended = met + late;
  return ended > 0 ? Math.round((met * 1000) / ended) / 10 : null;
}

/** 按时率 as shown: 87.5%, or — when no clock has ended. */
export function formatOnTimeRate(counts: Pick<ClockCounts, 'met' | 'late'>): string {
  const percent = onTimePercent(counts);
  return percent === null ? '—' : `${percent.toFixed(1)}%`;
}

/** A statistics period: Beijing calendar dates (YYYY-MM-DD), both inclusive. */
export interface Period {
  from: string;
  to: string;
}


/** The period of a page's query (?from=&to=), if both are calendar dates in order; otherwise none (the API's default). */
export function periodFromQuery(from: string | null, to: string | null): Period | undefined {
  if (!from || !to || !isCalendarDate(from) || !isCalendarDate(to) || from > to) return undefined;
  return { from, to };
}

/** The picker's shortcuts as of `today` (a Beijing date): this month so far, last month, this year so far. */
export function periodPresets(today: string): { thisMonth: Period; lastMonth: Period; thisYear: Period } {
  const day = dayjs(today);
  const lastMonth = day.startOf('month').subtract(1, 'month');
  const date = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  return {
    thisMonth: { from: date(day.startOf('month')), to: today },
    lastMonth: { from: date(lastMonth), to: date(lastMonth.endOf('month')) },
    thisYear: { from: date(day.startOf('year')), to: today },
  };
}
