import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';

/** What a user meets when something is off: a script chunk gone after a redeploy, an unknown address, a logout. */
describe('the web app when something is off', () => {
  const web = useBrowserSession();
  const { pageOf } = web;

  it('keeps the task page usable when the diagram script is gone (a redeploy), and offers a reload', { timeout: 120_000 }, async () => {
    // given: a verify task, and the diagram's chunk answering 404 as after a redeploy
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    const task = await waitForTask(await login(web.server.url, 'lx_verifier'), number, 'verify');
    const verifier = await pageOf('lx_verifier');
    await verifier.route('**/assets/process-diagram-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));

    // when
    await verifier.goto(`${web.server.url}/tasks/${task.key}`);

    // then: the diagram's card says so, with a reload; the decision form is there to use
    const failure = verifier.getByTestId('render-failure');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.innerText()).toMatch(/此部分无法显示[\s\S]*刷新页面/);
    await verifier.getByTestId('decision-form').waitFor();
    expect(await verifier.getByTestId('complete').isEnabled()).toBe(true);
  });

  it('answers an unknown address with a way back, and a logout does not send the next user to the last page', { timeout: 120_000 }, async () => {
    const reporter = await pageOf('lx_reporter');
    await reporter.goto(`${web.server.url}/nowhere`);
    await reporter.getByText('没有这个页面').waitFor();
    await reporter.getByRole('button', { name: /返回待办/ }).click();
    await reporter.waitForURL(/\/inbox$/);

    await reporter.goto(`${web.server.url}/incidents`);
    await reporter.getByRole('button', { name: /退\s*出/ }).first().click();
    await reporter.waitForURL(/\/login/);
    expect(new URL(reporter.url()).search).toBe('');
  });
});
