import type { RunningServer } from '@kuaibao/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
type UnitRow = { unitId: string; incidents: number; due: number; reported: number; met: number; late: number; lateIncidents: number; missed: number; reportingRate: number | null; timelyRate: number | null; score: number };

/** 定期统计 (issue 23 item 5) over HTTP: seeded reports, and the figures the API computes from them. */
describe('periodic statistics', { timeout: 180_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  const [year, month] = beijingToday().split('-').map(Number) as [number, number];
  const thisMonth = `period=month&year=${year}&month=${month}`;

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lx_leader', 'sj_reporter', 'sj_leader', 'admin']) as[name] = await login(server.url, name);
  });
  afterAll(() => server?.close());

  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status).toBe(204);
  }
  async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    let value = await read();
    for (let i = 0; i < 300 && !done(value); i++) {
      await new Promise((r) => setTimeout(r, 50));
      value = await read();
    }
    return value;
  }

  it('counts incidents by category, grade and unit, and each unit’s 报送率, 及时率, 迟报, 漏报 and score', async () => {
    // given: 临翔 reports one 重大 fire in time and takes it through 核实 and 审签 (已报出); another, learned of 3 hours ago,
    // still waits for 核实 past both deadlines (迟报, and 漏报: its written deadline passed with nothing sent); 双江 one
    const sent: string = (await as.lx_reporter!.post('/api/reports', firstReport({ occurredAt: ago(10), learnedAt: ago(5) }))).body.incidentNumber;
    const overdue: string = (await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区南美乡道路交通事故', category: 'accident_disaster', severity: 'III', occurredAt: ago(190), learnedAt: ago(180) }))).body.incidentNumber;
    await as.sj_reporter!.post('/api/reports', firstReport({
      title: '双江县勐库镇食物中毒', category: 'public_health', severity: 'II', reportingUnitId: 'sj-yjj', place: { divisionCode: '530925', address: '勐库镇' },
      casualties: { dead: 1, injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 }, occurredAt: ago(10), learnedAt: ago(5),
    }));
    await complete(as.lx_verifier!, sent, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, sent, 'sign_off', { decision: 'approve' });
    const unitOf = async (id: string) => ((await as.admin!.get(`/api/stats/periodic?${thisMonth}`)).body.units as UnitRow[]).find((u) => u.unitId === id);
    await poll(() => unitOf('lx-yjj'), (u) => u?.reported === 1 && u.met === 2 && u.late === 2);
    expect(overdue).toBeTruthy();

    // when
    const stats = await as.admin!.get(`/api/stats/periodic?${thisMonth}`);

    // then
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body).toMatchObject({ period: 'month', label: `${year}年${month}月`, from: `${beijingToday().slice(0, 8)}01` });
    expect(stats.body.total).toEqual({ incidents: 3, dead: 1, injured: 4, missing: 0, economicLossYuan: 0 });
    const count = (list: { incidents: number }[], key: string, value: string) => list.find((x) => (x as unknown as Record<string, string>)[key] === value)?.incidents;
    expect([count(stats.body.byCategory, 'category', 'natural_disaster'), count(stats.body.byCategory, 'category', 'accident_disaster'), count(stats.body.byCategory, 'category', 'public_health'), count(stats.body.byCategory, 'category', 'social_security')]).toEqual([1, 1, 1, 0]);
    expect(stats.body.byCategory[0]).toEqual({ category: 'natural_disaster', label: '自然灾害', incidents: 1 });
    expect(stats.body.bySeverity.filter((s: { incidents: number }) => s.incidents > 0)).toEqual([{ severity: 'II', label: '重大（Ⅱ级）', incidents: 2 }, { severity: 'III', label: '较大（Ⅲ级）', incidents: 1 }]);
    expect(stats.body.byMonth).toEqual([{ month: beijingToday().slice(0, 7), incidents: 3 }]);
    const lx = stats.body.units.find((u: UnitRow) => u.unitId === 'lx-yjj');
    expect(lx).toEqual({
      unitId: 'lx-yjj', unitName: '临翔区应急管理局', incidents: 2, due: 2, reported: 1, met: 2, late: 2, lateIncidents: 1, missed: 1,
      verificationMet: 0, verificationLate: 0, reportingRate: 0.5, timelyRate: 0.5, verificationRate: null, score: 64, // 2/5 × 60 + 40
    });
    expect(stats.body.units.find((u: UnitRow) => u.unitId === 'sj-yjj')).toMatchObject({ incidents: 1, due: 1, reported: 0, late: 0, missed: 0, reportingRate: 0, timelyRate: null, score: 100 });

    // and a county leader sees its own county only; the quarter and the year count the same incidents
    const sjLeader = (await as.sj_leader!.get(`/api/stats/periodic?${thisMonth}`)).body;
    expect(sjLeader.units.map((u: UnitRow) => u.unitId)).toEqual(['sj-yjj']);
    expect(sjLeader.total.incidents).toBe(1);
    expect((await as.admin!.get(`/api/stats/periodic?period=quarter&year=${year}&quarter=${Math.ceil(month / 3)}`)).body.total.incidents).toBe(3);
    expect((await as.admin!.get(`/api/stats/periodic?period=year&year=${year}`)).body.total.incidents).toBe(3);

    // and the drill-down: the incidents list with the figure's filters names exactly those incidents
    const from = stats.body.from, to = stats.body.to;
    const drill = (await as.admin!.get(`/api/incidents?unitId=lx-yjj&category=accident_disaster&from=${from}&to=${to}&counted=1`)).body;
    expect(drill.items.map((i: { number: string }) => i.number)).toEqual([overdue]);
    expect((await as.admin!.get(`/api/incidents?unitId=lx-yjj&from=2020-01-01&to=2020-01-31`)).body.total).toBe(0);
  });

  it('exports the same figures as XLSX', async () => {
    const response = await fetch(`${server.url}/api/stats/periodic/export?${thisMonth}`, { headers: { cookie: as.admin!.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '按类别', '按等级', '按单位', '值班信息日报', '领导批示落实']);
    expect(book.getWorksheet('概况')!.getRow(2).getCell(4).value).toBe(3);
    const units = book.getWorksheet('按单位')!;
    expect(units.getRow(1).getCell(5).value).toBe('报送率');
    const lx = [2, 3].map((n) => units.getRow(n)).find((r) => r.getCell(1).value === '临翔区应急管理局')!;
    expect([2, 3, 4, 5, 7, 9, 10, 13].map((c) => lx.getCell(c).value)).toEqual([2, 2, 1, 0.5, 2, 1, 1, 64]);
  });

  it('names the missing or bad period field', async () => {
    for (const [query, path] of [['period=month&year=2026', 'month'], ['period=quarter&year=2026&quarter=5', 'quarter'], ['year=abc&month=1', 'year'], ['period=week&year=2026', 'period']] as const) {
      const response = await as.admin!.get(`/api/stats/periodic?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
    expect((await as.admin!.get('/api/stats/periodic/export?period=month&year=2026')).status).toBe(400);
    expect((await as.admin!.get('/api/incidents?from=2026-13-01')).body.errors[0].path).toBe('from');
  });

  it('describes the statistics and holiday routes in the OpenAPI document', async () => {
    const openapi = (await as.admin!.get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining([
      '/api/stats/periodic', '/api/stats/periodic/export', '/api/holidays', '/api/holidays/{id}/days/{day}', '/api/holidays/{id}/overall', '/api/holiday-returns', '/api/holidays/{id}/summaries',
    ]));
    expect(openapi.paths['/api/stats/periodic'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['period', 'year', 'month', 'quarter']));
  });
});
