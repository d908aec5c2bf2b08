import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWebAppBuilt, loadConfig, serveWebApp, startServer, WEB_DIST_DIR, type RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { freePort } from '../support/server-process';
import { collectBrowserErrors, sharedChromium, screenshotAll, VIEWPORTS } from './browser';
import { loginInBrowser } from './pages';

/** Clicks an element of the diagram until the modeler shows it selected (a click right after typing in the panel may only blur it). */
async function selectOnCanvas(page: Page, elementId: string) {
  for (let attempt = 1; ; attempt++) {
    await page.locator(`.djs-element[data-element-id="${elementId}"]`).click();
    const selected = await page.locator(`.djs-element.selected[data-element-id="${elementId}"]`).waitFor({ timeout: 2_000 }).then(() => true, () => false);
    if (selected) return;
    if (attempt === 3) throw new Error(`${elementId} was not selected`);
  }
}

/**
 * Replaces the text of a FEEL field of the properties panel (a CodeMirror editor; inserted, not typed, so no bracket is
 * closed for us), opening its group first when it is closed.
 */
async function replaceFeel(page: Page, groupId: string, entryId: string, text: string) {
  const editor = page.locator(`[data-entry-id="${entryId}"] .cm-content`);
  if (!(await editor.isVisible())) await page.locator(`[data-group-id="${groupId}"] .bio-properties-panel-group-header`).click();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

const TIMER_FROM_WRITTEN_DEADLINE = 'if clocks.writtenDueAt = null then "9999-12-31T23:59:59Z" else clocks.writtenDueAt';

/**
 * Issue 17's browser list, the parts designer.browser.test.ts and designer-compare-policy.browser.test.ts do not walk:
 * a step's name AND a timer changed in the properties panel, the timer check naming the element and blocking deploy,
 * the change in the compare view, v2 deployed while an earlier report finishes on v1, a restart that keeps v2, a rollback
 * from the versions list, and a policy edit that changes a new report's deadlines while a running one keeps its own.
 * One server on a scratch database and a fixed port, started twice (the restart).
 */
describe('流程设计 from the default flow to a rollback, across a restart, in the browser', () => {
  let database: ScratchDatabase;
  let server: RunningServer;
  let browser: Browser;
  let port: number;
  const errors: string[] = [];
  const pages = new Map<string, Page>();
  const start = () => startServer({ database: database.target, web: serveWebApp(), config: { ...loadConfig({}), PORT: port, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50 } });

  beforeAll(async () => {
    if (!isWebAppBuilt()) throw new Error(`The web app is not built (${WEB_DIST_DIR}): run \`npm run build --workspace web\`.`);
    database = await createScratchDatabase({ prefix: 'designer-life' });
    port = await freePort();
    server = await start();
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
    await server?.close();
    await database?.dispose();
  });

  async function pageOf(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'zh-CN' });
    collectBrowserErrors(context, username, errors);
    const page = await context.newPage();
    pages.set(username, page);
    await loginInBrowser(page, server.url, username);
    return page;
  }
  async function closePages() {
    for (const page of pages.values()) await page.context().close();
    pages.clear();
  }
  const instanceOf = async (instanceKey: string) => (await server.deps.engine.getInstance(instanceKey))!;
  async function complete(user: Client, number: string, kind: string, body: unknown) {
    const task = await waitForTask(user, number, kind);
    expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status).toBe(204);
  }

  it('changes, checks, compares, deploys, keeps over a restart and rolls back the flow; reports run on what was deployed', { timeout: 420_000 }, async () => {
    try {
      // given: a report of 临翔区 submitted before anything was designed (the shipped default)
      const reporter = await login(server.url, 'lx_reporter');
      const early = (await reporter.post('/api/reports', firstReport({ severity: 'IV', title: '设计前的报告' }))).body;
      expect(await instanceOf(early.instanceKey)).toMatchObject({ tenantId: '<default>', version: 1 });

      // when: the designer opens a draft of the default flow
      const page = await pageOf('designer');
      await page.goto(`${server.url}/designer`);
      await page.getByTestId('process-incident-report').getByTestId('edit-draft').click();
      await page.waitForURL(/\/designer\/drafts\//);
      const draftId = page.url().split('/').pop()!;
      await page.locator('.djs-element[data-element-id="verify"]').waitFor();
      const designer = await login(server.url, 'designer');
      const draftXml = async () => (await designer.get(`/api/process-drafts/${draftId}`)).body.xml as string;

      // and renames 核实 in the properties panel (the panel's words are Chinese)
      await selectOnCanvas(page, 'verify');
      await page.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
      expect(await page.locator('[data-group-id="group-general"] .bio-properties-panel-group-header-title').innerText()).toBe('常规');
      await page.locator('#bio-properties-panel-name').fill('现场核实');
      await expect.poll(draftXml, { timeout: 15_000 }).toContain('name="现场核实"');

      // and writes a fixed duration into the 4th 催办's timer
      await selectOnCanvas(page, 'reminder-4');
      await replaceFeel(page, 'group-timer', 'timerEventDefinitionValue', 'PT10M');

      // then: the check names the timer's element, and deploy is blocked
      const finding = page.locator('[data-testid=finding][data-element-id="reminder-4"]');
      await expect.poll(() => finding.first().innerText().catch(() => ''), { timeout: 15_000 }).toContain('「催办 4」（reminder-4）的计时器写死了「=PT10M」');
      expect(await page.getByTestId('deploy').isDisabled()).toBe(true);
      // and a click on the finding selects the element
      await selectOnCanvas(page, 'verify');
      await finding.first().click();
      await page.locator('.djs-element.selected[data-element-id="reminder-4"]').waitFor();

      // when: the timer reads the policy's written deadline instead
      await replaceFeel(page, 'group-timer', 'timerEventDefinitionValue', TIMER_FROM_WRITTEN_DEADLINE);
      await expect.poll(() => page.getByTestId('deploy').isDisabled(), { timeout: 15_000 }).toBe(false);
      await expect.poll(draftXml, { timeout: 15_000 }).toMatch(/id="reminder-4-timer">\s*<bpmn:timeDate[^>]*>=if clocks\.writtenDueAt = null/);

      // then: the compare view lists both changes against the deployed (shipped) flow
      await page.getByTestId('compare-draft').click();
      await page.waitForURL(/\/designer\/compare\/530900\/incident-report\?/);
      const table = page.getByTestId('diff-table');
      await table.locator('tr', { hasText: '现场核实' }).waitFor();
      const timerRow = table.locator('tr', { hasText: '催办 4' });
      expect(await timerRow.getByTestId('diff-kind').innerText()).toBe('修改');
      expect(await timerRow.getByTestId('diff-property').innerText()).toContain('定时器');
      await page.locator('[data-testid=diff-after] .djs-element.kb-diff-changed[data-element-id="reminder-4"]').waitFor();

      // when: deployed with a comment
      await page.goBack();
      await page.getByTestId('deploy').waitFor();
      await expect.poll(() => page.getByTestId('deploy').isDisabled(), { timeout: 15_000 }).toBe(false);
      await page.getByTestId('deploy').click();
      await page.getByTestId('deploy-comment').fill('核实更名，第 4 次催办在书面时限届满时');
      await page.getByTestId('deploy-confirm').click();
      await page.getByText('已部署为 v2').waitFor();

      // then: a new report runs on v2, and its dossier says so and draws v2's flow
      const onV2 = (await reporter.post('/api/reports', firstReport({ severity: 'IV', title: '部署后的报告' }))).body;
      expect(await instanceOf(onV2.instanceKey)).toMatchObject({ tenantId: '530900', version: 2, state: 'active' });
      const reporterPage = await pageOf('lx_reporter');
      await reporterPage.goto(`${server.url}/incidents/${onV2.incidentNumber}`);
      await expect.poll(() => reporterPage.getByTestId('workflow-version').innerText(), { timeout: 15_000 }).toBe('流程版本 v2');
      expect(await reporterPage.getByTestId('workflow-version').getAttribute('title')).toBe('辖区 530900 部署的版本');
      await expect.poll(() => reporterPage.locator('[data-testid=diagram] .djs-element[data-element-id="verify"]').textContent(), { timeout: 15_000 }).toContain('现场核实');

      // and 流程监控 names the version and whose it is, and draws v2 too
      const adminPage = await pageOf('admin');
      await adminPage.goto(`${server.url}/admin/trace/${onV2.instanceKey}`);
      await expect.poll(() => adminPage.getByTestId('trace-version').innerText().catch(() => ''), { timeout: 15_000 }).toBe('流程版本 v2（辖区 530900 部署的版本）');
      await expect.poll(() => adminPage.locator('[data-testid=diagram] .djs-element[data-element-id="verify"]').textContent().catch(() => ''), { timeout: 15_000 }).toContain('现场核实');

      // and the report from before finishes on v1 (the shipped default) while the new one runs on v2
      const [verifier, leader, superior, countyDuty, cityDuty] = await Promise.all(['lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty'].map((u) => login(server.url, u)));
      await complete(verifier!, early.incidentNumber, 'verify', { decision: 'confirm', opinion: '属实' });
      await complete(leader!, early.incidentNumber, 'sign_off', { decision: 'approve', opinion: '同意' });
      await complete(superior!, early.incidentNumber, 'acknowledge_superior', { opinion: '已收悉' });
      await complete(countyDuty!, early.incidentNumber, 'acknowledge_government', {});
      await complete(cityDuty!, early.incidentNumber, 'receive_city', { opinion: '已签收' });
      await reporterPage.goto(`${server.url}/incidents/${early.incidentNumber}`);
      await expect.poll(() => reporterPage.getByTestId('workflow-state').innerText(), { timeout: 20_000 }).toBe('已办结');
      expect(await reporterPage.getByTestId('workflow-version').innerText()).toBe('流程版本 v1');
      expect(await reporterPage.getByTestId('workflow-version').getAttribute('title')).toBe('出厂默认流程');
      expect(await instanceOf(onV2.instanceKey)).toMatchObject({ version: 2, state: 'active' });
      expect(errors).toEqual([]);

      // when: the server restarts (the pages closed first: their event streams would see it go)
      await closePages();
      await server.close();
      server = await start();

      // then: v2 is still what 临沧 runs: a new report runs on it, and the designer's page says so (opened after the
      // report, so no refetch of its versions — their running counts — re-lays the table out under the clicks below)
      const afterRestart = (await (await login(server.url, 'lx_reporter')).post('/api/reports', firstReport({ severity: 'IV' }))).body;
      expect(await instanceOf(afterRestart.instanceKey)).toMatchObject({ tenantId: '530900', version: 2 });
      const again = await pageOf('designer');
      await again.goto(`${server.url}/designer`);
      const card = again.getByTestId('process-incident-report');
      await expect.poll(() => card.getByTestId('deployed-version').innerText(), { timeout: 15_000 }).toBe('v2');

      // when: the designer rolls back to v1 from the versions list
      await card.getByTestId('rollback-1').click();
      await again.getByTestId('rollback-ok').click();
      await again.getByTestId('rollback-comment').fill('恢复出厂默认流程');
      await again.getByTestId('rollback-confirm').click();
      await again.getByText('已回滚：部署为 v3').waitFor();

      // then: v3 (the default's content) is deployed, and new reports run on it
      await expect.poll(() => card.getByTestId('deployed-version').innerText(), { timeout: 15_000 }).toBe('v3');
      expect(await card.getByTestId('versions').innerText()).toContain('（回滚自 v1）');
      const rolledBack = (await (await login(server.url, 'lx_reporter')).post('/api/reports', firstReport({ severity: 'IV' }))).body;
      expect(await instanceOf(rolledBack.instanceKey)).toMatchObject({ tenantId: '530900', version: 3 });

      // when: a 较大 report is running, and the designer shortens 较大's phone deadline to 20 minutes in the policy form
      const lxReporter = await login(server.url, 'lx_reporter');
      const running: string = (await lxReporter.post('/api/reports', firstReport({ severity: 'III', title: '政策修改前的较大事件' }))).body.incidentNumber;
      const phoneClock = async (number: string) => {
        for (let i = 0; i < 200; i++) {
          const clock = ((await lxReporter.get(`/api/incidents/${number}`)).body.reports[0]?.clocks ?? []).find((c: { channel: string }) => c.channel === 'phone');
          if (clock) return clock as { within: string; policyVersion: number };
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`${number} never resolved its clocks`);
      };
      expect(await phoneClock(running)).toMatchObject({ within: 'PT30M', policyVersion: 1 });
      await again.goto(`${server.url}/designer/policy`);
      await again.getByTestId('within-0').fill('PT20M');
      await again.getByTestId('policy-comment').fill('较大事件电话报告提前到 20 分钟');
      await expect.poll(() => again.getByTestId('save-policy').isDisabled(), { timeout: 15_000 }).toBe(false);
      await again.getByTestId('save-policy').click();
      await again.getByText('已保存为 v2').waitFor();

      // then: a new 较大 report's phone deadline is 20 minutes; the running one keeps its 30, as its dossier shows
      const fresh: string = (await lxReporter.post('/api/reports', firstReport({ severity: 'III', title: '政策修改后的较大事件' }))).body.incidentNumber;
      expect(await phoneClock(fresh)).toMatchObject({ within: 'PT20M', policyVersion: 2 });
      const reader = await pageOf('lx_reporter');
      await reader.goto(`${server.url}/incidents/${fresh}`);
      await expect.poll(() => reader.getByTestId('clock-phone').innerText(), { timeout: 15_000 }).toContain('（20分钟）');
      await reader.goto(`${server.url}/incidents/${running}`);
      await expect.poll(() => reader.getByTestId('clock-phone').innerText(), { timeout: 15_000 }).toContain('（30分钟）');
      expect(errors).toEqual([]);
    } catch (error) {
      console.error(`[web] screenshots of the pages at the failure: ${await screenshotAll(pages)}`);
      throw error;
    }
  });
});
