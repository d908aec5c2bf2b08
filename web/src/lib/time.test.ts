import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { beijingInstant, beijingWall, formatDateTime, formatDuration, formatElapsed } from './time';

describe('formatDateTime', () => {
  it('shows Beijing time whatever the offset the time was written with (and the browser is in)', () => {
    expect(formatDateTime('2026-12-02T00:19:00Z')).toBe('2026-12-02 08:19');
    expect(formatDateTime('2026-12-01T19:19:00-05:00')).toBe('2026-12-02 08:19');
    expect(formatDateTime('2026-12-31T23:59:59+08:00')).toBe('2026-12-31 23:59');
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });

  it('shows a dash for no time', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });
});

describe('the pickers’ Beijing wall time', () => {
  it('puts an instant in a picker as its Beijing wall time, whatever the browser’s zone', () => {
    expect(beijingWall('2026-12-02T00:30:15Z').format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-02 08:30:15');
    expect(beijingWall('2026-12-31T16:00:00Z').format('YYYY-MM-DD HH:mm')).toBe('2027-01-01 00:00');
    expect(beijingWall('2026-07-01T08:00:00-04:00').format('YYYY-MM-DD HH:mm')).toBe('2026-07-01 20:00');
  });

  it('reads a picked wall time as Beijing time, and gives back the instant it came from', () => {
    expect(beijingInstant(dayjs('2026-12-02T08:30:00'))).toBe('2026-12-02T08:30:00+08:00');
    for (const at of ['2026-03-08T07:30:00Z', '2026-11-01T06:30:00Z', '2026-12-02T00:19:00Z']) {
      expect(new Date(beijingInstant(beijingWall(at))).toISOString()).toBe(new Date(at).toISOString());
    }
  });
});

describe('formatDuration', () => {
  it('says a statutory duration as people do, in either language', () => {
    expect(formatDuration('PT30M', 'zh-CN')).toBe('30分钟');
    expect(formatDuration('PT2H30M', 'zh-CN')).toBe('2小时30分钟');
    expect(formatDuration('P1D', 'zh-CN')).toBe('1天');
    expect(formatDuration('PT1H', 'en')).toBe('1 h');
    expect(formatDuration('P1DT2H', 'en')).toBe('1 d 2 h');
    expect(formatDuration('PT0S', 'en')).toBe('0 min');
  });

  it('leaves what is not such a duration as it is', () => {
    expect(formatDuration('P1M', 'zh-CN')).toBe('P1M');
  });
});

describe('formatElapsed', () => {
  const minutes = (n: number) => n * 60_000;

  it('says how long in its two largest units, in either language', () => {
    expect(formatElapsed(minutes(12), 'zh-CN')).toBe('12分钟');
    expect(formatElapsed(minutes(125), 'zh-CN')).toBe('2小时5分钟');
    expect(formatElapsed(minutes(3 * 1440 + 4 * 60 + 59), 'zh-CN')).toBe('3天4小时');
    expect(formatElapsed(minutes(12), 'en')).toBe('12 min');
    expect(formatElapsed(minutes(125), 'en')).toBe('2 h 5 min');
    expect(formatElapsed(minutes(3 * 1440 + 4 * 60), 'en')).toBe('3 d 4 h');
  });

  it('leaves out a second unit of zero', () => {
    expect(formatElapsed(minutes(120), 'zh-CN')).toBe('2小时');
    expect(formatElapsed(minutes(1440 + 30), 'en')).toBe('1 d');
  });

  it('says under a minute for less, and for a time a little ahead of this clock', () => {
    expect(formatElapsed(59_999, 'zh-CN')).toBe('不到1分钟');
    expect(formatElapsed(-5_000, 'en')).toBe('under 1 min');
    expect(formatElapsed(Number.NaN, 'en')).toBe('under 1 min');
  });
});
