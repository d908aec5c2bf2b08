import { describe, expect, it } from 'vitest';
import { firstReportSchema, makeReportSchemas } from './report';
import { firstReportInput, issuesOf, pathsOf } from './test-support/reports';

describe('firstReportSchema (首报)', () => {
  it('accepts a complete report and defaults the flags', () => {
    // when
    const report = firstReportSchema.parse(firstReportInput());

    // then
    expect(report).toMatchObject({ kind: 'first', classified: false, sensitive: false, mayEscalate: false });
    expect(report.occurredAt).toEqual(new Date('2026-11-22T00:00:00Z'));
  });

  it('accepts Date objects as times', () => {
    expect(firstReportSchema.safeParse({ ...firstReportInput(), occurredAt: new Date('2026-11-22T00:00:00Z') }).success).toBe(true);
  });

  it('requires time, place, event and impact (004) plus unit and contact, and names each missing field', () => {
    // when
    const result = firstReportSchema.safeParse({ kind: 'first' });

    // then
    expect(pathsOf(result).sort()).toEqual(
      ['casualties', 'category', 'contact', 'course', 'harm', 'learnedAt', 'occurredAt', 'place', 'reportingUnitId', 'severity', 'title'].sort(),
    );
    expect(issuesOf(result)).toContainEqual(['occurredAt', '事发时间为必填项']);
  });

  it('leaves cause, trend, measures, help needed and loss to later reports', () => {
    // given
    const input = firstReportInput();

    // then
    for (const key of ['cause', 'trend', 'measures', 'helpNeeded', 'economicLossYuan', 'receivedAt', 'notes']) expect(input).not.toHaveProperty(key);
    expect(firstReportSchema.safeParse(input).success).toBe(true);
  });

  it('counts a text of zero-width characters alone as empty, and keeps one that also shows something', () => {
    expect(issuesOf(firstReportSchema.safeParse({ ...firstReportInput(), title: '\u200b\u200b', course: '\ufeff' }))).toEqual([
      ['title', '标题不能为空'],
      ['course', '事件经过不能为空'],
    ]);
    expect(firstReportSchema.parse({ ...firstReportInput(), title: '森林\u200b火灾' }).title).toBe('森林\u200b火灾');
  });

  it('refuses a time before 2000 (a year typed wrong)', () => {
    expect(issuesOf(firstReportSchema.safeParse({ ...firstReportInput(), occurredAt: '0001-01-01T00:00:00Z' }))).toEqual([['occurredAt', '事发时间不能早于 2000 年']]);
  });

  it('refuses negative and fractional counts at their paths', () => {
    // given
    const input = { ...firstReportInput(), casualties: { dead: -1, injured: 1.5, seriouslyInjured: 0, missing: 0, trapped: -2 } };

    // when
    const issues = issuesOf(firstReportSchema.safeParse(input));

    // then
    expect(issues).toEqual([
      ['casualties.dead', '死亡人数不能为负数'],
      ['casualties.injured', '受伤人数须为整数'],
      ['casualties.trapped', '被困人数不能为负数'],
    ]);
  });

  it('refuses more seriously injured than injured', () => {
    // given
    const input = { ...firstReportInput(), casualties: { dead: 0, injured: 2, seriouslyInjured: 3, missing: 0, trapped: 0 } };

    // then
    expect(issuesOf(firstReportSchema.safeParse(input))).toEqual([['casualties.seriouslyInjured', '重伤人数不能超过受伤人数']]);
  });

  it('refuses a negative loss, an empty title and a bad division code', () => {
    // given
    const input = { ...firstReportInput(), economicLossYuan: -1, title: '  ', place: { divisionCode: '5309', address: '南塘街' } };

    // then
    expect(issuesOf(firstReportSchema.safeParse(input))).toEqual([
      ['title', '标题不能为空'],
      ['place.divisionCode', '事发地行政区划代码应为6位行政区划代码'],
      ['economicLossYuan', '直接经济损失（元）不能为负数'],
    ]);
  });

  it('refuses one coordinate without the other', () => {
    // given
    const input = { ...firstReportInput(), place: { divisionCode: '530902', address: '南塘街', longitude: 100.08 } };

    // then
    expect(issuesOf(firstReportSchema.safeParse(input))).toEqual([['place.latitude', '经度和纬度须同时填写']]);
  });

  it('refuses learning of an incident before it happened, and receiving it before either', () => {
    // given
    const input = { ...firstReportInput(), learnedAt: '2026-11-22T07:59:59+08:00', receivedAt: '2026-11-22T07:00:00+08:00' };

    // then
    expect(issuesOf(firstReportSchema.safeParse(input))).toEqual([
      ['learnedAt', '获知时间不能早于事发时间'],
      ['receivedAt', '接报时间不能早于事发时间'],
    ]);
  });

  it('accepts learning of it at the very moment it happened', () => {
    expect(firstReportSchema.safeParse({ ...firstReportInput(), learnedAt: '2026-11-22T00:00:00Z' }).success).toBe(true);
  });

  it('refuses times without an offset', () => {
    expect(issuesOf(firstReportSchema.safeParse({ ...firstReportInput(), occurredAt: '2026-11-22 08:00' }))).toEqual([
      ['occurredAt', '事发时间须为带时区的时间，如 2026-11-22T08:30:00+08:00'],
    ]);
  });

  it('refuses a wrong kind and says which values exist', () => {
    expect(issuesOf(firstReportSchema.safeParse({ ...firstReportInput(), kind: 'final' }))).toEqual([['kind', '报告类型取值无效，可选：first（首报）']]);
  });
});

describe('makeReportSchemas({ now })', () => {
  const now = () => new Date('2026-11-22T00:30:00Z'); // 08:30 Beijing time

  it('accepts times up to the tolerance ahead of the clock', () => {
    // given
    const { first } = makeReportSchemas({ now, futureToleranceMs: 60_000 });

    // then
    expect(first.safeParse({ ...firstReportInput(), learnedAt: '2026-11-22T08:31:00+08:00' }).success).toBe(true);
  });

  it('refuses times beyond the tolerance, at their paths', () => {
    // given
    const { first } = makeReportSchemas({ now, futureToleranceMs: 60_000 });

    // when
    const result = first.safeParse({ ...firstReportInput(), occurredAt: '2026-11-22T08:31:01+08:00', learnedAt: '2026-11-23T08:00:00+08:00' });

    // then
    expect(issuesOf(result)).toEqual([
      ['occurredAt', '事发时间不能晚于当前时间'],
      ['learnedAt', '获知时间不能晚于当前时间'],
    ]);
  });

  it('reads the clock at parse time, not when the schemas are built', () => {
    // given
    let current = new Date('2026-11-22T00:00:00Z');
    const { first } = makeReportSchemas({ now: () => current, futureToleranceMs: 0 });
    const input = { ...firstReportInput(), learnedAt: '2026-11-22T08:20:00+08:00' };
    const before = first.safeParse(input).success;

    // when
    current = new Date('2026-11-22T01:00:00Z');

    // then
    expect(before).toBe(false);
    expect(first.safeParse(input).success).toBe(true);
  });

  it('speaks English when asked', () => {
    // given
    const { first } = makeReportSchemas({ locale: 'en' });

    // when
    const result = first.safeParse({ ...firstReportInput(), casualties: { dead: -1, injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 } });

    // then
    expect(issuesOf(result)).toEqual([['casualties.dead', 'Dead must not be negative']]);
  });
});
