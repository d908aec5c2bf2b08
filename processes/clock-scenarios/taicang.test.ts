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
      policyCode: '320585', policyVersion: 1, phoneDueAt: iso('08:15'), phoneWithin: 'PT15M', writtenDueAt: iso('08:30'), writtenWithin: 'PT30M',
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
      expect.objectContaining({ channel: 'phone', dueAt: iso('08:15'), within: 'PT15M', from: 'occurred', policyCode: '320585', policyVersion: 1, markedAt: iso('08:15') }),
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

  it('一般: one 45-minute clock from 事发 and no written figure (its timer never arms a real deadline)', async () => {
    // given / when
    const r = await s.submit({ severity: 'IV', occurredAt: '08:00', learnedAt: '08:03' });

    // then
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({
      phoneDueAt: iso('08:45'), phoneWithin: 'PT45M', writtenDueAt: null, stepDueAt: iso('08:45'), reminderAt: [iso('08:30'), iso('08:40')],
    });
    expect((await s.openTasks(r.instanceKey))[0]?.dueDate).toBe(iso('08:45'));
    expect((await s.clocks.forReport(r.reportId)).map((c) => c.channel)).toEqual(['phone']);
    const timers = await s.db.prisma.engineTimer.findMany({ where: { elementId: 'written-deadline' } });
    expect(timers.map((x) => x.dueAt.toISOString())).toEqual(['9999-12-31T23:59:59.000Z']);

    // when: reported at 08:44
    await s.at('08:30');
    expect(s.texts()).toHaveLength(2);
    await s.at('08:44');
    await s.complete(r.instanceKey, 'verify', { verifyDecision: 'confirm' });
    await s.complete(r.instanceKey, 'sign-off', { signOffDecision: 'approve' });

    // then: met, and nothing fires afterwards
    expect((await s.clocks.forReport(r.reportId)).map((c) => [c.channel, c.status])).toEqual([['phone', 'met']]);
    await s.at('09:00');
    expect(await s.trail(r.number, 'clock.overdue')).toEqual([]);
    expect(await s.db.prisma.engineTimer.count()).toBe(0);
  });
});
