import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iso, openScenario, type Scenario } from './harness';

const SHANXI = {
  key: 'sx', province: { code: '140000', name: '山西省人民政府' }, city: { code: '140100', name: '太原市人民政府' }, county: { code: '140105', name: '小店区人民政府' },
};

/** 山西 (seed 002): from 获知; 1 h to the local government, the chain ≤ 2 h; Ⅰ/Ⅱ 1 h directly to the province. */
describe('山西 140000 clocks (found up the tree from 140105)', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario(SHANXI, '08:15');
  });
  afterEach(() => s.close());

  it('较大: 1 h to the local government (09:10) and the 2 h chain cited; 迟报 alerts the same-level duty office', async () => {
    // given: occurred 08:00, learned 08:10
    const r = await s.submit({ severity: 'III', occurredAt: '08:00', learnedAt: '08:10' });

    // then: the earliest phone clock is tracked; every rule that applies is cited
    const { clocks } = await s.variables(r.instanceKey);
    expect(clocks).toMatchObject({ policyCode: '140000', phoneDueAt: iso('09:10'), phoneWithin: 'PT1H', writtenDueAt: null, reminderAt: [iso('08:55'), iso('09:05')] });
    expect((clocks.rules as { to: string; dueAt: string; from: string }[]).map((c) => [c.to, c.dueAt, c.from])).toEqual([
      ['local_government', iso('09:10'), 'learned'], ['province', iso('10:10'), 'learned'],
    ]);
    expect((await s.clocks.forReport(r.reportId))[0]).toMatchObject({ recipient: 'local_government', rule: expect.stringContaining('应当于1小时内向事件发生地人民政府') });

    // when: 08:55 and 09:05 reminders, then the deadline with the report unverified
    await s.at('08:55');
    expect(s.texts().map((m) => m.phone)).toEqual(['13900000002', '13900000031']);
    await s.at('09:05');
    expect(s.texts()).toHaveLength(2);
    await s.at('09:10');

    // then: 迟报; escalation per 山西's policy: the assignees, the leader on duty, the same-level duty office
    expect((await s.trail(r.number, 'clock.overdue'))[0]?.detail).toMatchObject({ to: 'local_government', dueAt: iso('09:10'), policyCode: '140000', openSteps: [{ kind: 'verify' }] });
    expect(s.texts().map((m) => m.phone)).toEqual(['13900000002', '13900000031', '13900000010']);
  });

  it('重大: 1 h directly to the province and to the superior government as well', async () => {
    // given / when
    const r = await s.submit({ severity: 'II', occurredAt: '08:00', learnedAt: '08:10' });

    // then
    const { clocks } = await s.variables(r.instanceKey);
    expect((clocks.rules as { to: string; dueAt: string }[]).map((c) => [c.to, c.dueAt]).sort()).toEqual(
      [['local_government', iso('09:10')], ['province', iso('09:10')], ['superior_government', iso('09:10')]].sort(),
    );
    expect(clocks.phoneDueAt).toBe(iso('09:10'));
  });
});
