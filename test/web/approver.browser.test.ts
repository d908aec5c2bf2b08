import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { useBrowserSession } from './browser';
import { choose, inboxRow } from './pages';

/** issue 20 in Chromium: the lists 已办 / 我发起的 / 抄送我的, 撤回, 转办, and a whole approval by keyboard alone. */
describe('the approver\'s day in the browser', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  async function submit(user: Client, overrides: Record<string, unknown>) {
    const response = await user.post('/api/reports', firstReport(overrides));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.incidentNumber as string;
  }

  it('已办 and 我发起的 list what I did and what I submitted, searchable; 撤回 asks why, ends the flow and tells the 越级 recipient', { timeout: 180_000 }, async () => {
    // given: one report through 核实, another untouched (重大: its 越级 copy is at the city duty office)
    const reporterApi = await login(web.server.url, 'lx_reporter');
    const verifierApi = await login(web.server.url, 'lx_verifier');
    const checked = await submit(reporterApi, { severity: 'IV', title: '列表测试：已核实的报告' });
    const verify = await waitForTask(verifierApi, checked, 'verify');
    expect((await verifierApi.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '经电话核实属实' })).status).toBe(204);
    const untouched = await submit(reporterApi, { severity: 'II', title: '撤回测试：地点有误的报告' });
    await waitForTask(await login(web.server.url, 'lc_duty'), untouched, 'receive_city_direct');

    // when: the verifier opens 已办 from the inbox
    const verifier = await pageOf('lx_verifier');
    await verifier.getByTestId('worklist-done').click();
    await verifier.waitForURL(/\/inbox\/done$/);
    const doneRow = verifier.locator(`[data-testid=list-row][data-incident="${checked}"]`);
    await doneRow.waitFor();
    expect(await doneRow.getByTestId('done-action').innerText()).toContain('属实');
    expect(await doneRow.getByTestId('report-kind').innerText()).toBe('首报');
    expect(await doneRow.innerText()).toContain('经电话核实属实');

    // and the reporter 我发起的, searching for one of them
    const reporter = await pageOf('lx_reporter');
    await reporter.getByTestId('worklist-initiated').click();
    await reporter.locator(`[data-testid=list-row][data-incident="${untouched}"]`).waitFor();
    await reporter.getByLabel('搜索').fill('撤回测试');
    await reporter.getByLabel('搜索').press('Enter');
    await expect.poll(() => reporter.getByTestId('list-row').count()).toBe(1);
    expect(await reporter.getByTestId('list-row').getByTestId('report-status').innerText()).toBe('核实中');

    // then 撤回 from the dossier: without a reason it asks for one; with one, the flow ends
    await reporter.getByTestId('list-row').getByRole('link', { name: '撤回测试：地点有误的报告' }).click();
    await reporter.getByTestId('withdraw').click();
    await reporter.getByTestId('withdraw-modal-ok').click();
    await reporter.getByTestId('withdraw-modal').getByText('撤回理由：至少 2 个字').waitFor();
    await reporter.getByTestId('withdraw-modal-reason').fill('地点填写错误，重新报送');
    await reporter.getByTestId('withdraw-modal-ok').click();
    await reporter.getByTestId('report-first').getByText('已撤回').waitFor();
    expect(await reporter.getByTestId('withdraw').count()).toBe(0);
    expect(await reporter.getByTestId('timeline').innerText()).toContain('报告人撤回报告');
    expect(await reporter.getByTestId('progress-verify').getAttribute('data-state')).toBe('ended');
    // printed, the dossier is the report and its trail: no navigation, no buttons
    await reporter.emulateMedia({ media: 'print' });
    expect(await reporter.locator('.kb-header').isVisible()).toBe(false);
    expect(await reporter.getByTestId('print').isVisible()).toBe(false);
    expect(await reporter.getByTestId('report-first').isVisible()).toBe(true);
    await reporter.emulateMedia({ media: 'screen' });

    // and the city duty office finds the notice in 抄送我的
    const cityDuty = await pageOf('lc_duty');
    await cityDuty.goto(`${web.server.url}/inbox/copied`);
    // (a 重大 report also texted the office at once: that notice is listed too)
    const notice = cityDuty.locator(`[data-testid=list-row][data-incident="${untouched}"]`).filter({ has: cityDuty.getByTestId('notice-kind').getByText('报告撤回') });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('撤回理由：地点填写错误，重新报送');
    expect(await inboxRowCount(cityDuty, untouched)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('转办: a duty officer hands a receipt to a colleague of the office, who then holds it', { timeout: 120_000 }, async () => {
    // given
    const number = await submit(await login(web.server.url, 'lx_reporter'), { severity: 'II', title: '转办测试：越级报告' });
    const task = await waitForTask(await login(web.server.url, 'lc_duty'), number, 'receive_city_direct');
    const duty = await pageOf('lc_duty');
    await duty.goto(`${web.server.url}/tasks/${task.key}`);

    // (the progress line: submitted by 李明, 核实 under way; the 越级 copy is beside the line)
    expect(await duty.getByTestId('progress-submit').getAttribute('data-state')).toBe('done');
    expect(await duty.getByTestId('progress-submit').innerText()).toContain('李明');
    expect(await duty.getByTestId('progress-verify').getAttribute('data-state')).toBe('current');

    // when
    await duty.getByTestId('transfer').click();
    await choose(duty, duty.getByTestId('hand-on-to'), '黄磊');
    await duty.getByTestId('hand-on-reason').fill('本人外出执勤，请黄磊签收');
    await duty.getByTestId('hand-on-ok').click();

    // then: the task is 黄磊's; 杨帆 can no longer act on it, 黄磊 sees it as theirs
    await duty.getByText('已转办给 黄磊').waitFor();
    await duty.getByText('该任务已由 黄磊 认领，您不能办理。').waitFor();
    const leader = await pageOf('lc_duty_leader');
    const row = inboxRow(leader, number, 'receive_city_direct');
    await row.waitFor();
    expect(await row.innerText()).toContain('黄磊（我）');
    expect(errors).toEqual([]);
  });

  it('a whole approval with the keyboard only: Tab to the task, Enter, decide, Space to submit; focus is always visible', { timeout: 180_000 }, async () => {
    // given
    const number = await submit(await login(web.server.url, 'lx_reporter'), { severity: 'IV', title: '键盘测试：只用键盘办理' });
    await waitForTask(await login(web.server.url, 'lx_verifier'), number, 'verify');

    // when: the verifier confirms and the leader approves, each without a mouse
    await approveByKeyboard(await pageOf('lx_verifier'), number, 'verify', '键盘核实：属实');
    await waitForTask(await login(web.server.url, 'lx_leader'), number, 'sign_off');
    await approveByKeyboard(await pageOf('lx_leader'), number, 'sign_off', '键盘审签：同意');

    // then
    const dossier = (await (await login(web.server.url, 'lx_reporter')).get(`/api/incidents/${number}`)).body;
    const decisions = dossier.timeline.filter((e: { action: string }) => e.action === 'task.completed').map((e: { detail: { kind: string; decision: string; opinion: string } }) => [e.detail.kind, e.detail.decision, e.detail.opinion]);
    expect(decisions).toEqual([['verify', 'confirm', '键盘核实：属实'], ['sign_off', 'approve', '键盘审签：同意']]);
    expect(errors).toEqual([]);
  });

  it('the inbox\'s views are tabs: the current one is the tab stop, ←/→ move between them, Enter opens the focused one', { timeout: 120_000 }, async () => {
    // given: the verifier on their inbox, on 全部 (the default view)
    const verifier = await pageOf('lx_verifier');
    const tabs = verifier.getByRole('tablist', { name: '待办范围' }).getByRole('tab');
    await tabs.first().waitFor();
    expect(await tabs.allInnerTexts()).toEqual([expect.stringMatching(/^我的待办/), expect.stringMatching(/^待认领/), expect.stringMatching(/^全部/)]);
    const current = verifier.getByRole('tab', { selected: true });
    expect(await current.innerText()).toMatch(/^全部/);
    expect(await Promise.all((await tabs.all()).map((tab) => tab.getAttribute('tabindex')))).toEqual(['-1', '-1', '0']);

    // when: they focus the current view, press ← and Enter
    await current.focus();
    await verifier.keyboard.press('ArrowLeft');
    expect(await verifier.evaluate<string>('document.activeElement.textContent')).toMatch(/^待认领/);
    await verifier.keyboard.press('Enter');

    // then: 待认领 is the view, in the address too, and the tab stop
    await verifier.waitForURL(/[?&]view=group/);
    await expect.poll(() => verifier.getByRole('tab', { selected: true }).innerText()).toMatch(/^待认领/);
    // and → from the last tab comes round to the first
    await verifier.getByRole('tab', { name: /^全部/ }).focus();
    await verifier.keyboard.press('ArrowRight');
    expect(await verifier.evaluate<string>('document.activeElement.textContent')).toMatch(/^我的待办/);
    expect(errors).toEqual([]);
  });

  it('不属实，关闭 asks once more before it goes; 批量签收 acknowledges the selected receipts in one action', { timeout: 180_000 }, async () => {
    // given: a report at 核实, and two 越级 copies at the city duty office
    const reporterApi = await login(web.server.url, 'lx_reporter');
    const doubtful = await submit(reporterApi, { severity: 'IV', title: '确认测试：不实的报告' });
    const verify = await waitForTask(await login(web.server.url, 'lx_verifier'), doubtful, 'verify');
    const dutyApi = await login(web.server.url, 'lc_duty');
    const copies = [await submit(reporterApi, { severity: 'II', title: '批量签收测试一' }), await submit(reporterApi, { severity: 'II', title: '批量签收测试二' })];
    for (const number of copies) await waitForTask(dutyApi, number, 'receive_city_direct');

    // when: the verifier closes it, first thinks again, then confirms
    const verifier = await pageOf('lx_verifier');
    await verifier.goto(`${web.server.url}/tasks/${verify.key}`);
    await verifier.getByTestId('decision-form').getByText('不属实，关闭').click();
    await verifier.getByTestId('opinion').fill('经现场核实，系误报');
    await verifier.getByTestId('complete').click();
    await verifier.locator('.ant-modal-confirm-title').filter({ hasText: '确认关闭报告？' }).waitFor();
    // (the page asks for reduced motion: the dialog comes without an animation)
    expect(await verifier.locator('.ant-modal').evaluate((dialog) => dialog.getAnimations({ subtree: true }).length)).toBe(0);
    await verifier.getByRole('button', { name: /取\s*消/ }).click();
    await verifier.locator('.ant-modal-confirm-title').filter({ hasText: '确认关闭报告？' }).waitFor({ state: 'hidden' });
    expect(verifier.url()).toContain(`/tasks/${verify.key}`);
    await verifier.getByTestId('complete').click();
    await verifier.getByTestId('confirm-ok').click();
    await verifier.waitForURL(/\/inbox$/);

    // and the duty officer selects both receipts and acknowledges them at once
    const duty = await pageOf('lc_duty');
    for (const number of copies) await inboxRow(duty, number, 'receive_city_direct').locator('input[type=checkbox]').check();
    await duty.getByTestId('batch-acknowledge').click();
    await duty.locator('.ant-modal-confirm-title').filter({ hasText: '签收所选的 2 份报告？' }).waitFor();
    await duty.getByRole('button', { name: /确\s*认/ }).click();

    // then
    await duty.locator('.ant-message').getByText('已签收 2 份，0 份未能签收').waitFor();
    for (const number of copies) await inboxRow(duty, number, 'receive_city_direct').waitFor({ state: 'detached' });
    await expect.poll(async () => (await reporterApi.get(`/api/incidents/${doubtful}`)).body.reports[0].status).toBe('revoked');
    expect(errors).toEqual([]);
  });

  const inboxRowCount = (page: Page, number: string) => page.locator(`[data-incident="${number}"][data-kind]`).count();

  /** Presses Tab until the focused element matches, checking on the way that the focus is drawn; throws after `max` presses. */
  async function tabTo(page: Page, matches: string, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      // (a page script as a string: the test workspace has no DOM types)
      const focused = await page.evaluate<{ hit: boolean; visible: boolean }>(`(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return { hit: false, visible: true };
        const style = getComputedStyle(element);
        const visible = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
        return { hit: element.matches(${JSON.stringify(matches)}), visible };
      })()`);
      if (focused.hit) {
        expect(focused.visible, `focus on ${matches} is not visible`).toBe(true);
        return;
      }
    }
    throw new Error(`Tab never reached ${matches}`);
  }

  async function approveByKeyboard(page: Page, number: string, kind: string, opinion: string) {
    await page.goto(`${web.server.url}/inbox`);
    const key = await inboxRow(page, number, kind).getAttribute('data-row-key');
    await tabTo(page, `[data-testid="handle-${key}"]`);
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-form').waitFor();
    await tabTo(page, '[data-testid=opinion]');
    await page.keyboard.type(opinion);
    // Enter in the opinion is a new line, never a submit
    await tabTo(page, '[data-testid=complete]');
    await page.keyboard.press('Space');
    await page.waitForURL(/\/inbox$/);
  }
});
