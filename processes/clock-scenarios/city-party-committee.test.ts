import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iso, openScenario, type Scenario } from './harness';

const CITY = {
  key: 'sw', province: { code: '370000', name: '某省人民政府' }, city: { code: '370100', name: '某市人民政府' }, county: { code: '370102', name: '某区人民政府' },
};

/** The 市委 practice of seed 003 (asked for by name): 30 min from 事发 to the 市委政务值班室, any grade. */
describe('city-party-committee-003 clocks', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario(CITY, '08:05');
  });
  afterEach(() => s.close());

  it('gives 08:30 for an incident at 08:00, reminds at 08:15 and 08:25, and alerts the unit leader at the deadline', async () => {
    // given
    const r = await s.submit({ severity: 'IV', occurredAt: '08:00', learnedAt: '08:04', jurisdiction: 'city-party-committee-003' });

    // then
    expect((await s.variables(r.instanceKey)).clocks).toMatchObject({
      policyCode: 'city-party-committee-003', policyVersion: 1, phoneDueAt: iso('08:30'), writtenDueAt: null, reminderAt: [iso('08:15'), iso('08:25')],
    });
    expect((await s.clocks.forReport(r.reportId))[0]).toMatchObject({ recipient: 'city_party_committee_duty_room', rule: expect.stringMatching(/^003 第二篇 二：上报时限：最迟要在事发后半小时之内/) });

    // when
    await s.at('08:15');
    expect(s.texts().map((m) => m.phone)).toEqual(['13900000002', '13900000031']);
    await s.complete(r.instanceKey, 'verify', { verifyDecision: 'confirm' });
    await s.at('08:30');

    // then: escalation per 003's policy: assignees (the leader signing), the unit leader (the same), the leader on duty
    expect((await s.trail(r.number, 'clock.overdue'))[0]?.detail).toMatchObject({ dueAt: iso('08:30'), policyCode: 'city-party-committee-003', openSteps: [{ kind: 'sign_off' }] });
    expect(s.texts().map((m) => m.phone)).toEqual(['13900000003', '13900000031']);

    // when: signed off 08:31
    await s.at('08:31');
    await s.complete(r.instanceKey, 'sign-off', { signOffDecision: 'approve' });
    expect((await s.trail(r.number, 'report.delivered_late'))[0]?.detail).toMatchObject({ dueAt: iso('08:30'), actualAt: iso('08:31'), lateByMs: 60_000 });
  });
});
