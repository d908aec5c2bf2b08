import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iso, openScenario, type Scenario } from './harness';

const TAICANG = {
  key: 'tc', province: { code: '320000', name: '江苏省人民政府' }, city: { code: '320500', name: '苏州市人民政府' }, county: { code: '320585', name: '太仓市人民政府' },
};

/** 太仓 (seed 001): clocks from 事发; 重特大 phone 15 min, written 30 min; every grade 45 min. */
describe('太仓 320585 clocks', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario(TAICANG, '08:05');
  });
  afterEach(() => s.close());

  it('重大: phone 08:15 and written 08:30 from 事发 08:00; a reminder already past is not sent; phone 迟报 at 08:15', async () => {
    // given: occurred 08:00, learned 08:03, submitted 08:05
    const r = await s.submit({ severity: 'II', occurredAt: '08:00', learnedAt: '08:03' });

    // then: 15 min before the phone deadline is 08:00, when the clock started: dropped
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({
      policyCode: '320585', policyVersion: 2, phoneDueAt: iso('08:15'), phoneWithin: 'PT15M', writtenDueAt: iso('08:30'), writtenWithin: 'PT30M',
      reminderAt: [iso('08:10'), iso('08:15'), iso('08:25')],
    });
    expect((await s.clocks.forReport(r.reportId)).map((c) => [c.channel, c.origin, c.startedAt.toISOString(), c.rule.slice(0, 24)])).toEqual([
      ['phone', 'occurred', iso('08:00'), '001 二：重特大突发事件发生后……要力争15分'],
      ['written', 'occurred', iso('08:00'), '001 二：重特大突发事件发生后……30分钟内向'],
    ]);

    // when: 08:10, 5 min before the phone deadline
    await s.at('08:10');
    expect(s.texts().map((m) => [m.phone, m.text.match(/(电话报告|书面报告)时限 (\S+ \S+) 届满，尚余 (\d+) 分钟/)?.slice(1)])).toEqual([
      ['13900000002', ['电话报告', '11/23 08:15', '5']], ['13900000031', ['电话报告', '11/23 08:15', '5']],
    ]);

    // when: 08:15, the phone deadline (迟报) and the written report's 15-minute reminder
    await s.at('08:15');
    expect((await s.trail(r.number, 'clock.overdue')).map((e) => e.detail)).toEqual([
      expect.objectContaining({ channel: 'phone', dueAt: iso('08:15'), within: 'PT15M', from: 'occurred', policyCode: '320585', policyVersion: 2, markedAt: iso('08:15') }),
    ]);
    const texts = s.texts();
    expect(texts.filter((m) => m.text.includes('迟报')).map((m) => m.phone)).toEqual(['13900000002', '13900000031', '13900000030']);
    expect(texts.filter((m) => m.text.includes('催办')).map((m) => m.text.match(/书面报告时限 \S+ \S+ 届满，尚余 \d+ 分钟/)?.[0])).toEqual([
      '书面报告时限 11/23 08:30 届满，尚余 15 分钟', '书面报告时限 11/23 08:30 届满，尚余 15 分钟',
    ]);

    // when: verified and signed off at 08:20
    await s.at('08:20');
    await s.complete(r.instanceKey, 'verify', { verifyDecision: 'confirm' });
    await s.complete(r.instanceKey, 'sign-off', { signOffDecision: 'approve' });

    // then: phone late by 5 min, written in time
    expect((await s.clocks.forReport(r.reportId)).map((c) => [c.channel, c.status, c.metAt?.toISOString()])).toEqual([
      ['phone', 'late', iso('08:20')], ['written', 'met', iso('08:20')],
    ]);
    expect((await s.trail(r.number, 'report.delivered_late'))[0]?.detail).toMatchObject({ channel: 'phone', dueAt: iso('08:15'), actualAt: iso('08:20'), lateByMs: 300_000 });
  });

  it('一般: 001 二 45 minutes from 事发 hold for the written report too; a phone call at 08:10 does not lift it (ADR 0031)', async () => {
    // given: the unit phoned the city duty office at 08:10, the written report follows
    const number = await s.phoneReport('08:10', { severity: 'IV', occurredAt: '08:00', learnedAt: '08:03' });
    await s.at('08:12');
    const r = await s.submit({ severity: 'IV', occurredAt: '08:00', learnedAt: '08:03', incidentNumber: number });

    // then: the phone clock is met by the call, the written report is still due at 08:45 (both rules cite 001 二)
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({
      phoneDueAt: iso('08:45'), phoneWithin: 'PT45M', writtenDueAt: iso('08:45'), writtenWithin: 'PT45M', stepDueAt: iso('08:45'), reminderAt: [iso('08:30'), iso('08:40')],
    });
    const clocks = await s.clocks.forReport(r.reportId);
    expect(clocks.map((c) => [c.channel, c.status])).toEqual([['phone', 'met'], ['written', 'open']]);
    expect(clocks.find((c) => c.channel === 'written')?.rule).toContain('001 二');
    expect((await s.openTasks(r.instanceKey))[0]?.dueDate).toBe(iso('08:45'));

    // when: nothing is written by 08:45
    await s.at('08:46');

    // then: 迟报 of the written report
    expect((await s.trail(r.number, 'clock.overdue')).map((e) => (e.detail as { channel: string }).channel)).toEqual(['written']);
  });
});
