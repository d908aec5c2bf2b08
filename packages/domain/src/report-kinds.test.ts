import { describe, expect, it } from 'vitest';
import { finalReportSchema, followUpReportSchema, reportDraftSchema } from './report';
import { reportCorrectionsSchema } from './report-corrections';
import { firstReportInput, issuesOf, pathsOf } from './test-support/reports';

const incidentNumber = 'KB-530902-20261122-0001';

describe('reportDraftSchema (草稿)', () => {
  it('accepts a nearly empty draft and treats blank inputs as not filled in', () => {
    // when
    const draft = reportDraftSchema.parse({ kind: 'first', title: '', course: '货车与轿车相撞', place: { divisionCode: '530902' } });

    // then
    expect(draft).toEqual({ kind: 'first', course: '货车与轿车相撞', place: { divisionCode: '530902' } });
  });

  it('still validates what is there', () => {
    // given
    const input = { kind: 'first', casualties: { dead: -1 }, learnedAt: '2026-11-22T07:00:00+08:00', occurredAt: '2026-11-22T08:00:00+08:00' };

    // then
    expect(issuesOf(reportDraftSchema.safeParse(input))).toEqual([
      ['casualties.dead', '死亡人数不能为负数'],
      ['learnedAt', '获知时间不能早于事发时间'],
    ]);
  });

  it('requires the kind of report being drafted', () => {
    expect(issuesOf(reportDraftSchema.safeParse({}))).toEqual([['kind', '报告类型为必填项']]);
  });
});

describe('followUpReportSchema (续报)', () => {
  it('carries the incident number and only what changed', () => {
    // when
    const report = followUpReportSchema.parse({
      kind: 'follow_up',
      incidentNumber,
      reportingUnitId: 'lx-yjj',
      progress: '1名重伤员经抢救无效死亡，道路已恢复通行。',
      casualties: { dead: 2, seriouslyInjured: 0 },
    });

    // then
    expect(report.casualties).toEqual({ dead: 2, seriouslyInjured: 0 });
    expect(report).not.toHaveProperty('title');
  });

  it('refuses a follow-up that says nothing new', () => {
    // when
    const result = followUpReportSchema.safeParse({ kind: 'follow_up', incidentNumber, reportingUnitId: 'lx-yjj', contact: { name: '李明', phone: '13987654321' } });

    // then
    expect(issuesOf(result)).toEqual([['', '续报须至少填写一项新情况']]);
  });

  it('requires a well-formed incident number and the reporting unit', () => {
    // when
    const result = followUpReportSchema.safeParse({ kind: 'follow_up', incidentNumber: 'KB-530902-20260230-0001', progress: '续报' });

    // then
    expect(issuesOf(result)).toEqual([
      ['incidentNumber', '事件编号格式应为“KB-行政区划代码-日期-4位序号”，如 KB-530902-20261122-0001'],
      ['reportingUnitId', '报送单位为必填项'],
    ]);
  });
});

describe('finalReportSchema (终报)', () => {
  const final = () => ({
    ...firstReportInput(),
    kind: 'final',
    incidentNumber,
    severity: 'IV',
    endedAt: '2026-11-22T11:30:00+08:00',
    cause: '货车驾驶人疲劳驾驶，未按规定让行。',
    measures: '交警、消防、120到场处置，伤员送临沧市人民医院救治，现场已清理。',
    economicLossYuan: 180_000,
  });

  it('accepts the final figures with cause and measures', () => {
    expect(finalReportSchema.parse(final())).toMatchObject({ kind: 'final', severity: 'IV', economicLossYuan: 180_000 });
  });

  it('requires the end of the response, cause, measures and the loss', () => {
    // given
    const { endedAt: _e, cause: _c, measures: _m, economicLossYuan: _l, ...input } = final();

    // then
    expect(pathsOf(finalReportSchema.safeParse(input)).sort()).toEqual(['cause', 'economicLossYuan', 'endedAt', 'measures']);
  });

  it('refuses a response that ended before the incident began', () => {
    expect(issuesOf(finalReportSchema.safeParse({ ...final(), endedAt: '2026-11-22T07:00:00+08:00' }))).toEqual([
      ['endedAt', '处置结束时间不能早于事发时间'],
    ]);
  });
});

describe('reportCorrectionsSchema (核实更正)', () => {
  it('accepts corrected facts', () => {
    // when
    const corrections = reportCorrectionsSchema.parse({ severity: 'IV', casualties: { injured: 5 }, course: '经现场核实，系两车追尾。' });

    // then
    expect(corrections).toEqual({ severity: 'IV', casualties: { injured: 5 }, course: '经现场核实，系两车追尾。' });
  });

  it('refuses to correct what is not a fact of the incident', () => {
    // when
    const result = reportCorrectionsSchema.safeParse({ classified: false, incidentNumber, title: '更正标题' });

    // then
    expect(issuesOf(result)).toEqual([['', '核实时不能更正以下项目：classified、incidentNumber']]);
  });

  it('validates corrected values like the report itself', () => {
    expect(issuesOf(reportCorrectionsSchema.safeParse({ casualties: { dead: -1 } }))).toEqual([['casualties.dead', '死亡人数不能为负数']]);
  });
});
