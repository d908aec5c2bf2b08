import type { RunningServer } from '@kuaibao/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForClocks, waitForTask, type Client } from './client';
import { startTestServer } from './server';

type Tally = { met: number; late: number; open: number };
type Unit = { unitId: string; unitName: string; incidents: number; phone: Tally; written: Tally };
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** 报送时效统计 over HTTP: per unit, how its 首报 clocks ended, over what the user may see. */
describe('the timeliness statistics', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_leader', 'sj_reporter', 'sj_leader', 'admin']) as[name] = await login(server.url, name);
  });
  afterAll(() => server?.close());

  it('counts each unit’s incidents and its 首报 clocks met, late and running, for the units a user may see', async () => {
    // given: 临翔 reports one incident in time and one learned of 3 hours ago (both clocks already past: 迟报); 双江 one
    await as.lx_reporter!.post('/api/reports', firstReport({ occurredAt: ago(10), learnedAt: ago(5) }));
    const late: string = (await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区章驮乡山洪', occurredAt: ago(190), learnedAt: ago(180) }))).body.incidentNumber;
    await as.sj_reporter!.post('/api/reports', firstReport({ title: '双江县勐勐镇森林火灾', reportingUnitId: 'sj-yjj', place: { divisionCode: '530925', address: '勐勐镇' }, occurredAt: ago(10), learnedAt: ago(5) }));
    expect((await waitForClocks(as.lx_reporter!, late)).map((c) => c.state)).toEqual(['overdue', 'overdue']);

    // when
    const leader = await as.lx_leader!.get('/api/stats/timeliness');
    const everyone = await as.admin!.get(`/api/stats/timeliness?from=${beijingToday()}&to=${beijingToday()}`);

    // then: the 临翔 leader sees 临翔 only; the admin sees both units, the late one first, and the total
    expect(leader.status, JSON.stringify(leader.body)).toBe(200);
    expect(leader.body.to).toBe(beijingToday());
    expect(leader.body.from).toBe(`${beijingToday().slice(0, 8)}01`);
    expect(leader.body.units).toEqual([
      {
        unitId: 'lx-yjj', unitName: '临翔区应急管理局', incidents: 2, mandatory: 2, voluntary: 0, firstReportsByStatus: { verifying: 2 },
        phone: { met: 0, late: 1, open: 1 }, written: { met: 0, late: 1, open: 1 }, verification: { met: 0, late: 0, open: 0 }, stateCouncil: { met: 0, late: 0, open: 0 },
      },
    ]);
    const units = everyone.body.units as Unit[];
    expect(units.map((u) => u.unitId)).toEqual(['lx-yjj', 'sj-yjj']);
    expect(units[1]).toMatchObject({ incidents: 1, phone: { late: 0 }, written: { late: 0 } });
    expect(everyone.body.total).toEqual({
      incidents: 3,
      mandatory: 3,
      voluntary: 0,
      firstReportsByStatus: { verifying: 3 },
      phone: { met: units[0]!.phone.met + units[1]!.phone.met, late: 1, open: units[0]!.phone.open + units[1]!.phone.open },
      written: { met: units[0]!.written.met + units[1]!.written.met, late: 1, open: units[0]!.written.open + units[1]!.written.open },
      verification: { met: 0, late: 0, open: 0 }, stateCouncil: { met: 0, late: 0, open: 0 },
    });
  });

  it('001 六 scores 首报时效 and 核报情况: the answers a unit owes to 核报 requests count for it, on time or late', async () => {
    // given: the city duty office asks 双江县应急管理局 to verify an item of its incident
    const cityDuty = await login(server.url, 'lc_duty');
    const number: string = (await as.sj_reporter!.post('/api/reports', firstReport({
      title: '双江县沙河乡山体滑坡', reportingUnitId: 'sj-yjj', place: { divisionCode: '530925', address: '沙河乡' }, occurredAt: ago(10), learnedAt: ago(5),
    }))).body.incidentNumber;
    await waitForTask(cityDuty, number, 'receive_city_direct'); // the 重大 report reached the city duty office (越级), which may now ask
    const asked = await cityDuty.post(`/api/incidents/${number}/verification-requests`, { targetUnitId: 'sj-yjj', question: '请核实滑坡体是否威胁村庄' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);

    // when: its answer clocks (000 三（四）: phone 1 h, written 2 h 30 min) are running
    let unit: (Unit & { verification: Tally }) | undefined;
    for (let i = 0; i < 200 && !(unit?.verification.open === 2); i++) {
      unit = ((await as.admin!.get(`/api/stats/timeliness?from=${beijingToday()}&to=${beijingToday()}`)).body.units as (Unit & { verification: Tally })[]).find((u) => u.unitId === 'sj-yjj');
      await new Promise((r) => setTimeout(r, 50));
    }

    // then
    expect(unit?.verification).toEqual({ met: 0, late: 0, open: 2 });
  });

  it('exports the same figures as XLSX, as 定期统计 does (issue 20 capability 6)', async () => {
    // given: a report of 临翔 today, and the figures of today as JSON
    const submitted = await as.lx_reporter!.post('/api/reports', firstReport({ occurredAt: ago(10), learnedAt: ago(5) }));
    expect(submitted.status).toBe(201);
    // its clocks are recorded by the flow's worker after the answer: wait for them, or the two reads may count differently
    expect(await waitForClocks(as.lx_reporter!, submitted.body.incidentNumber)).toHaveLength(2);
    const period = `from=${beijingToday()}&to=${beijingToday()}`;
    const stats = (await as.admin!.get(`/api/stats/timeliness?${period}`)).body as { units: (Unit & { mandatory: number; voluntary: number; verification: Tally; stateCouncil: Tally })[]; total: Omit<Unit, 'unitId' | 'unitName'> & { verification: Tally } };
    expect(stats.units.length).toBeGreaterThan(0);

    // when
    const response = await fetch(`${server.url}/api/stats/timeliness/export?${period}`, { headers: { cookie: as.admin!.cookie } });

    // then: a workbook with the period, grouped headings, a row per unit as the page shows it, and the total
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="kuaibao-timeliness-${beijingToday()}-${beijingToday()}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = book.getWorksheet('时效统计')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['统计时段', `${beijingToday()} 至 ${beijingToday()}`]);
    expect([1, 2, 3, 4, 5, 9, 13, 17].map((c) => sheet.getRow(2).getCell(c).value)).toEqual(['单位', '事件数', '须报送', '自愿报送', '首报电话报告', '首报书面报告', '核报反馈', '报国务院（省级）']);
    expect(sheet.getCell('E2').isMerged && sheet.getCell('H2').isMerged && !sheet.getCell('I2').master.address.startsWith('E')).toBe(true);
    expect(row(3).slice(4, 8)).toEqual(['按时', '迟报', '进行中', '按时率']);
    const rate = (t: Tally) => (t.met + t.late === 0 ? null : t.met / (t.met + t.late));
    const figures = (t: Tally) => [t.met, t.late, t.open, rate(t)];
    stats.units.forEach((u, i) => {
      expect(Array.from({ length: 20 }, (_, c) => sheet.getRow(4 + i).getCell(c + 1).value)).toEqual([u.unitName, u.incidents, u.mandatory, u.voluntary, ...figures(u.phone), ...figures(u.written), ...figures(u.verification), ...figures(u.stateCouncil)]);
    });
    const total = row(4 + stats.units.length);
    expect(total.slice(0, 2)).toEqual(['合计', stats.total.incidents]);
    expect(sheet.getColumn(8).numFmt).toBe('0.0%');

    // and: the period is checked as the JSON's is; a unit leader's workbook holds only the units they may see
    const bad = await as.admin!.get('/api/stats/timeliness/export?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('from');
    const leader = new ExcelJS.Workbook();
    await leader.xlsx.load(Buffer.from(await (await fetch(`${server.url}/api/stats/timeliness/export?${period}`, { headers: { cookie: as.lx_leader!.cookie } })).arrayBuffer()) as never);
    const leaderSheet = leader.getWorksheet('时效统计')!;
    expect([leaderSheet.getRow(4).getCell(1).value, leaderSheet.getRow(5).getCell(1).value]).toEqual(['临翔区应急管理局', '合计']);
  });

  it('counts nothing outside the period, and refuses a bad one with the field named', async () => {
    expect((await as.admin!.get('/api/stats/timeliness?from=2020-01-01&to=2020-01-31')).body).toMatchObject({ units: [], total: { incidents: 0 } });
    const cases: [string, string][] = [
      ['from=2026-02-30', 'from'],
      ['from=2026-12-02&to=2026-12-01', 'to'],
      ['from=2024-01-01&to=2026-01-01', 'to'],
      ['from=2020-01-01', 'to'], // up to today: more than 366 days
      ['to=12/01/2026', 'to'],
    ];
    for (const [query, path] of cases) {
      const response = await as.admin!.get(`/api/stats/timeliness?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
  });
});
