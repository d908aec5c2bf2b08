import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';
import { seedXuchang, xuchangReport } from './xuchang';

/**
 * Seed 004 四: "市局向省厅报告突发事件信息、敏感信息必须经市政府总值班室核准后方可上报，坚决杜绝突发事件信息倒流现象发生"
 * — 突发事件信息 is every report of an incident, 首报, 续报 and 终报 alike (ADR 0030). Issue 19 item 2: a 许昌 city bureau's 续报
 * and 终报 reached the province without the city duty office's approval (follow-up-report.bpmn had no such step).
 */
describe('004 no 信息倒流 for 续报 and 终报, over HTTP', { timeout: 180_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    await seedXuchang(server);
    for (const name of ['xc_reporter', 'xc_verifier', 'xc_leader', 'xc_duty', 'hn_yjt_duty']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
  }
  const provinceTasks = async (number: string) =>
    ((await as.hn_yjt_duty!.get('/api/tasks?kind=acknowledge_superior&pageSize=200')).body.items as { incidentNumber: string; reportKind: string }[]).filter((t) => t.incidentNumber === number);
  const provinceRecipients = async (number: string) =>
    ((await as.xc_reporter!.get(`/api/incidents/${number}`)).body.reports as { kind: string; receipts: { role: string }[] }[]).map((r) => [r.kind, r.receipts.filter((x) => x.role === 'superiorDepartment').length]);

  /** Each report's whole chain: approval before the province, the three receipts. */
  async function deliver(number: string) {
    await complete(as.xc_duty!, number, 'approve_upward', { decision: 'approve', opinion: '同意报省厅' });
    await complete(as.hn_yjt_duty!, number, 'acknowledge_superior');
    await complete(as.xc_duty!, number, 'acknowledge_government');
    await complete(as.xc_duty!, number, 'receive_city');
  }

  it('004 四: the 续报 and the 终报 wait for the city duty office’s approval before the provincial department receives them', async () => {
    // given: a 首报, delivered (approved by the city duty office first)
    const created = await as.xc_reporter!.post('/api/reports', firstReport({ ...xuchangReport, severity: 'IV' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;
    await complete(as.xc_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.xc_leader!, number, 'sign_off', { decision: 'approve' });
    await deliver(number);

    // when: a 续报 is signed off
    const followUp = await as.xc_reporter!.post(`/api/incidents/${number}/reports`, { kind: 'follow_up', progress: '明火已扑灭，1 人轻伤送医。' });
    expect(followUp.status, JSON.stringify(followUp.body)).toBe(201);
    await complete(as.xc_leader!, number, 'sign_off', { decision: 'approve' });

    // then: the same-level government has it, the province does not until the city duty office approves
    const approval = await waitForTask(as.xc_duty!, number, 'approve_upward');
    expect(approval).toMatchObject({ reportKind: 'follow_up' });
    await waitForTask(as.xc_duty!, number, 'acknowledge_government');
    await new Promise((r) => setTimeout(r, 500)); // give a premature dispatch the time to show
    expect(await provinceTasks(number)).toEqual([]);
    expect(await provinceRecipients(number)).toEqual([['first', 1], ['follow_up', 0]]);
    await deliver(number);
    expect(await provinceRecipients(number)).toEqual([['first', 1], ['follow_up', 1]]);

    // and the 终报 the same way
    const final = await as.xc_reporter!.post(`/api/incidents/${number}/reports`, {
      kind: 'final', endedAt: new Date(Date.now() - 60_000).toISOString(), cause: '电气线路老化。', measures: '消防救援 3 车 15 人处置。', economicLossYuan: 80_000,
    });
    expect(final.status, JSON.stringify(final.body)).toBe(201);
    await complete(as.xc_leader!, number, 'sign_off', { decision: 'approve' });
    expect(await waitForTask(as.xc_duty!, number, 'approve_upward')).toMatchObject({ reportKind: 'final' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await provinceTasks(number)).toEqual([]);
    await deliver(number);
    const trail = (await as.xc_reporter!.get(`/api/incidents/${number}`)).body.timeline as { action: string; detail: { clearedBy?: string } }[];
    expect(trail.filter((e) => e.action === 'report.upward_cleared').map((e) => e.detail.clearedBy)).toEqual(['city_duty_office', 'city_duty_office', 'city_duty_office']);
  });
});
