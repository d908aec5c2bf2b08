import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { client, firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

describe('the default report flow over HTTP', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty', 'sj_reporter', 'sj_verifier', 'sj_leader', 'admin']) {
      as[name] = await login(server.url, name);
    }
  });
  afterAll(() => server.close());

  async function complete(user: Client, incidentNumber: string, kind: string, body: unknown) {
    const task = await waitForTask(user, incidentNumber, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
    return task;
  }

  it('takes a 重大 report through every step to the city duty office, returned once, with the whole timeline', async () => {
    // given: the reporter submits
    const submitted = await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'II' }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number: string = submitted.body.incidentNumber;
    expect(number).toMatch(/^KB-530902-\d{8}-\d{4}$/);

    // 越级 (000, ADR 0011): a 重大 report is also copied to the city duty office at once, which acknowledges it
    await complete(as.lc_duty!, number, 'receive_city_direct', { opinion: '已收到越级报告' });

    // when: verified (with a correction), returned by the leader, verified again, approved
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm', opinion: '经电话核实属实', corrections: { casualties: { dead: 0, injured: 3, seriouslyInjured: 0, missing: 0, trapped: 0 } } });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'return', opinion: '请补充过火面积和扑救力量' });
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm', opinion: '已补充：过火面积约 30 亩，出动扑火队员 120 人' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve', opinion: '同意报送' });

    // 双重上报: the superior department and the same-level government acknowledge, then the city duty office
    await complete(as.lc_yjj_duty!, number, 'acknowledge_superior', { opinion: '已收悉' });
    await complete(as.lx_duty!, number, 'acknowledge_government', {});
    await complete(as.lc_duty!, number, 'receive_city', { opinion: '已签收，呈报带班领导' });

    // then
    let dossier = (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
    for (let i = 0; i < 200 && dossier.reports[0].workflow?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      dossier = (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
    }
    expect(dossier).toMatchObject({ number, severity: 'II', status: 'open', reportingUnit: { name: '临翔区应急管理局' } });
    const [report] = dossier.reports;
    expect(report).toMatchObject({ kind: 'first', status: 'received', workflow: { state: 'completed', openTasks: [] } });
    expect(report.content.casualties.injured).toBe(3);
    expect(report.receipts.map((r: { role: string; acknowledgedBy: string | null }) => [r.role, r.acknowledgedBy]).sort()).toEqual([
      ['cityDutyOffice', '杨帆'],
      ['cityDutyOfficeDirect', '杨帆'],
      ['sameLevelGovernment', '陈静'],
      ['superiorDepartment', '刘洋'],
    ]);
    const steps = dossier.timeline.map((e: { action: string; actor: string; detail: { kind?: string; decision?: string } }) =>
      e.action === 'task.completed' ? `${e.actor}:${e.detail.kind}:${e.detail.decision ?? ''}` : e.action,
    );
    // the clocks' entries (resolved, reminders, 迟报, settled) are the clock scenarios' subject: here only their presence
    expect(steps).toContain('clock.resolved');
    const clockEntry = (s: string) => /^(clock|notification)\./.test(s) || s === 'report.delivered_late';
    expect(steps.filter((s: string) => s !== 'report.dispatched' && !clockEntry(s))).toEqual([
      'report.submitted',
      '杨帆:receive_city_direct:',
      '王芳:verify:confirm',
      'report.verification_confirmed', // the 越级 copy's recipient is told how 核实 ended (000, ADR 0030)
      '张伟:sign_off:return',
      '王芳:verify:confirm',
      'report.verification_confirmed',
      '张伟:sign_off:approve',
      ...steps.filter((s: string) => s.includes('acknowledge')),
      '杨帆:receive_city:',
      'report.completed',
    ]);
    expect(steps.filter((s: string) => s === 'report.dispatched')).toHaveLength(4);
    // where each step came from is the admin's to see (ADR 0025), and the trail is its intact hash chain (ADR 0026)
    expect(dossier.timeline[0]).toMatchObject({ actor: '李明', ip: null });
    expect((await as.admin!.get(`/api/incidents/${number}`)).body.timeline[0]).toMatchObject({ actor: '李明', ip: expect.any(String) });
    expect(dossier.trailIntegrity).toMatchObject({ intact: true, entries: dossier.timeline.length, broken: null });
  });

  it('keeps another county out: it can neither see nor act on the report', async () => {
    // given
    // 一般 and not sensitive: no 越级 copy, so the city duty office has nothing of it yet
    const submitted = await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区某化工厂泄漏', category: 'accident_disaster', severity: 'IV' }));
    const number: string = submitted.body.incidentNumber;
    const task = await waitForTask(as.lx_verifier!, number, 'verify');

    // when / then: 双江县 sees nothing and cannot act
    expect((await as.sj_reporter!.get(`/api/incidents/${number}`)).status).toBe(404);
    expect((await as.sj_verifier!.get(`/api/tasks/${task.key}`)).status).toBe(404);
    expect((await as.sj_verifier!.post(`/api/tasks/${task.key}/complete`, { decision: 'confirm' })).status).toBe(404);
    expect((await as.sj_verifier!.post(`/api/tasks/${task.key}/claim`)).status).toBe(404);
    const list = (await as.sj_reporter!.get('/api/incidents?pageSize=200')).body;
    expect(list.items.map((i: { number: string }) => i.number)).not.toContain(number);
    const inbox = (await as.sj_verifier!.get('/api/tasks?pageSize=200')).body;
    expect(inbox.items.map((t: { incidentNumber: string }) => t.incidentNumber)).not.toContain(number);

    // and the city duty office sees it only once it was delivered to them
    expect((await as.lc_duty!.get(`/api/incidents/${number}`)).status).toBe(404);
    expect((await as.admin!.get(`/api/incidents/${number}`)).status).toBe(200);
  });

  it('claims, refuses a second claimer and a second completion, and unclaims', async () => {
    // given
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区暴雨致山体滑坡', severity: 'IV' }))).body.incidentNumber;
    const task = await waitForTask(as.lx_verifier!, number, 'verify');
    const other = await login(server.url, 'lx_verifier');

    // when
    expect((await as.lx_verifier!.post(`/api/tasks/${task.key}/claim`)).status).toBe(204);
    const mine = (await as.lx_verifier!.get('/api/tasks?view=mine&pageSize=200')).body;
    expect(mine.items.map((t: { key: string }) => t.key)).toContain(task.key);
    expect(mine.counts.mine).toBeGreaterThanOrEqual(1);
    expect((await as.lx_verifier!.post(`/api/tasks/${task.key}/unclaim`)).status).toBe(204);
    expect((await other.post(`/api/tasks/${task.key}/complete`, { decision: 'close', opinion: '重复报送' })).status).toBe(204);

    // then
    const again = await as.lx_verifier!.post(`/api/tasks/${task.key}/complete`, { decision: 'close', opinion: '重复报送' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it('merges a correction of one casualty count into the report, and claiming a task twice changes nothing', async () => {
    // given
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区圈内乡道路交通事故', severity: 'IV' }))).body.incidentNumber;
    const task = await waitForTask(as.lx_verifier!, number, 'verify');
    const trail = async () => ((await as.lx_reporter!.get(`/api/incidents/${number}`)).body.timeline as { action: string }[]).map((e) => e.action);

    // when: claimed twice, then confirmed with only the injured corrected
    expect((await as.lx_verifier!.post(`/api/tasks/${task.key}/claim`)).status).toBe(204);
    expect((await as.lx_verifier!.post(`/api/tasks/${task.key}/claim`)).status).toBe(204);
    const claims = (await trail()).filter((a) => a === 'task.claimed');
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm', corrections: { casualties: { injured: 3 } } });

    // then: one claim in the trail; the other counts stay as reported (a partial group is a change, not a replacement)
    expect(claims).toHaveLength(1);
    const report = (await as.lx_reporter!.get(`/api/incidents/${number}`)).body.reports[0];
    expect(report.content.casualties).toEqual({ dead: 0, injured: 3, seriouslyInjured: 0, missing: 0, trapped: 0 });
  });

  it('requires a login, and answers /api/me, health and the OpenAPI document', async () => {
    const anonymous = client(server.url);
    expect((await anonymous.get('/api/tasks')).status).toBe(401);
    expect((await anonymous.get('/api/me')).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: '请先登录' });
    expect((await as.lx_leader!.get('/api/me')).body).toMatchObject({ displayName: '张伟', unitName: '临翔区应急管理局', roles: ['leader'] });
    expect((await anonymous.get('/api/health')).body).toMatchObject({ status: 'up', database: { status: 'up' }, engine: { status: 'up' } });
    const openapi = (await anonymous.get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/tasks/{key}/complete', '/api/incidents/{number}']));
    expect((await anonymous.request('GET', '/api/docs')).status).toBe(200);
  });
});
