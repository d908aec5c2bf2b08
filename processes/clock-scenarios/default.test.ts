import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iso, openScenario, type Scenario } from './harness';

const ELSEWHERE = {
  key: 'df', province: { code: '110000', name: '北京市人民政府' }, city: { code: '110100', name: '北京市市辖区人民政府' }, county: { code: '110105', name: '朝阳区人民政府' },
};

/** No policy up the tree (110105 → 110100 → 110000): the default, the strictest figure of any seed, from 事发. */
describe('default clocks', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario(ELSEWHERE, '08:05');
  });
  afterEach(() => s.close());

  it('较大: phone 30 min and written 1 h from 事发; both 迟报 when the report goes out at 09:05', async () => {
    // given
    const r = await s.submit({ severity: 'III', occurredAt: '08:00', learnedAt: '08:02' });

    // then
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({
      policyCode: 'default', policyVersion: 2, phoneDueAt: iso('08:30'), writtenDueAt: iso('09:00'), stepDueAt: iso('09:00'),
      reminderAt: [iso('08:15'), iso('08:25'), iso('08:45'), iso('08:55')],
    });

    // when: every reminder and both deadlines pass before the report goes out
    for (const at of ['08:15', '08:25', '08:30', '08:45', '08:55', '09:00']) await s.at(at);
    expect((await s.notifications.forIncident(r.number)).map((n) => `${n.sentAt.toISOString()} ${n.kind}`)).toEqual([
      `${iso('08:15')} reminder`, `${iso('08:15')} reminder`, `${iso('08:25')} reminder`, `${iso('08:25')} reminder`,
      `${iso('08:30')} overdue`, `${iso('08:30')} overdue`, `${iso('08:30')} overdue`,
      `${iso('08:45')} reminder`, `${iso('08:45')} reminder`, `${iso('08:55')} reminder`, `${iso('08:55')} reminder`,
      `${iso('09:00')} overdue`, `${iso('09:00')} overdue`, `${iso('09:00')} overdue`,
    ]);
    await s.at('09:05');
    await s.complete(r.instanceKey, 'verify', { verifyDecision: 'confirm' });
    await s.complete(r.instanceKey, 'sign-off', { signOffDecision: 'approve' });

    // then
    expect((await s.trail(r.number, 'report.delivered_late')).map((e) => e.detail)).toEqual([
      expect.objectContaining({ channel: 'phone', dueAt: iso('08:30'), actualAt: iso('09:05'), policyCode: 'default', rule: expect.stringContaining('003 第二篇 二') }),
      expect.objectContaining({ channel: 'written', dueAt: iso('09:00'), actualAt: iso('09:05'), rule: expect.stringContaining('000 三（二）一') }),
    ]);
  });

  it('特别重大: phone 15 min and written 30 min from 事发', async () => {
    const r = await s.submit({ severity: 'I', occurredAt: '08:00', learnedAt: '08:02' });
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({ phoneDueAt: iso('08:15'), writtenDueAt: iso('08:30'), reminderAt: [iso('08:10'), iso('08:15'), iso('08:25')] });
  });
});
