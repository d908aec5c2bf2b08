import { firstReportSchema, reportDraftSchema } from '@kuaibao/domain';
import { describe, expect, it } from 'vitest';
import { changedCorrections } from '../components/correction-fields';
import { toFirstReport, type ReportFormValues } from './report-draft';
import { beijingWall, timeLeft } from './time';

const filled: ReportFormValues = {
  title: ' 临翔区马台乡发生森林火灾 ',
  category: 'natural_disaster',
  severity: 'III',
  occurredAt: beijingWall(Date.now() - 40 * 60_000),
  learnedAt: beijingWall(Date.now() - 30 * 60_000),
  receivedAt: null,
  place: { divisionCode: '530902', address: '马台乡帮东村后山', longitude: null },
  casualties: { dead: 0, injured: 2, seriouslyInjured: 0, missing: 0, trapped: 0, poisoned: null },
  course: '13时许发生森林火灾。',
  harm: '2名扑火人员轻伤。',
  cause: '',
  contact: { name: '李明', phone: '0883-2100001' },
};

describe('the first-report form values', () => {
  it('become a body the domain schema (and so the API) accepts', () => {
    // when
    const body = toFirstReport(filled, 'lx-yjj');

    // then
    expect(firstReportSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ kind: 'first', classified: false, reportingUnitId: 'lx-yjj', title: '临翔区马台乡发生森林火灾' });
    expect(body).not.toHaveProperty('cause');
    expect(body).not.toHaveProperty('receivedAt');
    expect(body.place).toEqual({ divisionCode: '530902', address: '马台乡帮东村后山' });
  });

  it('keep empty groups, so a missing element is reported on its own field', () => {
    // when
    const result = firstReportSchema.safeParse(toFirstReport({}, 'lx-yjj'));

    // then
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['title', 'place.divisionCode', 'place.address', 'casualties.dead', 'contact.phone']));
    expect(reportDraftSchema.safeParse(toFirstReport({ title: '只写了标题' }, 'lx-yjj')).success).toBe(true);
  });
});

describe('corrections of a verifier', () => {
  const original = toFirstReport(filled, 'lx-yjj');

  it('carry only what changed, and casualties as a whole', () => {
    expect(changedCorrections(original, { title: original.title as string, casualties: { injured: 3 } })).toEqual({
      casualties: { dead: 0, injured: 3, seriouslyInjured: 0, missing: 0, trapped: 0 },
    });
    expect(changedCorrections(original, { severity: 'III' })).toBeUndefined();
  });
});

describe('the countdown', () => {
  it('counts down to a deadline and up once it passed', () => {
    const now = Date.parse('2026-11-22T08:00:00Z');
    expect(timeLeft('2026-11-22T09:30:05Z', now)).toEqual({ overdue: false, days: 0, hours: 1, minutes: 30, seconds: 5 });
    expect(timeLeft('2026-11-20T07:59:00Z', now)).toMatchObject({ overdue: true, days: 2, hours: 0, minutes: 1 });
  });
});
