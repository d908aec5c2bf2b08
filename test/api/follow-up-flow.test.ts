import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

type Dossier = {
  status: string;
  severity: string;
  closedAt: string | null;
  reports: { id: string; kind: string; status: string; content: Record<string, any>; changes: { field: string; label: string; before: unknown; after: unknown }[] | null; receipts: { role: string; unitName: string; receiverUnitName: string; acknowledgedBy: string | null }[]; workflow?: { state: string } }[];
  timeline: { action: string; actor: string; reportId: string | null; detail: Record<string, unknown> }[];
};

// Each test walks whole flows over HTTP: more than the default 30 s on a loaded 2-core machine.
describe('续报 and 终报 over HTTP', { timeout: 120_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty', 'sj_reporter']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
  }
  /** The three receipts (签收) of every report of the incident now dispatched, `times` reports at once. */
  async function acknowledgeAll(number: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await complete(as.lc_yjj_duty!, number, 'acknowledge_superior', { opinion: '已收悉' });
      await complete(as.lx_duty!, number, 'acknowledge_government');
    }
    for (let i = 0; i < times; i++) await complete(as.lc_duty!, number, 'receive_city');
  }
  async function dossierWhen(number: string, done: (d: Dossier) => boolean, lang = 'zh-CN'): Promise<Dossier> {
    for (let i = 0; ; i++) {
      const dossier: Dossier = (await as.lx_reporter!.get(`/api/incidents/${number}?lang=${lang}`)).body;
      if (done(dossier) || i > 300) return dossier;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const allDelivered = (d: Dossier) => d.reports.every((r) => r.workflow?.state === 'completed');
  const later = (number: string, body: unknown, user = as.lx_reporter!) => user.post(`/api/incidents/${number}/reports`, body);
  const finalReport = (overrides: Record<string, unknown> = {}) => ({
    kind: 'final',
    endedAt: new Date(Date.now() - 60_000).toISOString(),
    progress: '明火已全部扑灭，余火清理完毕，转入看守阶段。',
    cause: '村民上坟烧纸引发。',
    measures: '出动扑火队员 120 人、森林消防车 6 辆，转移群众 35 人。',
    economicLossYuan: 260_000,
    ...overrides,
  });

  it('carries a 续报 with only what changed to the same recipients, shows the difference, and closes the incident with the 终报', async () => {
    // given: a 首报, not yet signed off — no 续报 before it leaves the unit
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport())).body.incidentNumber;
    await complete(as.lc_duty!, number, 'receive_city_direct'); // a 重大 首报 reaches the city at once too (越级, ADR 0011)
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    const early = await later(number, { kind: 'follow_up', progress: '火势扩大' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining('首报尚未') });

    // when: signed off; while it is being delivered the reporter files a 续报 with what changed
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await waitForTask(as.lc_yjj_duty!, number, 'acknowledge_superior');
    const followUp = await later(number, {
      kind: 'follow_up',
      progress: '16时许火势得到控制，1 名扑火队员重伤送医。',
      casualties: { injured: 3, seriouslyInjured: 1 },
      severity: 'III',
    });
    expect(followUp.status, JSON.stringify(followUp.body)).toBe(201);
    expect(followUp.body).toMatchObject({ incidentNumber: number, kind: 'follow_up', sequence: 1 });

    // a second one must wait until the leader has signed this one off
    expect((await later(number, { kind: 'follow_up', progress: '又有新情况' })).status).toBe(409);
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve', opinion: '同意续报' });
    await acknowledgeAll(number, 2);

    // then: the dossier lists both reports in order, the 续报 with its difference and the same recipients
    const dossier = await dossierWhen(number, allDelivered);
    expect(dossier).toMatchObject({ status: 'open', severity: 'III' });
    const [first, second] = dossier.reports;
    expect(second).toMatchObject({ id: followUp.body.reportId, kind: 'follow_up', status: 'received' });
    expect(second!.changes).toEqual([
      { field: 'severity', label: '事件等级', before: 'II', after: 'III' },
      { field: 'casualties.injured', label: '受伤人数', before: 2, after: 3 },
      { field: 'casualties.seriouslyInjured', label: '重伤人数', before: 0, after: 1 },
      { field: 'progress', label: '最新进展', before: null, after: '16时许火势得到控制，1 名扑火队员重伤送医。' },
    ]);
    expect(second!.content).toMatchObject({ kind: 'follow_up', incidentNumber: number, title: first!.content.title, casualties: { dead: 0, injured: 3, seriouslyInjured: 1 } });
    const receivers = (r: Dossier['reports'][number]) => r.receipts.map((x) => `${x.role}:${x.unitName}:${x.receiverUnitName}:${x.acknowledgedBy}`).sort();
    // the same level-by-level recipients; the 越级 copy went with the 首报 only
    const levelByLevel = (r: Dossier['reports'][number]) => receivers(r).filter((x) => !x.startsWith('cityDutyOfficeDirect:'));
    expect(receivers(second!)).toEqual(levelByLevel(first!));
    expect(receivers(second!)).toHaveLength(3);
    const submitted = dossier.timeline.find((e) => e.action === 'report.submitted' && e.reportId === second!.id);
    expect(submitted).toMatchObject({ actor: '李明', detail: { kind: 'follow_up', previousReportId: first!.id, changedFields: ['severity', 'casualties.injured', 'casualties.seriouslyInjured', 'progress'] } });
    expect(dossier.timeline.filter((e) => e.reportId === second!.id && e.action === 'task.completed')).toHaveLength(4);
    const english = await dossierWhen(number, () => true, 'en');
    expect(english.reports[1]!.changes!.map((c) => c.label)).toEqual(['Severity', 'Injured', 'Seriously injured', 'Latest progress']);

    // when: a 终报 lacking what a 终报 requires is refused and nothing is written
    const reportsBefore = await server.deps.db.prisma.incidentReport.count({ where: { incidentNumber: number } });
    const incomplete = await later(number, finalReport({ cause: undefined, economicLossYuan: undefined }));
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['cause', 'economicLossYuan']);
    expect(await server.deps.db.prisma.incidentReport.count({ where: { incidentNumber: number } })).toBe(reportsBefore);

    // the complete 终报 goes the same way and closes the incident once received
    const final = await later(number, finalReport());
    expect(final.status, JSON.stringify(final.body)).toBe(201);
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await acknowledgeAll(number);
    const closed = await dossierWhen(number, (d) => d.status === 'closed');
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(closed.reports.map((r) => [r.kind, r.status])).toEqual([['first', 'received'], ['follow_up', 'received'], ['final', 'concluded']]);
    expect(closed.reports[2]!.changes!.map((c) => c.field)).toEqual(['endedAt', 'economicLossYuan', 'cause', 'measures', 'progress']);
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'incident.closed', reportId: final.body.reportId });

    // then: nothing more after a 终报 on a closed incident
    expect((await later(number, finalReport())).status).toBe(409);
    expect((await later(number, { kind: 'follow_up', progress: '补充情况' })).body).toMatchObject({ status: 409, detail: '事件已终结，不能再续报或终报' });
  });

  it('refuses a second 终报 while the first is in flight, and lets a returned one be filed again', async () => {
    // given: a delivered 首报
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区博尚镇山体滑坡' }))).body.incidentNumber;
    await complete(as.lc_duty!, number, 'receive_city_direct'); // 重大: the 越级 copy (ADR 0011)
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await acknowledgeAll(number);
    await dossierWhen(number, allDelivered);

    // when: a 终报, returned by the leader
    expect((await later(number, finalReport())).status).toBe(201);
    expect((await later(number, finalReport())).status).toBe(409);
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'return', opinion: '经济损失请以财政核定数为准' });
    const returned = await dossierWhen(number, (d) => d.reports[1]?.status === 'returned');

    // then: the returned one stays in the dossier; a new 终报 is compared with the 首报, not with it
    expect(returned.timeline.find((e) => e.action === 'report.returned')).toMatchObject({ detail: { opinion: '经济损失请以财政核定数为准' } });
    const again = await later(number, finalReport({ economicLossYuan: 240_000 }));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.sequence).toBe(2);
    const dossier = await dossierWhen(number, () => true);
    expect(dossier.reports[2]!.changes!.find((c) => c.field === 'economicLossYuan')).toEqual({ field: 'economicLossYuan', label: '直接经济损失（元）', before: null, after: 240_000 });
    expect((await later(number, { kind: 'follow_up', progress: '补充' })).body).toMatchObject({ status: 409, detail: '上一份续报或终报尚在审签中，请待审签后再报' });
  });

  it('lets only the reporting unit report: another county cannot see or submit, a recipient cannot submit', async () => {
    // given: a delivered 首报 of 临翔区
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区某加油站火灾' }))).body.incidentNumber;
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await waitForTask(as.lc_yjj_duty!, number, 'acknowledge_superior');
    const body = { kind: 'follow_up', progress: '火已扑灭' };

    // then
    expect((await as.sj_reporter!.get(`/api/incidents/${number}`)).status).toBe(404);
    expect((await later(number, body, as.sj_reporter!)).status).toBe(404);
    expect((await as.lc_yjj_duty!.get(`/api/incidents/${number}`)).status).toBe(200);
    expect((await later(number, body, as.lc_yjj_duty!)).status).toBe(403);
    expect((await later(number, body, as.lx_verifier!)).status).toBe(403);
    expect((await later('KB-530902-20200101-9999', body)).status).toBe(404);
    expect(await server.deps.db.prisma.incidentReport.count({ where: { incidentNumber: number } })).toBe(1);
  });
});
