import { describe, expect, it } from 'vitest';
import { documentTime, reportDocument, type ReportDocumentInput } from './report-document';
import { classifiedFirstReportInput, firstReportInput } from './test-support/reports';

const signed = { name: '张伟', at: new Date('2026-11-22T08:35:00+08:00') };
const input = (overrides: Partial<ReportDocumentInput> = {}): ReportDocumentInput => ({
  kind: 'first', classified: false, status: 'reported', incidentNumber: '530902-20261122-0001', reportingUnitName: '临翔区应急管理局',
  content: firstReportInput(), signedBy: signed, reportedAt: new Date('2026-11-22T08:36:00+08:00'), submittedAt: new Date('2026-11-22T08:20:00+08:00'),
  ...overrides,
});
const sectionsOf = (doc: ReturnType<typeof reportDocument>) => Object.fromEntries(doc.sections.map((s) => [s.label, s.text]));

describe('the 突发事件信息报告 document', () => {
  it('gives a signed 首报 its unit, 签发人, times and every element the seeds require; what may follow says 待续报', () => {
    // when
    const doc = reportDocument(input());

    // then
    expect(doc).toMatchObject({ title: '突发事件信息报告', kindLabel: '首报', unit: { label: '报送单位', text: '临翔区应急管理局' }, signer: { label: '签发人', text: '张伟' }, headline: '临翔区南塘街发生一起道路交通事故', notice: null });
    expect(doc.meta).toEqual([
      { label: '事件编号', text: '530902-20261122-0001' },
      { label: '报送时间', text: '2026年11月22日08时36分' },
      { label: '签发时间', text: '2026年11月22日08时35分' },
    ]);
    expect(sectionsOf(doc)).toEqual({
      时间: '事发时间：2026年11月22日08时00分；获知时间：2026年11月22日08时12分',
      事发地点: '临翔区南塘街与滨河路交叉口',
      事件类别及等级: '事故灾难，未分级',
      事件经过: '一辆货车与一辆轿车相撞，轿车侧翻。',
      人员伤亡: '死亡 1 人，受伤 4 人（其中重伤 1 人），失踪 0 人，被困 0 人',
      '直接经济损失（元）': '待续报',
      危害程度及影响: '造成1人死亡、4人受伤，道路单向通行受阻。',
      原因: '待续报',
      发展趋势: '待续报',
      已采取的措施: '待续报',
      需要协调解决的问题: '待续报',
    });
    expect(doc.contact).toEqual([{ label: '联系人', text: '李明' }, { label: '联系电话', text: '0883-2100001' }]);
  });

  it('numbers a 续报, names what changed and its progress; a 终报 says 无 for what it lacks', () => {
    // given
    const content = { ...firstReportInput(), progress: '伤者已送医。', economicLossYuan: 500000, cause: '货车制动失灵', measures: '交警封闭现场' };

    // when
    const followUp = reportDocument(input({ kind: 'follow_up', followUpOrdinal: 2, content, changes: [{ field: 'progress' }, { field: 'casualties.injured' }, { field: 'casualties.dead' }] }));
    const final = reportDocument(input({ kind: 'final', content: { ...content, endedAt: '2026-11-22T12:00:00+08:00' } }));

    // then
    expect(followUp.kindLabel).toBe('续报（第 2 次）');
    expect(followUp.sections.slice(0, 2)).toEqual([{ label: '本次更新', text: '最新进展、受伤人数、死亡人数' }, { label: '最新进展', text: '伤者已送医。' }]);
    expect(sectionsOf(followUp)['直接经济损失（元）']).toBe('500,000 元');
    expect(final.kindLabel).toBe('终报');
    expect(sectionsOf(final)).toMatchObject({ 时间: expect.stringContaining('处置结束时间：2026年11月22日12时00分'), 原因: '货车制动失灵', 发展趋势: '无' });
  });

  it('says so on a report not yet signed, or withdrawn', () => {
    expect(reportDocument(input({ signedBy: null, reportedAt: null, status: 'verifying' }))).toMatchObject({
      signer: { text: '（未签发）' },
      notice: '本报告尚未经单位领导审签（当前状态：核实中），不作为正式报送文本。',
      meta: [{ label: '事件编号' }, { label: '提交时间', text: '2026年11月22日08时20分' }],
    });
    expect(reportDocument(input({ status: 'withdrawn' })).notice).toBe('本报告已撤回，仅存档备查。');
  });

  it('prints a 涉密 report as its placeholder only, even if content were stored beside it', () => {
    // given: the placeholder, and (against every rule) content that must never be printed
    const content = { ...classifiedFirstReportInput(), title: '某涉密事件标题', course: '涉密经过', place: { address: '涉密地点' }, casualties: { dead: 3 } };

    // when
    const doc = reportDocument(input({ classified: true, content }));

    // then
    expect(JSON.stringify(doc)).not.toMatch(/涉密事件标题|涉密经过|涉密地点|死亡/);
    expect(doc.headline).toBe('涉密信息（内容已经机要渠道报送）');
    expect(doc.notice).toContain('内容已经机要渠道报送');
    expect(sectionsOf(doc)).toEqual({
      时间: '事发时间：2026年11月22日08时00分；获知时间：2026年11月22日08时12分',
      事件类别及等级: '事故灾难，未分级',
      机要渠道: '加密传真',
      经办人: '王芳 0883-2100002',
      机要报送时间: '2026年11月22日08时40分',
      机要编号: '—',
    });
  });

  it('reads in English too', () => {
    const doc = reportDocument(input(), 'en');
    expect(doc).toMatchObject({ title: 'Emergency Incident Information Report', kindLabel: 'First report', signer: { label: 'Signed by', text: '张伟' } });
    expect(documentTime('2026-11-22T00:05:00Z', 'en')).toBe('2026-11-22 08:05 (Beijing time)');
  });
});
