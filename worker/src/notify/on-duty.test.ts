import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDutyRosterRepository, createUserRepository, createTestDatabase, DEMO_TEMPLATE, type Database } from '@kuaibao/db';
import { escalationTargets } from './escalation-targets';

/** 催办, escalations and night-time urgent alerts reach whoever is on the duty office's roster now (issue 23 item 2). */
describe('alerts go to whoever is on duty now', () => {
  let db: Database;
  const inbox = { openTasksOf: async () => [] };
  const ctx = { instanceKey: 'none', reportingUnitId: 'lx-yjj', recipients: { cityDutyOffice: { id: 'lc-duty' } } };
  beforeAll(async () => {
    db = await createTestDatabase(process.env, { template: DEMO_TEMPLATE });
  });
  afterAll(() => db.close());

  it('texts the roster’s leader and officers; at night the evening’s; with no roster, every duty officer as before', async () => {
    // given: 临沧市总值班室 on 2030-01-01 — 黄磊 leads and is the only officer
    const users = createUserRepository(db.prisma);
    const roster = createDutyRosterRepository(db.prisma);
    const huang = (await users.findByUsername('lc_duty_leader'))!;
    await roster.set({ unitId: 'lc-duty', day: '2030-01-01', leaderUserId: huang.id, officerUserIds: [huang.id], holiday: true, holidayName: '元旦', note: null }, { actorId: huang.id, actorName: '黄磊', divisionCode: '530900', ip: null }, new Date());
    const at = (iso: string) => ({ users, inbox, roster, now: () => new Date(iso) });

    // when: at 02:00 on 2 January (before the 08:30 handover), and on a day without a roster
    const night = await escalationTargets(at('2030-01-02T02:00:00+08:00'), ['leader_on_duty', 'city_duty_office'], ctx);
    const unrostered = await escalationTargets(at('2030-01-03T10:00:00+08:00'), ['city_duty_office'], ctx);

    // then
    expect(night.map((t) => t.displayName)).toEqual(['黄磊']);
    expect(unrostered.map((t) => t.displayName).sort()).toEqual(['杨帆', '黄磊'].sort());
  });
});
