import { describe, expect, it } from 'vitest';
import { formatOnTimeRate, onTimePercent, periodFromQuery, periodPresets } from './timeliness';

describe('the on-time rate (按时率)', () => {
  it('is the clocks met out of those that ended, in percent to one decimal', () => {
    expect(onTimePercent({ met: 7, late: 1 })).toBe(87.5);
    expect(onTimePercent({ met: 2, late: 1 })).toBe(66.7);
    expect(onTimePercent({ met: 1, late: 2 })).toBe(33.3);
    expect(onTimePercent({ met: 3, late: 0 })).toBe(100);
    expect(onTimePercent({ met: 0, late: 4 })).toBe(0);
    expect(onTimePercent({ met: 1, late: 1999 })).toBe(0.1);
  });

  it('leaves out the clocks still open, and is none when no clock has ended', () => {
    const counts = { met: 1, late: 1, open: 5 };
    expect(onTimePercent(counts)).toBe(50);
    expect(onTimePercent({ met: 0, late: 0 })).toBeNull();
  });

  it('is shown with one decimal and a percent sign, or a dash', () => {
    expect(formatOnTimeRate({ met: 7, late: 1 })).toBe('87.5%');
    expect(formatOnTimeRate({ met: 3, late: 0 })).toBe('100.0%');
    expect(formatOnTimeRate({ met: 0, late: 2 })).toBe('0.0%');
    expect(formatOnTimeRate({ met: 2, late: 1 })).toBe('66.7%');
    expect(formatOnTimeRate({ met: 0, late: 0 })).toBe('—');
  });
});

describe('the period of the page’s address', () => {
  it('takes two calendar dates in order', () => {
    expect(periodFromQuery('2026-11-01', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodFromQuery('2026-11-05', '2026-11-05')).toEqual({ from: '2026-11-05', to: '2026-11-05' });
  });

  it('is none (the API’s default) when a date is missing, not a date, or the dates are reversed', () => {
    expect(periodFromQuery(null, null)).toBeUndefined();
    expect(periodFromQuery('2026-11-01', null)).toBeUndefined();
    expect(periodFromQuery('2026-02-30', '2026-03-01')).toBeUndefined();
    expect(periodFromQuery('2026-1-1', '2026-03-01')).toBeUndefined();
    expect(periodFromQuery('yesterday', '2026-03-01')).toBeUndefined();
    expect(periodFromQuery('2026-12-01', '2026-11-01')).toBeUndefined();
  });
});

describe('the picker’s shortcuts', () => {
  it('are this month so far, last month and this year so far', () => {
    expect(periodPresets('2026-11-18')).toEqual({
      thisMonth: { from: '2026-11-01', to: '2026-11-18' },
      lastMonth: { from: '2026-10-01', to: '2026-10-31' },
      thisYear: { from: '2026-01-01', to: '2026-11-18' },
    });
  });

  it('go back across a year and into February', () => {
    expect(periodPresets('2027-01-02').lastMonth).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodPresets('2028-03-31').lastMonth).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
