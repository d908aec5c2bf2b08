import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { inboxRow } from './pages';

/**
 * What the screens say (issue 20, defects 6 and 7): names, not login ids; messages, not field paths; no storage
 * jargon; the live stream's first connection is not a disconnection; a hidden diagram raises no error.
 */
describe('the web app: what the screens say', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('the inbox says it is connecting, never that the connection dropped, on its way to live', { timeout: 60_000 }, async () => {
    // given: the verifier's inbox, watched from the first paint of the next load
    const verifier = await pageOf('lx_verifier');
    await verifier.addInitScript(`
      const seen = [];
      globalThis.liveStatesSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=live-state]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    // when: it loads
    await verifier.reload();
    await verifier.locator('[data-testid=live-state][data-state=live]').waitFor();
    // then: it went from connecting to live, without a word of a disconnection
    const seen = (await verifier.evaluate('globalThis.liveStatesSeen')) as string[];
    expect(seen.at(-1)).toBe('实时更新');
    expect(seen.join('|')).not.toContain('连接中断');
  });

  it('a task held by another shows who by name, a diagram hidden and shown again raises no error', { timeout: 120_000 }, async () => {
    // given: a 重大 report, copied to the city duty office at once; 杨帆 (lc_duty) claims it there
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    const cityDuty = await login(web.server.url, 'lc_duty');
    const task = await waitForTask(cityDuty, number, 'receive_city_direct');
    await cityDuty.post(`/api/tasks/${task.key}/claim`);

    // when: 黄磊, of the same office, looks at the inbox and opens the task
    const colleague = await pageOf('lc_duty_leader');
    const row = inboxRow(colleague, number, 'receive_city_direct');
    await expect.poll(() => row.innerText()).toContain('杨帆');
    expect(await row.innerText()).not.toContain('lc_duty');
    await colleague.goto(`${web.server.url}/tasks/${task.key}`);
    // then: the page names the holder
    const held = colleague.getByText(/该任务已由/);
    await held.waitFor();
    expect(await held.innerText()).toBe('该任务已由 杨帆 认领，您不能办理。');

    // when: the diagram is hidden (as in a tab not shown) and shown again once drawn
    await colleague.getByTestId('tab-diagram').click();
    await colleague.locator('[data-testid=diagram] .djs-element').first().waitFor();
    await colleague.evaluate(`document.querySelector('[data-testid=diagram]').style.display = 'none'`);
    await colleague.waitForTimeout(300);
    await colleague.evaluate(`document.querySelector('[data-testid=diagram]').style.display = ''`);
    await colleague.waitForTimeout(300);
    // then: nothing went wrong (before: "Failed to execute 'scale' on 'SVGMatrix': non-finite")
    expect(errors).toEqual([]);
  });

  it('a refused 核报 request says what is missing without field paths; a saved draft says where without jargon', { timeout: 120_000 }, async () => {
    // given: a report the city duty office may ask about
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '临翔区一处民房倒塌' }))).body.incidentNumber;
    await waitForTask(await login(web.server.url, 'lc_duty'), number, 'receive_city_direct');

    // when: the city duty office sends a 核报 request without its question
    const cityDuty = await pageOf('lc_duty');
    await cityDuty.goto(`${web.server.url}/incidents/${number}`);
    await cityDuty.getByTestId('request-verification').click();
    await cityDuty.getByRole('button', { name: /发出核报要求/ }).click();
    // then: the toast says what is missing, in words
    const toast = cityDuty.locator('.ant-message-notice').last();
    await toast.waitFor();
    expect(await toast.innerText()).toContain('核报事项');
    expect(await toast.innerText()).not.toMatch(/[a-zA-Z]+:/);

    // when: the reporter saves a draft
    const page = await pageOf('lx_reporter');
    await page.getByRole('link', { name: '报送首报' }).click();
    await page.locator('#title').fill('草稿');
    await page.getByTestId('save-draft').click();
    // then: it says it is kept in this browser, without naming the browser's storage
    const saved = page.locator('.ant-message-notice').filter({ hasText: '草稿' }).first();
    await saved.waitFor();
    expect(await saved.innerText()).not.toContain('localStorage');
    expect(errors).toEqual([]);
  });
});
