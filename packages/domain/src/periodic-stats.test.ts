import { describe, expect, it } from 'vitest';
import { makePeriodQuerySchema, periodDays, periodLabel, unitRates } from './periodic-stats';

describe('periodic statistics', () => {
  it('turns a month, quarter or year into Beijing days', () => {
    expect(periodDays({ period: 'month', year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays({ period: 'quarter', year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays({ period: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodLabel({ period: 'quarter', year: 2026, quarter: 4 }, 'zh-CN')).toBe('2026年第4季度');
  });

  it('names the missing or bad field', () => {
    const paths = (q: object) => makePeriodQuerySchema('zh-CN').safeParse(q).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ period: 'month', year: '2026' })).toEqual(['month']);
    expect(paths({ period: 'quarter', year: '2026', quarter: '5' })).toEqual(['quarter']);
    expect(paths({ period: 'year', year: 'x' })).toEqual(['year']);
    expect(makePeriodQuerySchema('zh-CN').parse({ year: '2026', month: '12' })).toMatchObject({ period: 'month', year: 2026, month: 12 });
  });

  it('computes 报送率, 及时率 and the 001 score (漏报 counts against 首报时效)', () => {
    expect(unitRates({ due: 4, reported: 3, met: 5, late: 1, lateIncidents: 1, missed: 1, verificationMet: 1, verificationLate: 1 })).toEqual({
      reportingRate: 0.75, timelyRate: 0.833, verificationRate: 0.5, score: Math.round(((5 / 7) * 60 + 0.5 * 40) * 10) / 10,
    });
    expect(unitRates({ due: 0, reported: 0, met: 0, late: 0, lateIncidents: 0, missed: 0, verificationMet: 0, verificationLate: 0 })).toEqual({ reportingRate: null, timelyRate: null, verificationRate: null, score: 100 });
  });
});

describe('isCalendarDate', () => {
  it('is false for a month 13 (an Invalid Date), not a thrown RangeError', async () => {
    const { isCalendarDate } = await import('./timeliness');
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-02-28')).toBe(true);
  });
});
