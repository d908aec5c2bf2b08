import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Client } from './client';
import { startTestServer } from './server';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const figures = (n: number) => ({ inspectionGroups: n, inspectors: 3 * n, enterprisesChecked: 10 * n, hazardsFound: 4 * n, hazardsRectified: 2 * n, penalties: n, suspendedUnits: n - 1 });

/**
 * 节假日期间日信息统计 (seed 004, issue 23 item 4) over HTTP, on the demo holiday 2027年春节 (临沧: 2027-02-06 … 02-12,
 * collected by 临沧市应急管理局 from the county bureaus). The API's clock is set (the edge); everything else is real.
 */
describe('holiday returns', { timeout: 120_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  const setNow = (beijing: string) => (server.deps.now = () => at(beijing));

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'sj_reporter', 'sj_leader', 'lc_yjj_duty', 'yn_yjt_duty', 'lx_duty', 'admin']) as[name] = await login(server.url, name);
  });
  afterAll(() => server?.close());

  it('lists the holiday for the units that file, collect and receive, and for nobody else', async () => {
    const standing = async (name: string) => ((await as[name]!.get('/api/holidays')).body.items as { id: string; filerUnitId: string | null; collector: boolean; reader: boolean }[]).find((h) => h.id === 'lc-2027-chunjie');
    expect(await standing('lx_reporter')).toMatchObject({ name: '2027年春节', firstDay: '2027-02-06', lastDay: '2027-02-12', returnDue: '14:30', summaryDue: '15:00', filerUnitId: 'lx-yjj', collector: false });
    expect(await standing('lc_yjj_duty')).toMatchObject({ collector: true, reader: true, filerUnitId: null });
    expect(await standing('yn_yjt_duty')).toMatchObject({ collector: false, reader: true });
    expect(await standing('lx_duty')).toBeUndefined(); // 临翔区政府总值班室 is not a filing unit
    expect((await as.lx_duty!.get('/api/holidays/lc-2027-chunjie/days/2027-02-06')).status).toBe(404);
  });

  it('files returns against 14:30, sums the city summary and sends it by 15:00; the overall summary on the last day', async () => {
    // given: 2027-02-07 14:00 — 临翔 files yesterday's return late and today's on time; 双江 files only today's
    setNow('2027-02-07T14:00:00');
    const late = await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-06', ...figures(2), other: '检查景区 3 处', filledBy: '李明', phone: '0883-2100001' });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(late.body.status).toBe('late');
    expect((await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-07', ...figures(1), filledBy: '李明', phone: '0883-2100001' })).body.status).toBe('on_time');
    const sj = await as.sj_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-07', ...figures(3), other: '无', filledBy: '赵磊', phone: '0883-7700001' });
    expect(sj.status, JSON.stringify(sj.body)).toBe(201);

    // when: the city bureau reads yesterday and today
    const yesterday = (await as.lc_yjj_duty!.get('/api/holidays/lc-2027-chunjie/days/2027-02-06')).body;
    const today = (await as.lc_yjj_duty!.get('/api/holidays/lc-2027-chunjie/days/2027-02-07')).body;

    // then: statuses against 14:30, the totals summed from the returns
    expect(yesterday.units.map((u: { unitId: string; status: string }) => [u.unitId, u.status])).toEqual([['lx-yjj', 'late'], ['sj-yjj', 'missing']]);
    expect(yesterday.summary).toEqual({ status: 'missing', submittedAt: null, content: null });
    expect(today.returnDue).toBe('2027-02-07T06:30:00.000Z');
    expect(today.tally).toEqual({ on_time: 2, late: 0, missing: 0, pending: 0 });
    expect(today.total).toEqual({ inspectionGroups: 4, inspectors: 12, enterprisesChecked: 40, hazardsFound: 16, hazardsRectified: 8, penalties: 4, suspendedUnits: 2, other: '双江县应急管理局：无' });

    // and a filing unit sees its own row only, no totals
    const own = (await as.sj_leader!.get('/api/holidays/lc-2027-chunjie/days/2027-02-07')).body;
    expect(own.units.map((u: { unitId: string }) => u.unitId)).toEqual(['sj-yjj']);
    expect(own.total).toBeUndefined();

    // when: 双江 corrects its figures at 14:40 (still on time: judged on the first filing), and the city sends its summary at 14:50
    setNow('2027-02-07T14:40:00');
    const corrected = await as.sj_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-07', ...figures(3), hazardsRectified: 12, filledBy: '赵磊', phone: '0883-7700001' });
    expect([corrected.status, corrected.body.status]).toEqual([200, 'on_time']);
    setNow('2027-02-07T14:50:00');
    const sent = await as.lc_yjj_duty!.post('/api/holidays/lc-2027-chunjie/summaries', { day: '2027-02-07' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.status).toBe('on_time');
    expect(sent.body.content.total).toMatchObject({ hazardsRectified: 14, inspectionGroups: 4, other: '' });
    expect((await as.lc_yjj_duty!.post('/api/holidays/lc-2027-chunjie/summaries', { day: '2027-02-07' })).status).toBe(409);

    // then: the province reads the summary as sent
    const province = (await as.yn_yjt_duty!.get('/api/holidays/lc-2027-chunjie/days/2027-02-07')).body;
    expect(province.summary).toMatchObject({ status: 'on_time', submittedAt: '2027-02-07T06:50:00.000Z' });

    // when: the last day, the overall summary covers every day so far
    setNow('2027-02-12T14:55:00');
    expect((await as.lc_yjj_duty!.post('/api/holidays/lc-2027-chunjie/summaries', { day: '2027-02-11', kind: 'overall' })).body.errors).toEqual([{ path: 'kind', message: '综合情况只能在 2027-02-12 报送' }]);
    const overall = await as.lc_yjj_duty!.post('/api/holidays/lc-2027-chunjie/summaries', { day: '2027-02-12', kind: 'overall' });
    expect(overall.status, JSON.stringify(overall.body)).toBe(201);
    const lx = overall.body.content.units.find((u: { unitId: string }) => u.unitId === 'lx-yjj');
    expect(lx).toMatchObject({ inspectionGroups: 3, hazardsFound: 12, tally: { on_time: 1, late: 1, missing: 5, pending: 0 }, other: '2027-02-06：检查景区 3 处' });
    expect(overall.body.content.total).toMatchObject({ inspectionGroups: 6, enterprisesChecked: 60, hazardsRectified: 18 });
  });

  it('refuses bad figures with field paths, other units, and days not begun, writing nothing', async () => {
    setNow('2027-02-08T10:00:00');
    const bad = await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-08', ...figures(1), penalties: -1, phone: '12', filledBy: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['filledBy', 'penalties', 'phone']);
    const cross = await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-08', ...figures(1), hazardsRectified: 9, filledBy: '李明', phone: '0883-2100001' });
    expect(cross.body.errors).toEqual([{ path: 'hazardsRectified', message: '隐患整改数量不能多于发现隐患数量' }]);
    const future = await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-09', ...figures(1), filledBy: '李明', phone: '0883-2100001' });
    expect([future.status, future.body.errors[0].path]).toEqual([400, 'day']);
    const other = await as.lx_reporter!.post('/api/holiday-returns', { holidayId: 'lc-2027-chunjie', day: '2027-02-08', unitId: 'sj-yjj', ...figures(1), filledBy: '李明', phone: '0883-2100001' });
    expect(other.status).toBe(403);
    expect(other.body.detail).toMatch(/只有本节假日的填报单位/);
    expect((await as.lx_reporter!.post('/api/holidays/lc-2027-chunjie/summaries', { day: '2027-02-08' })).status).toBe(403);
    const day = (await as.lc_yjj_duty!.get('/api/holidays/lc-2027-chunjie/days/2027-02-08')).body;
    expect(day.units.every((u: { return: unknown }) => u.return === null)).toBe(true);
    expect((await as.lc_yjj_duty!.get('/api/holidays/lc-2027-chunjie/days/2027-03-01')).body.errors[0].path).toBe('day');
  });

  it('lets an admin add a holiday as data, with the deadlines of seed 004 by default', async () => {
    const created = await as.admin!.post('/api/holidays', { id: 'lc-2027-qingming', name: '2027年清明节', collectorUnitId: 'lc-yjj', firstDay: '2027-04-03', lastDay: '2027-04-05' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ returnDue: '14:30', summaryDue: '15:00' });
    expect((await as.admin!.post('/api/holidays', { id: 'lc-2027-qingming', name: '重复', collectorUnitId: 'lc-yjj', firstDay: '2027-04-03', lastDay: '2027-04-05' })).status).toBe(409);
    expect((await as.admin!.post('/api/holidays', { id: 'X', name: '', collectorUnitId: 'lc-yjj', firstDay: '2027-04-05', lastDay: '2027-04-03', returnDue: '25:00' })).body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['id', 'lastDay', 'name', 'returnDue']);
    expect((await as.lc_yjj_duty!.post('/api/holidays', { id: 'lc-x', name: '假日', collectorUnitId: 'lc-yjj', firstDay: '2027-04-03', lastDay: '2027-04-05' })).status).toBe(403);
  });
});
