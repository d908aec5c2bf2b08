import { beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { useBrowserSession } from './browser';
import { beijingTime, enterTime, inboxRow } from './pages';

describe('the web app: a 续报 from the dossier page, its difference, and the dossier\'s report tabs', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty']) as[name] = await login(web.server.url, name);
  });

  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status).toBe(204);
  }

  it('the reporter files a 续报 with what changed; once signed off and delivered the dossier shows before and after', { timeout: 90_000 }, async () => {
    // given: a 首报 delivered over the API
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport())).body.incidentNumber;
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await complete(as.lc_yjj_duty!, number, 'acknowledge_superior');
    await complete(as.lx_duty!, number, 'acknowledge_government');
    await complete(as.lc_duty!, number, 'receive_city');

    // when: the reporter opens the dossier, asks for a 续报, submits without progress, then with it
    const reporter = await pageOf('lx_reporter');
    await reporter.goto(`${web.server.url}/incidents/${number}`);
    await reporter.getByTestId('later-report').click();
    await reporter.getByTestId('later-submit').click();
    await reporter.locator('.ant-form-item-explain-error').filter({ hasText: '最新进展为必填项' }).waitFor();
    await reporter.getByTestId('later-progress').fill('16时许火势得到控制，又有1名扑火队员受伤。');
    await reporter.getByTestId('later-injured').fill('3');
    await reporter.getByTestId('later-submit').click();
    await reporter.getByText('已提交，待单位领导审签').waitFor();

    // and the leader, on the task page, sees what changed and signs it off; the recipients acknowledge
    const leader = await pageOf('lx_leader');
    await inboxRow(leader, number, 'sign_off').getByRole('button', { name: /办\s*理/ }).click();
    await leader.getByTestId('decision-form').waitFor();
    expect(await leader.getByTestId('report-changes').innerText()).toContain('受伤人数');
    await leader.getByTestId('decision-form').getByText('退回报告人').waitFor();
    await leader.getByTestId('opinion').fill('同意续报');
    await leader.getByTestId('complete').click();
    await leader.waitForURL(/\/inbox$/);
    await complete(as.lc_yjj_duty!, number, 'acknowledge_superior');
    await complete(as.lx_duty!, number, 'acknowledge_government');
    await complete(as.lc_duty!, number, 'receive_city');

    // then: the dossier shows its reports as tabs, the latest (the 续报) open and drawn alone, not a stack of both
    await reporter.reload();
    const followUp = reporter.getByTestId('report-follow_up');
    await followUp.getByText('已签收').waitFor({ timeout: 15_000 });
    const tabs = reporter.getByTestId('report-tabs').locator('.ant-tabs-tab');
    expect(await tabs.allInnerTexts()).toEqual(['首报', '续报 1']);
    expect(await reporter.getByTestId('report-tabs').locator('.ant-tabs-tab-active').innerText()).toBe('续报 1');
    expect(await reporter.getByTestId('report-first').count()).toBe(0);
    expect(await reporter.getByTestId('report-view').count()).toBe(1);
    // and the 续报 card lists what changed, before and after
    const changes = await followUp.getByTestId('report-changes').innerText();
    expect(changes).toContain('受伤人数');
    expect(await followUp.getByTestId('change-casualties.injured').innerText()).toBe('3');
    expect(await followUp.getByTestId('change-progress').innerText()).toBe('16时许火势得到控制，又有1名扑火队员受伤。');

    // when: the reporter opens the 首报's tab
    await reporter.getByTestId('report-tab-first').click();

    // then: the 首报 is shown with its own steps, the 续报 hidden, and the address keeps the choice across a reload
    await reporter.getByTestId('report-first').waitFor();
    expect(await followUp.isVisible()).toBe(false);
    expect(await reporter.getByTestId('timeline').filter({ visible: true }).innerText()).toContain('报送首报');
    await reporter.reload();
    await reporter.getByTestId('report-first').waitFor();
    expect(await reporter.getByTestId('report-follow_up').count()).toBe(0);

    // when: the reporter starts a 终报 with only the end of the response
    const sent: string[] = [];
    reporter.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/reports`)) sent.push(request.url());
    });
    await reporter.getByTestId('later-report').click();
    await reporter.locator('label', { has: reporter.getByTestId('later-kind-final') }).click();
    await enterTime(reporter, reporter.locator('#endedAt'), beijingTime(1));
    await reporter.getByTestId('later-submit').click();

    // then: the form marks and names what a 终报 must hold (the 首报 had no cause, measures or loss) and sends nothing
    const form = reporter.getByTestId('later-report-form');
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '原因为必填项' }).waitFor();
    expect(await form.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(expect.arrayContaining(['已采取的措施为必填项', '直接经济损失（元）为必填项']));
    expect(await form.locator('.ant-form-item-required').allInnerTexts()).toEqual(expect.arrayContaining(['处置结束时间', '原因', '已采取的措施', '直接经济损失（元）']));
    expect(sent).toEqual([]);
    expect(errors).toEqual([]);
  });
});
