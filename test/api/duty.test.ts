import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { addDays, beijingDay, dailyReportStanding, dutyDayAt } from '@kuaibao/domain';
import { firstReport, login, type Client } from './client';
import { startTestServer } from './server';

/** Relays once the incident is visible to the duty office (the 越级 copy of a sensitive report reaches it as the flow runs). */
async function relayWhenVisible(duty: Client, number: string, body: Record<string, unknown>) {
  let relayed = await duty.post(`/api/incidents/${number}/instructions`, body);
  for (let i = 0; relayed.status === 404 && i < 150; i++) {
    await new Promise((r) => setTimeout(r, 100));
    relayed = await duty.post(`/api/incidents/${number}/instructions`, body);
  }
  return relayed;
}

const dailyReport = (day: string, overrides: Record<string, unknown> = {}) => ({
  day, leaderName: '张伟', officerNames: '陈静', incidentsReceived: 1, reportsSubmitted: 2, rollCall: 'answered',
  summary: '值班正常，接报森林火灾 1 起，已按规定报送。', filledBy: '陈静', phone: '0883-2100010', ...overrides,
});

/** Duty work over HTTP (issue 23 items 1–3): roster, 值班信息日报, 领导批示 relayed, acknowledged and carried out. */
describe('duty work over HTTP', () => {
  let server: RunningServer;
  let countyDuty: Client;
  let cityDuty: Client;
  let reporter: Client;
  let countyLeader: Client;
  let otherCountyDuty: Client;
  beforeAll(async () => {
    server = await startTestServer();
    [countyDuty, cityDuty, reporter, countyLeader, otherCountyDuty] = await Promise.all([
      login(server.url, 'lx_duty'), login(server.url, 'lc_duty'), login(server.url, 'lx_reporter'), login(server.url, 'lx_leader'), login(server.url, 'sj_duty'),
    ]);
  });
  afterAll(() => server.close());

  describe('roster', () => {
    it('sets a day with a leader of the same government, shows who is on duty now, and flags tomorrow when missing', async () => {
      // given
      const today = dutyDayAt(new Date());
      const tomorrow = addDays(today, 1);
      const { body: before } = await countyDuty.get(`/api/duty/roster?from=${today}&to=${tomorrow}`);
      expect(before.missing).toContain(tomorrow);
      const leader = before.candidates.leaders.find((p: { name: string }) => p.name === '张伟');
      const officer = before.candidates.officers.find((p: { name: string }) => p.name === '陈静');
      expect(leader && officer).toBeTruthy();

      // when: today and tomorrow (a holiday) are set
      for (const [day, holiday] of [[today, false], [tomorrow, true]] as const) {
        const saved = await countyDuty.request('PUT', `/api/duty/roster/lx-duty/${day}`, { leaderUserId: leader.id, officerUserIds: [officer.id], holiday, ...(holiday && { holidayName: '元旦' }) });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      }

      // then
      const { body: after } = await countyDuty.get(`/api/duty/roster?from=${today}&to=${tomorrow}`);
      expect(after.missing).toEqual([]);
      expect(after.onDutyNow).toMatchObject({ day: today, leader: { name: '张伟' }, officers: [{ name: '陈静' }] });
      expect(after.days).toEqual([expect.objectContaining({ day: today, holiday: false }), expect.objectContaining({ day: tomorrow, holiday: true, holidayName: '元旦' })]);
      // the city duty office reads the county's gaps: 临翔区 has none now, 双江县 still has
      const { body: gaps } = await cityDuty.get('/api/duty/roster-gaps');
      expect(gaps.gaps.map((g: { unitId: string }) => g.unitId)).toContain('sj-duty');
      expect(gaps.gaps.map((g: { unitId: string }) => g.unitId)).not.toContain('lx-duty');
      // the change is in the admin trail
      const trail = await server.deps.orgAdmin.searchAudit({ entityType: 'duty_roster', limit: 10 });
      expect(trail.some((e) => e.entityId === `lx-duty:${today}` && e.action === 'duty.roster.set' && e.actorName === '陈静')).toBe(true);
    });

    it('refuses other units, people outside the unit, and bad input with field paths', async () => {
      const day = addDays(dutyDayAt(new Date()), 3);
      const { body } = await countyDuty.get(`/api/duty/roster?from=${day}&to=${day}`);
      const officerId = body.candidates.officers[0].id;
      const forbidden = await otherCountyDuty.request('PUT', `/api/duty/roster/lx-duty/${day}`, { leaderUserId: body.candidates.leaders[0].id, officerUserIds: [officerId] });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.detail).toContain('只有本单位的值班员或领导');
      const notLeader = await countyDuty.request('PUT', `/api/duty/roster/lx-duty/${day}`, { leaderUserId: officerId, officerUserIds: [officerId, officerId] });
      expect(notLeader.status).toBe(400);
      expect(notLeader.body.errors).toEqual([expect.objectContaining({ path: 'officerUserIds', message: '值班员不能重复' })]);
      const wrongLeader = await countyDuty.request('PUT', `/api/duty/roster/lx-duty/${day}`, { leaderUserId: officerId, officerUserIds: [officerId] });
      expect(wrongLeader.body.errors).toEqual([expect.objectContaining({ path: 'leaderUserId' })]);
      const badDay = await countyDuty.request('PUT', '/api/duty/roster/lx-duty/2026-02-30', { leaderUserId: 'x', officerUserIds: ['y'] });
      expect(badDay.body.errors).toEqual([expect.objectContaining({ path: 'day' })]);
      expect((await reporter.get(`/api/duty/roster?unitId=lc-duty&from=${day}&to=${day}`)).status).toBe(403);
    });
  });

  describe('值班信息日报', () => {
    it('is filed once, received by the city duty office, and counted (on time, late, missed)', async () => {
      // given
      // days long past: the demo data files 临翔区's report of the day before it was loaded
      const yesterday = '2026-01-06';
      const twoDaysAgo = '2026-01-05';

      // when: 临翔区 files a day's report
      const filed = await countyDuty.post('/api/duty/daily-reports', dailyReport(yesterday));

      // then
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      expect(filed.body).toMatchObject({ unitId: 'lx-duty', day: yesterday, standing: 'late', receiver: { id: 'lc-duty' } });
      expect((await countyDuty.post('/api/duty/daily-reports', dailyReport(yesterday))).status).toBe(409);
      const { body: day } = await cityDuty.get(`/api/duty/daily-reports?day=${yesterday}`);
      expect(day.received).toEqual([
        expect.objectContaining({ unit: { id: 'lx-duty', name: '临翔区人民政府总值班室' }, standing: 'late', report: expect.objectContaining({ filedBy: '陈静' }) }),
        expect.objectContaining({ unit: { id: 'sj-duty', name: '双江县人民政府总值班室' }, standing: 'missed', report: null }),
      ]);
      expect((await cityDuty.post(`/api/duty/daily-reports/${filed.body.id}/receipt`)).status).toBe(204);
      expect((await cityDuty.post(`/api/duty/daily-reports/${filed.body.id}/receipt`)).status).toBe(409);
      expect((await countyDuty.post(`/api/duty/daily-reports/${filed.body.id}/receipt`)).status).toBe(403);

      // and: the tally the statistics read
      const { body: tally } = await cityDuty.get(`/api/duty/daily-reports/tally?from=${twoDaysAgo}&to=${yesterday}`);
      expect(tally.receiver).toEqual({ id: 'lc-duty', name: '临沧市人民政府总值班室' });
      expect(tally.units).toEqual([
        { unitId: 'lx-duty', unitName: '临翔区人民政府总值班室', expected: 2, onTime: 0, late: 1, missed: 1, pending: 0 },
        { unitId: 'sj-duty', unitName: '双江县人民政府总值班室', expected: 2, onTime: 0, late: 0, missed: 2, pending: 0 },
      ]);
    });

    it('stands on time or late by 16:00 Beijing time today', async () => {
      const today = beijingDay(new Date());
      const filed = await otherCountyDuty.post('/api/duty/daily-reports', dailyReport(today, { leaderName: '周强', officerNames: '郑红', filledBy: '郑红' }));
      expect(filed.status).toBe(201);
      expect(filed.body.standing).toBe(dailyReportStanding(today, new Date(filed.body.filedAt), new Date()));
    });

    it('refuses bad forms with field paths, days to come, and people who are not duty staff', async () => {
      const bad = await cityDuty.post('/api/duty/daily-reports', dailyReport('2026-02-30', { incidentsReceived: -1, phone: 'abc', extra: 1 }));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['day', 'extra', 'incidentsReceived', 'phone']);
      const future = await countyDuty.post('/api/duty/daily-reports', dailyReport(addDays(beijingDay(new Date()), 2)));
      expect(future.body.errors).toEqual([expect.objectContaining({ path: 'day' })]);
      expect((await reporter.post('/api/duty/daily-reports', dailyReport(addDays(beijingDay(new Date()), -5)))).status).toBe(403);
    });
  });

  describe('领导批示', () => {
    it('is relayed by the duty office, acknowledged and carried out by the unit, and shown in the dossier with its clock', async () => {
      // given: an incident the city duty office can see (sensitive: the 越级 copy reaches it)
      const number = (await reporter.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
      const instructedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const dueAt = new Date(Date.now() + 2 * 60 * 60_000).toISOString();

      // when: relayed
      const relayed = await relayWhenVisible(cityDuty, number, { instructingLeader: '市长 李华', instructedAt, text: '全力救治伤员，查明起火原因，及时续报。', unitIds: ['lx-yjj'], dueAt });

      // then
      expect(relayed.status, JSON.stringify(relayed.body)).toBe(201);
      const id = relayed.body.id;
      expect(relayed.body.units).toEqual([expect.objectContaining({ unitId: 'lx-yjj', stage: 'relayed', clock: expect.objectContaining({ status: 'open', overdue: false }) })]);
      const { body: mine } = await countyLeader.get('/api/duty/instructions');
      expect(mine.toCarryOut.map((i: { id: string }) => i.id)).toContain(id);
      // 落实情况 before 签收 is refused; another unit cannot act
      expect((await countyLeader.post(`/api/duty/instructions/${id}/units/lx-yjj/result`, { result: '已落实' })).status).toBe(409);
      expect((await otherCountyDuty.post(`/api/duty/instructions/${id}/units/lx-yjj/acknowledgement`)).status).toBe(404);

      // when: acknowledged and carried out
      expect((await countyLeader.post(`/api/duty/instructions/${id}/units/lx-yjj/acknowledgement`)).status).toBe(200);
      expect((await countyLeader.post(`/api/duty/instructions/${id}/units/lx-yjj/acknowledgement`)).status).toBe(409);
      const done = await countyLeader.post(`/api/duty/instructions/${id}/units/lx-yjj/result`, { result: '2 名伤员已送医，起火原因系农事用火，已续报。' });

      // then
      expect(done.status).toBe(200);
      expect(done.body.units[0]).toMatchObject({ stage: 'done', acknowledgedBy: '张伟', doneBy: '张伟', clock: { status: 'met', overdue: false } });
      const { body: dossier } = await cityDuty.get(`/api/incidents/${number}`);
      expect(dossier.instructions).toEqual([expect.objectContaining({ id, instructingLeader: '市长 李华', units: [expect.objectContaining({ result: '2 名伤员已送医，起火原因系农事用火，已续报。' })] })]);
      expect(dossier.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['instruction.relayed', 'instruction.acknowledged', 'instruction.carried_out']));
      expect(dossier.trailIntegrity.intact).toBe(true);
    });

    it('tracks an overdue 落实 and refuses bad instructions with field paths', async () => {
      // given
      const number = (await reporter.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
      const past = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
      // when: the deadline has passed already (a late relay of an old instruction)
      const relayed = await relayWhenVisible(cityDuty, number, { instructingLeader: '市长 李华', instructedAt: past(180), text: '立即组织扑救', unitIds: ['lx-yjj'], dueAt: past(60) });
      // then
      expect(relayed.status, JSON.stringify(relayed.body)).toBe(201);
      expect(relayed.body.units[0].clock).toMatchObject({ status: 'open', overdue: true });
      await countyLeader.post(`/api/duty/instructions/${relayed.body.id}/units/lx-yjj/acknowledgement`);
      const late = await countyLeader.post(`/api/duty/instructions/${relayed.body.id}/units/lx-yjj/result`, { result: '已扑灭' });
      expect(late.body.units[0].clock).toMatchObject({ status: 'late', overdue: false });

      const bad = await cityDuty.post(`/api/incidents/${number}/instructions`, { instructingLeader: '', instructedAt: past(10), text: '落实', unitIds: ['lc-yjj'], dueAt: past(20) });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['instructingLeader', 'dueAt']);
      const notBelow = await cityDuty.post(`/api/incidents/${number}/instructions`, { instructingLeader: '市长 李华', instructedAt: past(10), text: '落实', unitIds: ['lx-yjj', 'yn-yjt'], dueAt: past(-60) });
      expect(notBelow.body.errors).toEqual([expect.objectContaining({ path: 'unitIds.1' })]);
      expect((await reporter.post(`/api/incidents/${number}/instructions`, { instructingLeader: '区长', instructedAt: past(10), text: '落实', unitIds: ['lx-yjj'], dueAt: past(-60) })).status).toBe(403);
    });
  });

  describe('领导批示 落实 deadline as a timer (ADR 0061)', () => {
    it('reminds the units that have not reported before the deadline, marks them when it passes, and texts their leaders and the duty office on duty', { timeout: 90_000 }, async () => {
      // given: an instruction to 临翔区 and 双江县 due in a few seconds (so its 催办 falls half-way there); 临翔区 carries it out at once, 双江县 does not
      const number = (await reporter.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
      const relayed = await relayWhenVisible(cityDuty, number, {
        instructingLeader: '市长 李华', instructedAt: new Date(Date.now() - 60_000).toISOString(), text: '立即组织排查森林火险隐患，今日内反馈。', unitIds: ['lx-yjj', 'sj-yjj'],
        dueAt: new Date(Date.now() + 12_000).toISOString(),
      });
      expect(relayed.status, JSON.stringify(relayed.body)).toBe(201);
      const id = relayed.body.id;
      expect((await countyLeader.post(`/api/duty/instructions/${id}/units/lx-yjj/acknowledgement`)).status).toBe(200);
      expect((await countyLeader.post(`/api/duty/instructions/${id}/units/lx-yjj/result`, { result: '已排查，未发现隐患。' })).status).toBe(200);

      // when: the 催办 instant and then the deadline pass
      type Dossier = { notifications: { kind: string; recipientName: string; message: string }[]; timeline: { at: string; action: string; detail: { units?: { id: string }[] } }[]; trailIntegrity: { intact: boolean } };
      let dossier: Dossier = (await cityDuty.get(`/api/incidents/${number}`)).body;
      for (let i = 0; i < 400 && !dossier.timeline.some((e) => e.action === 'instruction.overdue'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        dossier = (await cityDuty.get(`/api/incidents/${number}`)).body;
      }

      // then: before the deadline 双江县 (not 临翔区, which reported) was reminded, its leader and the city duty office's officers on duty texted
      const dueAt = Date.parse(relayed.body.dueAt);
      const reminded = dossier.timeline.find((e) => e.action === 'instruction.reminded');
      expect(reminded?.detail.units?.map((u) => u.id)).toEqual(['sj-yjj']);
      expect(Date.parse(reminded!.at)).toBeLessThan(dueAt);
      const remindTexts = dossier.notifications.filter((n) => n.kind === 'instruction_reminder');
      expect(remindTexts.map((n) => n.recipientName).sort()).toEqual(['周强', '杨帆', '黄磊'].sort());
      expect(remindTexts[0]!.message).toMatch(/^【快报催办】.*落实时限 \d{2}:\d{2} 将至，双江县应急管理局尚未反馈落实情况/);
      expect(remindTexts[0]!.message).not.toContain('临翔区');
      // and: when the deadline passes 双江县 is marked 逾期未落实 in the trail; its leader and the city duty office's officers on duty are texted, 临翔区 not
      const marked = dossier.timeline.find((e) => e.action === 'instruction.overdue');
      expect(marked?.detail.units?.map((u) => u.id)).toEqual(['sj-yjj']);
      const texted = dossier.notifications.filter((n) => n.kind === 'instruction_overdue');
      expect(texted.map((n) => n.recipientName).sort()).toEqual(['周强', '杨帆', '黄磊'].sort());
      expect(texted[0]!.message).toContain('双江县应急管理局尚未反馈落实情况');
      expect(dossier.trailIntegrity.intact).toBe(true);
      const { body: view } = await cityDuty.get('/api/duty/instructions');
      const sj = view.relayed.find((i: { id: string }) => i.id === id).units.find((u: { unitId: string }) => u.unitId === 'sj-yjj');
      expect(sj.clock).toMatchObject({ status: 'open', overdue: true });
    });
  });

  it('describes every duty route in the OpenAPI document', async () => {
    const { body } = await cityDuty.get('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/duty/roster', '/api/duty/roster/{unitId}/{day}', '/api/duty/roster-gaps', '/api/duty/daily-reports', '/api/duty/daily-reports/tally', '/api/incidents/{number}/instructions', '/api/duty/instructions']));
  });
});
