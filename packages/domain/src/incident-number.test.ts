import { describe, expect, it } from 'vitest';
import { beijingDay, formatIncidentNumber, incidentNumberSchema, makeIncidentNumberSchema, parseIncidentNumber } from './incident-number';

describe('incident numbers', () => {
  it('format as KB-<division>-<Beijing day>-<sequence>', () => {
    expect(formatIncidentNumber('530902', new Date('2026-11-22T03:00:00Z'), 1)).toBe('KB-530902-20261122-0001');
    expect(formatIncidentNumber('530925', new Date('2026-11-22T03:00:00Z'), 9999)).toBe('KB-530925-20261122-9999');
  });

  it('take the day in Beijing time (UTC+8): 00:30 on the 23rd in Beijing is still the 22nd in UTC', () => {
    // given
    const at = new Date('2026-11-22T16:30:00Z');

    // then
    expect(beijingDay(at)).toBe('2026-11-23');
    expect(formatIncidentNumber('530902', at, 7)).toBe('KB-530902-20261123-0007');
  });

  it('refuse to format a bad division code or sequence', () => {
    expect(() => formatIncidentNumber('5309', new Date(), 1)).toThrow();
    expect(() => formatIncidentNumber('530902', new Date(), 0)).toThrow();
    expect(() => formatIncidentNumber('530902', new Date(), 10_000)).toThrow();
  });

  it('parse back to their parts', () => {
    expect(parseIncidentNumber('KB-530902-20261122-0042')).toEqual({ divisionCode: '530902', day: '2026-11-22', sequence: 42 });
  });

  it.each(['KB-530902-20260230-0001', 'KB-530902-20261122-0000', 'KB-5309-20261122-0001', 'kb-530902-20261122-0001', 'KB-530902-20261122-01'])(
    'reject %s',
    (value) => {
      expect(parseIncidentNumber(value)).toBeUndefined();
      expect(incidentNumberSchema.safeParse(value).success).toBe(false);
    },
  );

  it('explain the format in the error, in either language', () => {
    expect(incidentNumberSchema.safeParse('530902-1').error?.issues[0]?.message).toBe(
      '事件编号格式应为“KB-行政区划代码-日期-4位序号”，如 KB-530902-20261122-0001',
    );
    expect(makeIncidentNumberSchema('en').safeParse(undefined).error?.issues[0]?.message).toBe('Incident number is required');
  });
});
