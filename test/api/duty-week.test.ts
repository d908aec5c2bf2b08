import ExcelJS from 'exceljs';
import type { RunningServer } from '@kuaibao/api';
import { addDays, dutyDayAt } from '@kuaibao/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstReport, login, type Client } from './client';
import { startTestServer } from './server';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const figures = (n: number) => ({ inspectionGroups: n, inspectors: 3 * n, enterprisesChecked: 10 * n, hazardsFound: 4 * n, hazardsRectified: 2 * n, penalties: n, suspendedUnits: n - 1 });
const dailyReport = (day: string, filledBy: string, phone: string) => ({
  day, leaderName: '张伟', officerNames: filledBy, incidentsReceived: 0, reportsSubmitted: 0, rollCall: 'answered', summary: '值班正常。', filledBy, phone,
});
/** The week of duty: 2027年春节 in the demo data (2027-02-06 Saturday … 02-12 Friday), a holiday every day. */
const WEEK = Array.from({ length: 7 }, (_, i) => addDays('2027-02-06', i));

type Notification = { kind: string; recipientName: string };

/**
 * Issue 23's "done when" over HTTP: 临沧市总值班室 runs a week of duty — rosters, the 16:00 值班信息日报 of the county duty
 * offices, the holiday's returns by 14:30 and the city's summaries by 15:00, a 领导批示 carried out by one unit and left
 * overdue by another — and its head (黄磊) reads the month's duty statistics and exports them. The API's clock is set (the
 * edge, as holiday-returns.test.ts does); the alert of a running report goes to whoever the roster has on duty now.
 */
