import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** 先电话后书面 over HTTP: the phone report opens the dossier, the written one follows, both clocks shown. */
describe('phone first, then the written report, with the clocks in the inbox and the dossier', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lc_duty', 'lx_reporter', 'lx_verifier']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  const phoneCall = (overrides: Record<string, unknown> = {}) => ({
    callerName: '李明', callerPhone: '0883-2100001', callerUnitId: 'lx-yjj', calledAt: minutesAgo(5),
    summary: '马台乡帮东村后山发生森林火灾，2 人轻伤，正在扑救。', category: 'natural_disaster', severity: 'II',
    occurredAt: minutesAgo(25), learnedAt: minutesAgo(20), ...overrides,
  });

  it('stores every jurisdiction policy when the server starts', async () => {
    const rows = await server.deps.db.prisma.jurisdictionPolicy.findMany({ orderBy: { code: 'asc' } });
    expect(rows.map((r) => `${r.code} v${r.version}`)).toEqual(['140000 v2', '320585 v2', '411000 v2', '530900 v1', 'city-party-committee-003 v1', 'default v2']);
  });

  it('lets only duty officers record a phone report, validates it, and keeps callers within the duty office’s range', async () => {
    expect((await as.lx_reporter!.post('/api/incidents/phone-reports', phoneCall())).status).toBe(403);
    const invalid = await as.lc_duty!.post('/api/incidents/phone-reports', phoneCall({ callerName: '', calledAt: 'yesterday' }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['calledAt', 'callerName']);
    const outside = await as.lc_duty!.post('/api/incidents/phone-reports', phoneCall({ callerUnitId: 'yn-yjt' }));
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([{ path: 'callerUnitId', message: expect.stringContaining('受理范围') }]);
  });

  it('keeps a department’s duty officer to its own line: 临沧市应急管理局 takes 双江县应急管理局’s call, not 双江县森林公安局’s (it was 201)', async () => {
    // given
    const departmentDuty = await login(server.url, 'lc_yjj_duty');
    const before = await server.deps.db.prisma.incident.count();

    // when
    const otherLine = await departmentDuty.post('/api/incidents/phone-reports', phoneCall({ callerUnitId: 'sj-slga' }));
    const ownLine = await departmentDuty.post('/api/incidents/phone-reports', phoneCall({ callerUnitId: 'sj-yjj' }));

    // then
    expect(otherLine.status, JSON.stringify(otherLine.body)).toBe(400);
    expect(otherLine.body.errors).toEqual([{ path: 'callerUnitId', message: expect.stringContaining('受理范围') }]);
    expect(ownLine.status, JSON.stringify(ownLine.body)).toBe(201);
    expect(await server.deps.db.prisma.incident.count()).toBe(before + 1);
  });

  it('opens the dossier with the phone report; the written report follows into it; the inbox and dossier show the clocks', async () => {
    // given: 临翔区应急管理局 phones the city duty office 5 minutes ago (learned 20 minutes ago: phone due in 10)
    const call = phoneCall();
    const phoned = await as.lc_duty!.post('/api/incidents/phone-reports', call);
    expect(phoned.status, JSON.stringify(phoned.body)).toBe(201);
    const number: string = phoned.body.incidentNumber;
    expect(number).toMatch(/^KB-530902-/);

    // when: the reporter sends the written 首报 with the incident number
    const report = firstReport({ incidentNumber: number, occurredAt: call.occurredAt, learnedAt: call.learnedAt });
    const written = await as.lx_reporter!.post('/api/reports', report);
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body.incidentNumber).toBe(number);
    expect((await as.lx_reporter!.post('/api/reports', report)).status).toBe(409);

    // then: the verifier's inbox shows the written deadline (learned + 1 h) with its rule and policy
    const item = await waitForTask(as.lx_verifier!, number, 'verify');
    const { body: inbox } = await as.lx_verifier!.get('/api/tasks?kind=verify');
    const row = inbox.items.find((t: { key: string }) => t.key === item.key);
    const writtenDue = new Date(Date.parse(call.learnedAt) + 60 * 60_000).toISOString();
    expect(row).toMatchObject({ dueDate: writtenDue, deadline: { dueAt: writtenDue, overdue: false, channel: 'written', policyCode: '530900', policyVersion: 1 } });
    expect(row.deadline.rule).toMatch(/^000 三（二）二/);
    expect(row.deadline.remainingMs).toBeGreaterThan(35 * 60_000);
    const { body: task } = await as.lx_verifier!.get(`/api/tasks/${item.key}`);
    expect(task.deadline).toMatchObject({ dueAt: writtenDue, channel: 'written', policyVersion: 1 });

    // and the dossier (the city duty office sees it too): phone report first, phone clock met by it, written open
    const { body: dossier, status } = await as.lc_duty!.get(`/api/incidents/${number}`);
    expect(status).toBe(200);
    expect(dossier.reports.map((r: { kind: string }) => r.kind)).toEqual(['phone', 'first']);
    expect(dossier.reports[0].content).toMatchObject({ callerName: '李明', callerUnitName: '临翔区应急管理局', calledAt: call.calledAt, receivedBy: '杨帆' });
    expect(dossier.reports[1].policy).toEqual({ code: '530900', version: 1 });
    expect(dossier.reports[1].clocks).toMatchObject([
      { channel: 'phone', state: 'met', actualAt: new Date(call.calledAt).toISOString(), metBy: 'phone_report', within: 'PT30M', policyCode: '530900', remainingMs: null },
      { channel: 'written', state: 'open', dueAt: writtenDue, actualAt: null, within: 'PT1H' },
    ]);
    expect(dossier.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['report.phoned', 'report.submitted', 'clock.resolved', 'clock.met']));
  });
});
