import { describe, expect, it } from 'vitest';
import { CLASSIFIED_CONTENT_FIELDS, classifiedPlaceholderSchema, dossierTitle } from './classified';
import { finalReportSchema, firstReportSchema, followUpReportSchema, makeReportSchemas, reportDraftSchema } from './report';
import { classifiedFirstReportInput, firstReportInput, issuesOf, pathsOf, secureTransmissionInput } from './test-support/reports';

describe('classified (涉密) reports', () => {
  it('accept who, when and which secure channel — and nothing about the incident', () => {
    // when
    const report = firstReportSchema.parse(classifiedFirstReportInput());

    // then
    expect(report).toMatchObject({ classified: true, severity: 'ungraded', category: 'accident_disaster', sensitive: false });
    expect(report).not.toHaveProperty('title');
    expect(report.secureTransmission).toEqual({ channel: 'encrypted_fax', handledBy: { name: '王芳', phone: '0883-2100002' }, sentAt: new Date('2026-11-22T00:40:00Z') });
  });

  it('reject every content field of a first report, each at its own path, with a clear message', () => {
    // given: an ordinary report marked classified
    const input = { ...firstReportInput(), classified: true, secureTransmission: secureTransmissionInput(), cause: '待查', notes: '无' };

    // when
    const result = firstReportSchema.safeParse(input);

    // then
    expect(pathsOf(result).sort()).toEqual(['casualties', 'cause', 'course', 'harm', 'notes', 'place', 'title']);
    expect(issuesOf(result)).toContainEqual(['course', '涉密报告不得在本系统填写事件经过：涉密内容须经机要渠道报送']);
  });

  it('require the secure transmission record', () => {
    // given
    const { secureTransmission: _omitted, ...input } = classifiedFirstReportInput();

    // then
    expect(issuesOf(firstReportSchema.safeParse(input))).toEqual([['secureTransmission', '涉密报告须登记机要渠道报送情况（经办人、时间、渠道）']]);
  });

  it('refuse a secure transmission record on an ordinary report', () => {
    expect(issuesOf(firstReportSchema.safeParse({ ...firstReportInput(), secureTransmission: secureTransmissionInput() }))).toEqual([
      ['secureTransmission', '非涉密报告不应登记机要渠道报送情况'],
    ]);
  });

  it('refuse content in a draft too: drafts are stored in the ordinary system', () => {
    // when
    const result = reportDraftSchema.safeParse({ kind: 'first', classified: true, title: '某涉密事件', course: '', casualties: { dead: 1 } });

    // then: the blank course counts as not filled in
    expect(pathsOf(result)).toEqual(['title', 'casualties']);
  });

  it('refuse content in a follow-up and in a final report, and require the record there as well', () => {
    // given
    const followUp = { kind: 'follow_up', incidentNumber: 'KB-530902-20261122-0001', reportingUnitId: 'lx-yjj', classified: true, progress: '伤员已送医' };
    const final = { ...classifiedFirstReportInput(), kind: 'final', incidentNumber: 'KB-530902-20261122-0001', endedAt: '2026-11-22T12:00:00+08:00' };

    // then
    expect(pathsOf(followUpReportSchema.safeParse(followUp))).toEqual(['progress', 'secureTransmission']);
    expect(followUpReportSchema.safeParse({ ...followUp, progress: undefined, secureTransmission: secureTransmissionInput() }).success).toBe(true);
    expect(finalReportSchema.safeParse(final).success).toBe(true);
    expect(pathsOf(finalReportSchema.safeParse({ ...final, measures: '已处置' }))).toEqual(['measures']);
  });

  it('explain the refusal in English when asked', () => {
    // given
    const { first } = makeReportSchemas({ locale: 'en' });

    // then
    expect(issuesOf(first.safeParse({ ...classifiedFirstReportInput(), harm: '...' }))).toEqual([
      ['harm', 'A classified report must not carry Harm and impact here: classified content goes through a secure channel'],
    ]);
  });

  it('cover every element that describes the incident', () => {
    expect([...CLASSIFIED_CONTENT_FIELDS].sort()).toEqual(
      ['casualties', 'cause', 'course', 'economicLossYuan', 'harm', 'helpNeeded', 'measures', 'notes', 'place', 'progress', 'title', 'trend'].sort(),
    );
  });
});

describe('dossierTitle', () => {
  it("shows a classified report's dossier under a placeholder, an ordinary one under its own title", () => {
    expect(dossierTitle(firstReportSchema.parse(classifiedFirstReportInput()))).toBe('涉密信息（内容已经机要渠道报送）');
    expect(dossierTitle({ classified: true }, 'en')).toBe('Classified (content sent through a secure channel)');
    expect(dossierTitle(firstReportSchema.parse(firstReportInput()))).toBe('临翔区南塘街发生一起道路交通事故');
  });
});

describe('classifiedPlaceholderSchema', () => {
  it('records who, when and which channel, and refuses anything else', () => {
    // when
    const result = classifiedPlaceholderSchema.safeParse({ ...secureTransmissionInput(), content: '事件详情' });

    // then
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['content'] });
  });

  it('knows the secure channels of the seeds (002: 加密传真, 内网; 003: 机要局)', () => {
    // given
    const input = { ...secureTransmissionInput(), channel: 'wechat' };

    // then
    expect(issuesOf(classifiedPlaceholderSchema.safeParse(input))).toEqual([
      ['channel', '机要渠道取值无效，可选：encrypted_fax（加密传真）、government_intranet（办公业务资源网（内网））、confidential_bureau（机要局（机要通信））'],
    ]);
  });
});
