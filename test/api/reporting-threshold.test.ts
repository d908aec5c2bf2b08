import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, type Client } from './client';
import { startTestServer } from './server';

const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * Issue 19 item 5, seed 003 第一篇 (重要紧急信息报送范围): a 首报 carries its incident type and the sensitive place /
 * special person flags; at submission the API says whether the incident meets the reporting threshold, citing the
 * rule; a report below it is accepted and marked voluntary; the statistics count mandatory and voluntary apart.
 * Before, `incidentType` was refused as an unknown key and nothing called mustReport.
 */
describe('reporting thresholds (seed 003) over HTTP', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let reporter: Client;
  let admin: Client;
  beforeAll(async () => {
    server = await startTestServer();
    reporter = await login(server.url, 'lx_reporter');
    admin = await login(server.url, 'admin');
  });
  afterAll(() => server.close());

  const noCasualties = { dead: 0, injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 };
  const roadAccident = (overrides: Record<string, unknown>) =>
    firstReport({ title: '临翔区南屏路两车追尾', category: 'accident_disaster', severity: 'ungraded', incidentType: 'road_traffic_accident', casualties: noCasualties, ...overrides });

  it('003 第一篇 三、2: a road accident with 1 dead meets the threshold; the answer and the dossier cite the rule', async () => {
    // when
    const response = await reporter.post('/api/reports', roadAccident({ casualties: { ...noCasualties, dead: 1 } }));

    // then
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.threshold).toMatchObject({
      required: true,
      reasons: [{ code: 'threshold', source: '003 第一篇 三、2', metric: 'dead', value: 1, min: 1, text: '道路交通事故：死亡人数为1，达到报送标准（≥1）' }],
      rule: expect.stringContaining('003 第一篇 三、2'),
    });
    const { body: dossier } = await reporter.get(`/api/incidents/${response.body.incidentNumber}?lang=en`);
    expect(dossier.threshold).toMatchObject({ required: true, rule: expect.stringContaining('Road traffic accident: Dead is 1') });
    expect(dossier.reports[0].content.incidentType).toBe('road_traffic_accident');
  });

  it('003 第一篇 三、2: below the threshold the report is accepted and marked voluntary, citing the standard it stays below', async () => {
    const response = await reporter.post('/api/reports', roadAccident({ casualties: { ...noCasualties, injured: 2 }, economicLossYuan: 30_000 }));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.threshold).toEqual({ required: false, reasons: [], rule: expect.stringMatching(/^未达到报送标准（道路交通事故（003 第一篇 三、2））/) });
    expect((await reporter.get(`/api/incidents/${response.body.incidentNumber}`)).body.threshold).toMatchObject({ required: false });
  });

  it('003 第一篇 (closing paragraph): a sensitive place or special persons make even a small incident mandatory', async () => {
    const response = await reporter.post('/api/reports', roadAccident({ sensitivePlace: true, specialPersons: true }));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.threshold.required).toBe(true);
    expect(response.body.threshold.reasons.map((r: { code: string }) => r.code)).toEqual(['sensitive_place', 'special_persons']);
  });

  it('refuses an unknown incident type with its path', async () => {
    const response = await reporter.post('/api/reports', roadAccident({ incidentType: 'meteor' }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'incidentType' })]);
  });

  it('the statistics count mandatory and voluntary reports apart', async () => {
    const { body } = await admin.get(`/api/stats/timeliness?from=${beijingToday()}&to=${beijingToday()}`);
    expect(body.units).toEqual([expect.objectContaining({ unitId: 'lx-yjj', incidents: 3, mandatory: 2, voluntary: 1 })]);
    expect(body.total).toMatchObject({ mandatory: 2, voluntary: 1 });
  });
});
