import { describe, expect, it } from 'vitest';
import { filingStatus, holidayDays, holidayDeadlines, makeHolidayReturnSchema, sumHolidayReturns, dayOpenForFiling, zeroCounts } from './holiday-returns';

const period = { firstDay: '2027-02-06', lastDay: '2027-02-08', returnDue: '14:30', summaryDue: '15:00' };
const form = { holidayId: 'h', day: '2027-02-06', inspectionGroups: 2, inspectors: 6, enterprisesChecked: 12, hazardsFound: 5, hazardsRectified: 3, penalties: 1, suspendedUnits: 0, filledBy: '李明', phone: '0883-2100001' };

describe('the holiday return (seed 004 附件)', () => {
  it('lists the holiday’s days and puts the deadlines at 14:30 and 15:00 Beijing time', () => {
    expect(holidayDays(period)).toEqual(['2027-02-06', '2027-02-07', '2027-02-08']);
    expect(holidayDays({ firstDay: '2026-12-31', lastDay: '2027-01-01' })).toEqual(['2026-12-31', '2027-01-01']);
    const due = holidayDeadlines(period, '2027-02-06');
    expect(due.returnDue.toISOString()).toBe('2027-02-06T06:30:00.000Z');
    expect(due.summaryDue.toISOString()).toBe('2027-02-06T07:00:00.000Z');
  });

  it('tells on time, late, missing and pending apart', () => {
    const due = new Date('2027-02-06T06:30:00Z');
    expect(filingStatus(new Date('2027-02-06T06:30:00Z'), due, new Date('2027-02-07T00:00:00Z'))).toBe('on_time');
    expect(filingStatus(new Date('2027-02-06T06:31:00Z'), due, new Date('2027-02-07T00:00:00Z'))).toBe('late');
    expect(filingStatus(null, due, new Date('2027-02-06T06:31:00Z'))).toBe('missing');
    expect(filingStatus(undefined, due, new Date('2027-02-06T06:00:00Z'))).toBe('pending');
  });

  it('sums the figures for the city and keeps each unit’s 其他', () => {
    const total = sumHolidayReturns([
      { ...zeroCounts(), inspectionGroups: 2, hazardsFound: 5, unitName: '临翔区应急管理局', other: '无' },
      { ...zeroCounts(), inspectionGroups: 1, hazardsFound: 2, penalties: 1, unitName: '双江县应急管理局', other: ' ' },
    ]);
    expect(total).toEqual({ ...zeroCounts(), inspectionGroups: 3, hazardsFound: 7, penalties: 1, other: '临翔区应急管理局：无' });
  });

  it('refuses impossible figures with the field named, in Chinese', () => {
    const result = makeHolidayReturnSchema('zh-CN').safeParse({ ...form, hazardsRectified: 9, inspectors: 1, penalties: -1, phone: 'abc' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['penalties', '行政处罚情况应为 0 至 100000 的整数']);
    expect(issues.map((i) => i[0])).toEqual(expect.arrayContaining(['phone']));
    const crossField = makeHolidayReturnSchema('zh-CN').safeParse({ ...form, hazardsRectified: 9, inspectors: 1 });
    expect(crossField.error!.issues.map((i) => i.path.join('.'))).toEqual(['hazardsRectified', 'inspectors']);
    expect(makeHolidayReturnSchema('zh-CN').parse(form).other).toBe('');
  });

  it('opens a day for filing once it has begun in Beijing, and only the holiday’s days', () => {
    expect(dayOpenForFiling(period, '2027-02-06', new Date('2027-02-05T16:00:00Z'))).toBe(true);
    expect(dayOpenForFiling(period, '2027-02-06', new Date('2027-02-05T15:59:00Z'))).toBe(false);
    expect(dayOpenForFiling(period, '2027-02-09', new Date('2027-03-01T00:00:00Z'))).toBe(false);
  });
});
