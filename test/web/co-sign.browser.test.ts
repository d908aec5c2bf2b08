import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { choose, inboxRow } from './pages';

/** 加签 in Chromium (issue 20, docs/adr/0041): the leader adds the superior department's leader before them at 审签. */
describe('加签 in the browser', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('the leader adds a co-signer before them; the co-signer approves from the task page; 审签 comes back to the leader', { timeout: 180_000 }, async () => {
    // given: a 首报 confirmed by 核实, at 审签
    const reporterApi = await login(web.server.url, 'lx_reporter');
    const verifierApi = await login(web.server.url, 'lx_verifier');
    const leaderApi = await login(web.server.url, 'lx_leader');
    const submitted = await reporterApi.post('/api/reports', firstReport({ severity: 'IV', title: '加签测试：森林火灾' }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number = submitted.body.incidentNumber as string;
    const verify = await waitForTask(verifierApi, number, 'verify');
    // (no 加签 at 核实: the flow allows it only at the sign-off)
    const verifier = await pageOf('lx_verifier');
    await verifier.goto(`${web.server.url}/tasks/${verify.key}`);
    await verifier.getByTestId('decision-form').waitFor();
    await verifier.getByTestId('transfer').waitFor();
    expect(await verifier.getByTestId('co-sign').count()).toBe(0);
    expect((await verifierApi.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm' })).status).toBe(204);
    const signOff = await waitForTask(leaderApi, number, 'sign_off');

    // when: the leader opens 加签, sends it empty, then picks 邓华 before them with a reason
    const leader = await pageOf('lx_leader');
    await leader.goto(`${web.server.url}/tasks/${signOff.key}`);
    await leader.getByTestId('co-sign').click();
    await leader.getByTestId('co-sign-ok').click();
    await leader.getByTestId('co-sign-modal').getByText('请选择前加签或后加签').waitFor();
    await choose(leader, leader.getByTestId('co-sign-to'), '邓华');
    await leader.getByTestId('co-sign-before').click();
    await leader.getByTestId('co-sign-reason').fill('涉及森林防火，请市应急管理局先行审签');
    await leader.getByTestId('co-sign-ok').click();

    // then: the leader's task is done; 邓华 finds the 加签审签 in the inbox, with the leader's reason among the opinions
    await leader.getByText('已加签：邓华').waitFor();
    const coSigner = await pageOf('lc_yjj_leader');
    const row = inboxRow(coSigner, number, 'sector_sign_off');
    await row.waitFor();
    const coSignTask = await waitForTask(await login(web.server.url, 'lc_yjj_leader'), number, 'sector_sign_off');
    await coSigner.goto(`${web.server.url}/tasks/${coSignTask.key}`);
    await coSigner.getByTestId('task-page').waitFor();
    await coSigner.getByText('加签审签：本报告的审签人请您加签。同意，或退回核实并填写意见。').waitFor();
    const opinions = coSigner.getByTestId('opinions');
    await opinions.getByText('涉及森林防火，请市应急管理局先行审签').waitFor();
    expect(await opinions.innerText()).toContain('前加签');

    // when: 邓华 approves
    await coSigner.getByTestId('decision-form').getByText('同意报送').click();
    await coSigner.getByTestId('opinion').fill('同意，请区局按程序报送');
    await coSigner.getByTestId('complete').click();

    // then: 审签 is back with 张伟, held by him
    await expect.poll(async () => (await leaderApi.get('/api/tasks?kind=sign_off&pageSize=200')).body.items.find((t: { incidentNumber: string; key: string }) => t.incidentNumber === number && t.key !== signOff.key)?.assignee ?? null, { timeout: 30_000 }).toBe('lx_leader');
    const back = inboxRow(leader, number, 'sign_off');
    await leader.goto(`${web.server.url}/inbox`);
    await back.waitFor();
    expect(await back.innerText()).toContain('张伟（我）');
    expect(errors).toEqual([]);
  });
});
