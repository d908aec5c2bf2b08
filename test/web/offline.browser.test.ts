import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';

/** issue 20 defect 9: offline, 提交 says so at once; nothing is sent behind the user's back when the network returns. */
describe('the web app offline', () => {
  const web = useBrowserSession();
  const { pageOf } = web;

  it('a decision submitted offline fails with a message, and stays unsent when the network comes back', { timeout: 120_000 }, async () => {
    // given: a verifier on a 核实 task
    const number: string = (await (await login(web.server.url, 'lx_reporter')).post('/api/reports', firstReport({ severity: 'IV', title: '离线测试' }))).body.incidentNumber;
    const verifierApi = await login(web.server.url, 'lx_verifier');
    const task = await waitForTask(verifierApi, number, 'verify');
    const verifier = await pageOf('lx_verifier');
    await verifier.goto(`${web.server.url}/tasks/${task.key}`);
    await verifier.getByTestId('decision-form').waitFor();

    // when: the network goes away and the verifier submits
    await verifier.context().setOffline(true);
    await verifier.getByTestId('complete').click();

    // then: the message says the network is down, the task page stays, and nothing goes out later
    await verifier.locator('.ant-message').getByText('网络连接中断', { exact: false }).waitFor({ timeout: 10_000 });
    expect(verifier.url()).toContain(`/tasks/${task.key}`);
    await verifier.context().setOffline(false);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await verifierApi.get(`/api/tasks/${task.key}`)).body.task.state).toBe('created');
  });
});
