import { describe, expect, it } from 'vitest';
import { changeLabel, mergeReport, reportChanges } from './report-diff';
import { makeReportPatchSchemas, reportPatchSchema } from './report-patch';
import { firstReportInput, issuesOf, pathsOf } from './test-support/reports';

const incidentNumber = 'KB-530902-20261122-0001';

describe('reportPatchSchema (续报/终报: only what changed)', () => {
  it('takes a 续报 with its progress and a partial group', () => {
    // when
    const patch = reportPatchSchema.parse({ kind: 'follow_up', progress: '1名重伤员经抢救无效死亡', casualties: { dead: 2 } });

    // then
    expect(patch).toEqual({ kind: 'follow_up', progress: '1名重伤员经抢救无效死亡', casualties: { dead: 2 } });
  });

  it('requires the progress of a 续报 and the end of the response of a 终报', () => {
    expect(issuesOf(reportPatchSchema.safeParse({ kind: 'follow_up', casualties: { dead: 2 } }))).toEqual([['progress', '最新进展为必填项']]);
    expect(pathsOf(reportPatchSchema.safeParse({ kind: 'final', cause: '疲劳驾驶' }))).toEqual(['endedAt']);
  });

  it('refuses what the dossier decides: the incident number, the unit, a 首报, a classified flag', () => {
    // when
    const result = reportPatchSchema.safeParse({ kind: 'follow_up', progress: '进展', incidentNumber, reportingUnitId: 'sj-yjj', classified: true });

    // then
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['incidentNumber', 'reportingUnitId', 'classified'] })]);
    expect(pathsOf(reportPatchSchema.safeParse({ kind: 'first', progress: '进展' }))).toEqual(['kind']);
  });

  it('checks the merged 终报 against every element a 终报 requires, in English when asked', () => {
    // given
    const merged = { ...mergeReport(firstReportInput(), { endedAt: '2026-11-22T11:30:00+08:00' }), kind: 'final', incidentNumber };

    // when
    const result = makeReportPatchSchemas({ locale: 'en' }).merged.final(merged);

    // then
    expect(pathsOf(result).sort()).toEqual(['cause', 'economicLossYuan', 'measures']);
    expect(issuesOf(result)).toContainEqual(['cause', 'Cause is required']);
  });

  it('checks the merged 续报 against the 首报 rules (a count may not contradict another)', () => {
    // given: 4 injured of whom 1 serious; the 续报 says 5 seriously injured
    const merged = { ...mergeReport(firstReportInput(), { progress: '伤情加重', casualties: { seriouslyInjured: 5 } }), kind: 'follow_up', incidentNumber };

    // then
    expect(issuesOf(makeReportPatchSchemas().merged.follow_up(merged))).toEqual([['casualties.seriouslyInjured', '重伤人数不能超过受伤人数']]);
  });
});

describe('mergeReport and reportChanges (the difference the dossier shows)', () => {
  it('merges groups part by part and lists every element that differs, with before and after', () => {
    // given
    const before = firstReportInput();

    // when
    const after = mergeReport(before, { kind: 'follow_up', progress: '道路已恢复通行', casualties: { dead: 2 }, severity: 'IV', occurredAt: new Date('2026-11-22T07:55:00+08:00') });

    // then
    expect(after.casualties).toEqual({ dead: 2, injured: 4, seriouslyInjured: 1, missing: 0, trapped: 0 });
    expect(reportChanges(before, { ...after, learnedAt: '2026-11-22T00:12:00Z' })).toEqual([
      { field: 'severity', before: 'ungraded', after: 'IV' },
      { field: 'occurredAt', before: '2026-11-22T08:00:00+08:00', after: '2026-11-21T23:55:00.000Z' },
      { field: 'casualties.dead', before: 1, after: 2 },
      { field: 'progress', before: null, after: '道路已恢复通行' },
    ]);
  });

  it('labels each changed element as users read it', () => {
    expect(changeLabel('casualties.dead', 'zh-CN')).toBe('死亡人数');
    expect(changeLabel('contact.name', 'zh-CN')).toBe('联系人姓名');
    expect(changeLabel('place.divisionCode', 'en')).toBe('Division code of the place');
    expect(changeLabel('progress', 'en')).toBe('Latest progress');
  });
});
