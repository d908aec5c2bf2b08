import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/**
 * Issue 19 item 8: a report's status is the step it has reached — 核实中, 审签中, 已报出, 已签收, 已撤销 — the same code
 * and label in the dossier and the inbox (packages/domain/src/report-status.ts). Before, a 首报 waiting for 审签 still
 * said `verifying`, one sent out said `dispatching` and one found not to be an incident `closed`.
 */
describe('report status per step over HTTP', { timeout: 120_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  const statusOf = async (number: string) => {
    const { body } = await as.lx_reporter!.get(`/api/incidents/${number}`);
    return { status: body.reports[0].status as string, label: body.reports[0].statusLabel as string };
  };
  async function statusBecomes(number: string, status: string) {
    for (let i = 0; i < 300 && (await statusOf(number)).status !== status; i++) await new Promise((r) => setTimeout(r, 50));
    return statusOf(number);
  }
  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status).toBe(204);
  }

  it('核实中 → 审签中 → 已报出 → 已签收, in the dossier and on the inbox row', async () => {
    // given: an ordinary 一般 首报 (no 越级 copy)
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber;
    expect(await statusOf(number)).toEqual({ status: 'verifying', label: '核实中' });
    const verifyRow = await waitForTask(as.lx_verifier!, number, 'verify');
    expect(verifyRow).toMatchObject({ reportStatus: 'verifying', reportStatusLabel: '核实中' });

    // when: verified — the report waits for 审签
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });

    // then
    expect(await statusOf(number)).toEqual({ status: 'signing', label: '审签中' });
    expect(await waitForTask(as.lx_leader!, number, 'sign_off')).toMatchObject({ reportStatus: 'signing', reportStatusLabel: '审签中' });
    const english = (await as.lx_reporter!.get(`/api/incidents/${number}?lang=en`)).body.reports[0];
    expect(english.statusLabel).toBe('Awaiting sign-off');

    // when: returned to 核实, it is 核实中 again; signed off, it is 已报出 until the city duty office receives it
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'return', opinion: '伤亡数字再核实' });
    expect(await statusOf(number)).toEqual({ status: 'verifying', label: '核实中' });
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    expect(await statusBecomes(number, 'reported')).toEqual({ status: 'reported', label: '已报出' });
    expect(await waitForTask(as.lc_yjj_duty!, number, 'acknowledge_superior')).toMatchObject({ reportStatus: 'reported', reportStatusLabel: '已报出' });
    await complete(as.lc_yjj_duty!, number, 'acknowledge_superior');
    await complete(as.lx_duty!, number, 'acknowledge_government');
    await complete(as.lc_duty!, number, 'receive_city');
    expect(await statusBecomes(number, 'received')).toEqual({ status: 'received', label: '已签收' });
  });

  it('已撤销 when 核实 finds no incident', async () => {
    // given
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber;

    // when
    await complete(as.lx_verifier!, number, 'verify', { decision: 'close', opinion: '经现场核实，系计划烧除，不属突发事件' });

    // then
    expect(await statusBecomes(number, 'revoked')).toEqual({ status: 'revoked', label: '已撤销' });
  });
});
