import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iso, openScenario, type Scenario } from './harness';

const LINCANG = {
  key: 'lc', province: { code: '530000', name: '云南省人民政府' }, city: { code: '530900', name: '临沧市人民政府' }, county: { code: '530902', name: '临翔区人民政府' },
};
const RULE_PHONE = '000 三（二）二：特别重大、重大突发事件发生后，事发地县（区）人民政府和市直有关部门要在30分钟内向市政府总值班室电话报告（起算按接报）';

/** 临沧 (seed 000): 重大 — phone 30 min, written 1 h, from 接报 (here 获知: no separate 接报 instant). */
describe('临沧 530900 clocks', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario(LINCANG, '08:12');
  });
  afterEach(() => s.close());

  it('resolves phone 08:40 and written 09:10, reminds verifier and leader on duty, marks 迟报 at 08:40 and records the late delivery', async () => {
    // given: 重大 (Ⅱ), occurred 08:00, learned 08:10, submitted 08:12
    const r = await s.submit({ severity: 'II', occurredAt: '08:00', learnedAt: '08:10' });

    // then: the clocks, the task due date and the reminders
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({
      policyCode: '530900', policyVersion: 1, phoneDueAt: iso('08:40'), writtenDueAt: iso('09:10'), stepDueAt: iso('09:10'),
      reminderAt: [iso('08:25'), iso('08:35'), iso('08:55'), iso('09:05')],
    });
    expect((await s.openTasks(r.instanceKey))[0]).toMatchObject({ elementId: 'verify', dueDate: iso('09:10') });
    expect(await s.clocks.forReport(r.reportId)).toMatchObject([
      { channel: 'phone', dueAt: new Date(iso('08:40')), rule: RULE_PHONE, policyCode: '530900', policyVersion: 1, status: 'open', origin: 'learned', within: 'PT30M' },
      { channel: 'written', dueAt: new Date(iso('09:10')), policyCode: '530900', policyVersion: 1, status: 'open', within: 'PT1H' },
    ]);
    expect((await s.db.prisma.incidentReport.findUniqueOrThrow({ where: { id: r.reportId } }))).toMatchObject({ policyCode: '530900', policyVersion: 1 });

    // when: nothing before the first reminder
    await s.at('08:24');
    expect(s.texts()).toEqual([]);

    // when: 08:25, 15 min before the phone deadline
    await s.at('08:25');
    const reminders = s.texts();
    expect(reminders.map((m) => m.phone)).toEqual(['13900000002', '13900000031']); // the verifier (candidate), the leader on duty
    expect(reminders[0]!.text).toContain('电话报告时限 11/23 08:40 届满，尚余 15 分钟，待办：核实');
    expect((await s.notifications.forIncident(r.number)).map((n) => [n.kind, n.recipientName, n.status])).toEqual([
      ['reminder', 'lc核实人', 'sent'], ['reminder', 'lc带班领导', 'sent'],
    ]);

    // when: verified 08:30; 08:35 reminds the leader now holding the step
    await s.at('08:30');
    await s.complete(r.instanceKey, 'verify', { verifyDecision: 'confirm', verifyOpinion: '属实' });
    await s.at('08:35');
    // (the 核实 outcome also went to the duty officers holding the 越级 copy: 000, ADR 0030; here only the 催办)
    expect(s.texts().filter((m) => m.text.includes('尚余')).map((m) => m.phone)).toEqual(['13900000003', '13900000031']);

    // when: 08:40, the phone deadline passes with the report still at sign-off
    await s.at('08:40');

    // then: 迟报 with its evidence, and the escalation recipients alerted
    const [overdue] = await s.trail(r.number, 'clock.overdue');
    expect(overdue?.detail).toMatchObject({
      channel: 'phone', dueAt: iso('08:40'), rule: RULE_PHONE, policyCode: '530900', policyVersion: 1, startedAt: iso('08:10'),
      markedAt: iso('08:40'), actualAt: null, openSteps: [{ name: '单位领导审签', kind: 'sign_off', assignee: null }],
    });
    expect(s.texts().map((m) => m.phone)).toEqual(['13900000003', '13900000031', '13900000030']); // leader, leader on duty, city duty office
    expect((await s.clocks.forReport(r.reportId))[0]).toMatchObject({ status: 'open', overdueAt: new Date(iso('08:40')) });

    // when: signed off at 08:50
    await s.at('08:50');
    await s.complete(r.instanceKey, 'sign-off', { signOffDecision: 'approve', signOffOpinion: '同意' });

    // then: phone late by 10 min, written met; the late delivery recorded with its evidence
    expect(await s.clocks.forReport(r.reportId)).toMatchObject([
      { channel: 'phone', status: 'late', metAt: new Date(iso('08:50')), metBy: 'written_report' },
      { channel: 'written', status: 'met', metAt: new Date(iso('08:50')) },
    ]);
    const [late] = await s.trail(r.number, 'report.delivered_late');
    expect(late?.detail).toMatchObject({ channel: 'phone', dueAt: iso('08:40'), actualAt: iso('08:50'), lateByMs: 600_000, rule: RULE_PHONE, policyCode: '530900', policyVersion: 1 });
    expect((await s.trail(r.number, 'clock.met')).map((e) => (e.detail as { channel: string }).channel)).toEqual(['written']);

    // when: the later reminders and the written deadline come: the span is over, their timers are gone
    await s.at('09:30');
    expect(s.texts()).toEqual([]);
    expect(await s.trail(r.number, 'clock.overdue')).toHaveLength(1);
  });

  it('settles the phone clock with a phone report made in time, and reminds only of the written deadline', async () => {
    // given: 08:30 the unit phones the city duty office (先电话报告); the written report follows at 08:32
    const number = await s.phoneReport('08:30', { severity: 'II', occurredAt: '08:00', learnedAt: '08:10' });
    await s.at('08:32');
    const r = await s.submit({ severity: 'II', occurredAt: '08:00', learnedAt: '08:10', incidentNumber: number });

    // then: one dossier; phone met at 08:30 by the phone report; reminders before 09:10 only
    expect(r.number).toBe(number);
    expect(await s.clocks.forReport(r.reportId)).toMatchObject([
      { channel: 'phone', status: 'met', metAt: new Date(iso('08:30')), metBy: 'phone_report' },
      { channel: 'written', status: 'open' },
    ]);
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({ reminderAt: [iso('08:55'), iso('09:05')] });
    await s.at('08:40');
    expect(await s.trail(number, 'clock.overdue')).toEqual([]);
    expect(s.texts()).toEqual([]);
    await s.at('08:55');
    expect(s.texts()[0]?.text).toContain('书面报告时限 11/23 09:10 届满，尚余 15 分钟');
  });

  it('makes a sensitive report immediate: escalates at once instead of marking 迟报', async () => {
    // given / when
    const r = await s.submit({ severity: 'IV', sensitive: true, occurredAt: '08:00', learnedAt: '08:10' });

    // then: due at 接报 (here 获知 08:10), already past: the duty office is told to report at once
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({ phoneDueAt: iso('08:10'), writtenDueAt: iso('08:10'), reminderAt: [] });
    expect(await s.trail(r.number, 'clock.overdue')).toEqual([]);
    const notices = await s.notifications.forIncident(r.number);
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(['immediate']));
    // each channel once to the verifier (candidate), the leader on duty and the city duty office
    expect(notices.map((n) => `${n.message.match(/须立即(电话报告|书面报告)/)?.[1]} ${n.recipientName}`).sort()).toEqual(
      ['书面报告 lc带班领导', '书面报告 lc市值班员', '书面报告 lc核实人', '电话报告 lc带班领导', '电话报告 lc市值班员', '电话报告 lc核实人'].sort(),
    );
    await s.complete(r.instanceKey, 'verify', { verifyDecision: 'confirm' });
    await s.complete(r.instanceKey, 'sign-off', { signOffDecision: 'approve' });
    expect(await s.clocks.forReport(r.reportId)).toMatchObject([{ status: 'met', immediate: true }, { status: 'met', immediate: true }]);
    expect(await s.trail(r.number, 'report.delivered_late')).toEqual([]);
  });
});