describe('a week of duty at 临沧市总值班室, over HTTP', { timeout: 240_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  const setNow = (beijing: string) => (server.deps.now = () => at(beijing));

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lc_duty', 'lc_duty_leader', 'lx_duty', 'sj_duty', 'lx_reporter', 'sj_reporter', 'lx_leader', 'sj_leader', 'lc_yjj_duty', 'admin']) as[name] = await login(server.url, name);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => server?.close());

  it('sends a running report’s 催办 to the 带班领导 the city duty office’s roster has on duty now, not to whoever led before', async () => {
    // given: a 较大 report waiting for 核实 (its first 催办 in 临沧: 15 minutes before the phone deadline)
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'III', occurredAt: ago(15), learnedAt: ago(10) }))).body.incidentNumber;
    let phone: { dueAt: string } | undefined;
    for (let i = 0; i < 200 && !phone; i++) {
      await new Promise((r) => setTimeout(r, 100));
      phone = ((await as.admin!.get(`/api/incidents/${number}`)).body.reports[0]?.clocks ?? []).find((c: { channel: string }) => c.channel === 'phone');
    }
    const remindAt = Date.parse(phone!.dueAt) - 15 * 60_000 + 1_000;

    // and the roster of 临沧市总值班室 for the duty day the 催办 falls in (after the 08:30 handover when the test runs
    // shortly before it) puts 邓华 (临沧市应急管理局's head) in the lead instead of the demo's 黄磊
    const day = dutyDayAt(new Date(remindAt));
    const { body: roster } = await as.lc_duty!.get(`/api/duty/roster?from=${day}&to=${day}`);
    const leader = roster.candidates.leaders.find((p: { name: string }) => p.name === '邓华');
    const officer = roster.candidates.officers.find((p: { name: string }) => p.name === '杨帆');
    const saved = await as.lc_duty!.request('PUT', `/api/duty/roster/lc-duty/${day}`, { leaderUserId: leader.id, officerUserIds: [officer.id] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    // when: the server's clock reaches the 催办
    vi.useFakeTimers({ toFake: ['Date'], now: remindAt, shouldAdvanceTime: true });

    // then: the 催办 reaches the verifier and 邓华, the leader on duty now — not 黄磊
    let notifications: Notification[] = [];
    for (let i = 0; i < 300 && !notifications.some((n) => n.kind === 'reminder'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      notifications = (await as.admin!.get(`/api/incidents/${number}`)).body.notifications;
    }
    const reminded = notifications.filter((n) => n.kind === 'reminder').map((n) => n.recipientName);
    expect(reminded).toEqual(expect.arrayContaining(['王芳', '邓华']));
    expect(reminded).not.toContain('黄磊');
  });

  it('keeps the rosters, daily reports, holiday returns and an instruction for seven days; the head reads and exports the month', async () => {
    // rosters: 临沧市总值班室 and 临翔区总值班室 set the whole week (holidays); 双江县 sets none, and the city sees it flagged
    setNow('2027-02-05T10:00:00');
    const rosterOf = async (who: Client, unitId: string, leaderName: string, officerName: string) => {
      const { body } = await who.get(`/api/duty/roster?from=${WEEK[0]}&to=${WEEK[6]}`);
      const leader = body.candidates.leaders.find((p: { name: string }) => p.name === leaderName);
      const officer = body.candidates.officers.find((p: { name: string }) => p.name === officerName);
      for (const day of WEEK) {
        const saved = await who.request('PUT', `/api/duty/roster/${unitId}/${day}`, { leaderUserId: leader.id, officerUserIds: [officer.id], holiday: true, holidayName: '春节' });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      }
    };
    await rosterOf(as.lc_duty!, 'lc-duty', '黄磊', '杨帆');
    await rosterOf(as.lx_duty!, 'lx-duty', '张伟', '陈静');
    const { body: gaps } = await as.lc_duty!.get('/api/duty/roster-gaps');
    expect(gaps.gaps).toEqual([expect.objectContaining({ unitId: 'sj-duty', missing: ['2027-02-06'] })]);

    for (const [i, day] of WEEK.entries()) {
      // 临翔区 files its daily report at 15:00 every day; 双江县 on five days, one of them after 16:00, none on the 2nd and 5th
      setNow(`${day}T14:00:00`);
      expect((await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day, ...figures(1), filledBy: '李明', phone: '0883-2100001' })).status).toBe(201);
      if (i !== 3) expect((await as.sj_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day, ...figures(2), filledBy: '赵磊', phone: '0883-7700001' })).status).toBe(201);
      setNow(`${day}T14:50:00`);
      const summary = await as.lc_yjj_duty!.post('/api/holidays/lc-2027-chunjie/summaries', { day });
      expect([summary.status, summary.body.status]).toEqual([201, 'on_time']);
      setNow(`${day}T15:00:00`);
      const lx = await as.lx_duty!.post('/api/duty/daily-reports', dailyReport(day, '陈静', '0883-2100010'));
      expect([lx.status, lx.body.standing]).toEqual([201, 'on_time']);
      if (i !== 1 && i !== 4) {
        setNow(i === 6 ? `${day}T17:30:00` : `${day}T15:30:00`);
        expect((await as.sj_duty!.post('/api/duty/daily-reports', dailyReport(day, '郑红', '0883-7700010'))).status).toBe(201);
      }
      setNow(`${day}T18:00:00`);
      const { body: received } = await as.lc_duty!.get(`/api/duty/daily-reports?day=${day}`);
      for (const row of received.received as { report: { id: string } | null }[]) {
        if (row.report) expect((await as.lc_duty!.post(`/api/duty/daily-reports/${row.report.id}/receipt`)).status).toBe(204);
      }
    }
    // the holiday's last day: the overall summary
    setNow('2027-02-12T14:55:00');
    const overall = await as.lc_yjj_duty!.post('/api/holidays/lc-2027-chunjie/summaries', { day: '2027-02-12', kind: 'overall' });
    expect(overall.status, JSON.stringify(overall.body)).toBe(201);
    expect(overall.body.content.units.find((u: { unitId: string }) => u.unitId === 'sj-yjj').tally).toEqual({ on_time: 6, late: 0, missing: 1, pending: 0 });

    // a 领导批示 on the 8th: 临翔区 carries it out in time, 双江县 never does
    setNow('2027-02-08T10:00:00');
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
    const instruction = { instructingLeader: '市长 李华', instructedAt: at('2027-02-08T09:50:00').toISOString(), text: '加强节日值守，排查隐患。', unitIds: ['lx-yjj', 'sj-yjj'], dueAt: at('2027-02-08T18:00:00').toISOString() };
    let relayed = await as.lc_duty!.post(`/api/incidents/${number}/instructions`, instruction);
    for (let i = 0; relayed.status === 404 && i < 150; i++) {
      await new Promise((r) => setTimeout(r, 100));
      relayed = await as.lc_duty!.post(`/api/incidents/${number}/instructions`, instruction);
    }
    expect(relayed.status, JSON.stringify(relayed.body)).toBe(201);
    setNow('2027-02-08T17:00:00');
    expect((await as.lx_leader!.post(`/api/duty/instructions/${relayed.body.id}/units/lx-yjj/acknowledgement`)).status).toBe(200);
    expect((await as.lx_leader!.post(`/api/duty/instructions/${relayed.body.id}/units/lx-yjj/result`, { result: '已部署节日隐患排查。' })).status).toBe(200);
    expect((await as.sj_leader!.post(`/api/duty/instructions/${relayed.body.id}/units/sj-yjj/acknowledgement`)).status).toBe(200);

    // when: the head of the city duty office reads February at the end of the week
    setNow('2027-02-12T20:00:00');
    const stats = await as.lc_duty_leader!.get('/api/stats/duty?period=month&year=2027&month=2');

    // then: each county's daily reports (1–5 February, before the week, missed) and the instruction's 落实 per unit
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body).toMatchObject({ label: '2027年2月', from: '2027-02-01', to: '2027-02-28', through: '2027-02-12', unit: { id: 'lc-duty', name: '临沧市人民政府总值班室' } });
    expect(stats.body.dailyReports).toEqual([
      { unitId: 'lx-duty', unitName: '临翔区人民政府总值班室', expected: 12, onTime: 7, late: 0, missed: 5, pending: 0, onTimeRate: 7 / 12 },
      { unitId: 'sj-duty', unitName: '双江县人民政府总值班室', expected: 12, onTime: 4, late: 1, missed: 7, pending: 0, onTimeRate: 4 / 12 },
    ]);
    expect(stats.body.instructions).toEqual({
      relayed: 1,
      units: [
        { unitId: 'lx-yjj', unitName: '临翔区应急管理局', named: 1, met: 1, late: 0, overdue: 0, open: 0 },
        { unitId: 'sj-yjj', unitName: '双江县应急管理局', named: 1, met: 0, late: 0, overdue: 1, open: 0 },
      ],
    });

    // and the month's workbook carries the same counts beside the incident figures
    const response = await fetch(`${server.url}/api/stats/periodic/export?period=month&year=2027&month=2`, { headers: { cookie: as.lc_duty_leader!.cookie } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '按类别', '按等级', '按单位', '值班信息日报', '领导批示落实']);
    const daily = book.getWorksheet('值班信息日报')!;
    expect((daily.getRow(1).values as unknown[]).slice(1)).toEqual(['报送单位', '应报（天）', '按时报送', '迟报', '漏报', '待报送', '按时报送率']);
    expect((daily.getRow(3).values as unknown[]).slice(1)).toEqual(['双江县人民政府总值班室', 12, 4, 1, 7, 0, 4 / 12]);
    const instructions = book.getWorksheet('领导批示落实')!;
    expect((instructions.getRow(3).values as unknown[]).slice(1)).toEqual(['双江县应急管理局', 1, 0, 0, 1, 0]);
  });

  it('names a bad period field, and a unit with no duty work below it reads empty counts', async () => {
    const bad = await as.lc_duty_leader!.get('/api/stats/duty?period=month&year=2027&month=13');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'month' })]);
    const none = await as.lx_reporter!.get('/api/stats/duty?period=month&year=2027&month=2');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ unit: { id: 'lx-yjj' }, dailyReports: [], instructions: { relayed: 0, units: [] } });
    const { body: openapi } = await as.admin!.get('/api/openapi.json');
    expect(openapi.paths['/api/stats/duty']).toBeDefined();
  });
});
