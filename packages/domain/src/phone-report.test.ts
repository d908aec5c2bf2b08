import { describe, expect, it } from 'vitest';
import { makePhoneReportSchema } from './phone-report';
import { isCalendarDate } from './timeliness';

const call = (overrides: Record<string, unknown> = {}) => ({
  callerName: '李明', callerUnitId: 'lx-yjj', calledAt: '2026-11-22T14:05:00+08:00', summary: '马台乡发生森林火灾',
  category: 'natural_disaster', severity: 'II', occurredAt: '2026-11-22T13:40:00+08:00', ...overrides,
});
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('every date a phone report carries can be stored', () => {
  it('refuses year 0 and any time before 2000 (PostgreSQL has no year 0: it failed in the database, 500)', () => {
    // given
    const schema = makePhoneReportSchema();

    // when
    const year0 = schema.safeParse(call({ learnedAt: '0000-01-01T00:00:00Z' }));
    const before2000 = schema.safeParse(call({ occurredAt: '1999-12-31T00:00:00Z', calledAt: '1999-12-31T01:00:00Z' }));

    // then
    expect(paths(year0)).toEqual(['learnedAt']);
    expect(year0.error?.issues[0]?.message).toBe('获知时间不能早于 2000 年');
    expect(paths(before2000)).toEqual(expect.arrayContaining(['occurredAt', 'calledAt']));
    expect(schema.safeParse(call()).success).toBe(true);
    expect(schema.safeParse(call({ calledAt: 'yesterday' })).error?.issues).toHaveLength(1); // not a date: said once
  });
});

describe('a period’s calendar day', () => {
  it('is a real date from 2000 on', () => {
    expect(isCalendarDate('2026-12-06')).toBe(true);
    expect(isCalendarDate('2000-01-01')).toBe(true);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('1999-12-31')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
  });
});
