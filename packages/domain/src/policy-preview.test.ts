import { describe, expect, it } from 'vitest';
import { policySchema } from './policy';
import { previewPolicy } from './policy-preview';

const policy = policySchema.parse({
  code: '530900', name: '临沧市', nameEn: 'Lincang', version: 1, effectiveFrom: '2020-04-28', sources: [],
  clocks: [
    { severity: 'III', reportKind: 'first', channel: 'phone', within: 'PT30M', from: 'received', to: 'city_duty_office', rule: '000 三（二）一' },
    { severity: 'III', reportKind: 'first', channel: 'written', within: 'PT1H', from: 'received', to: 'city_duty_office', rule: '000 三（二）一' },
    { severity: 'any', sensitive: true, reportKind: 'first', channel: 'phone', within: 'PT0S', from: 'received', to: 'city_duty_office', rule: '000 三（二）三' },
  ],
  reminders: ['PT15M', 'PT5M'],
  escalation: { recipients: ['current_assignees'] },
  requiresCityApprovalForProvince: false,
  directToCityDutyOfficeWhenUrgent: true,
  sectorLeaderSignOffFor: [],
});
// 10:00 in Beijing
const receivedAt = new Date('2026-12-06T02:00:00Z');

describe('previewPolicy', () => {
  it('shows a 较大 report\'s deadlines and reminders as the clocks would set them', () => {
    const preview = previewPolicy(policy, { severity: 'III', kind: 'first', occurredAt: new Date('2026-12-06T01:40:00Z'), receivedAt });
    expect(preview.text['zh-CN']).toBe('较大, 接报 10:00 → 电话 10:30，书面 11:00；催办 10:15、10:25、10:45、10:55');
    expect(preview.clocks.map((c) => [c.channel, c.dueAt, c.rule])).toEqual([
      ['phone', '2026-12-06T02:30:00.000Z', '000 三（二）一'],
      ['written', '2026-12-06T03:00:00.000Z', '000 三（二）一'],
    ]);
    expect(preview.text.en).toBe('Large, received 10:00 → phone 10:30, written 11:00; reminders 10:15, 10:25, 10:45, 10:55');
  });

  it('says 立即 for a sensitive report and that a grade without a figure has no deadline', () => {
    expect(previewPolicy(policy, { severity: 'III', sensitive: true, kind: 'first', occurredAt: receivedAt, receivedAt }).text['zh-CN']).toBe('较大（敏感）, 接报 10:00 → 电话 立即，书面 11:00；催办 10:45、10:55');
    expect(previewPolicy(policy, { severity: 'IV', kind: 'first', occurredAt: receivedAt, receivedAt }).text['zh-CN']).toBe('一般, 事发 10:00 → 本政策未规定时限');
  });
});
