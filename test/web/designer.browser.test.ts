import path from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstReport, login } from '../api/client';
import { useBrowserSession } from './browser';

/** Clicks an element of the diagram until the modeler shows it selected (a click right after typing in the panel may only blur it). */
async function selectOnCanvas(page: Page, elementId: string) {
  for (let attempt = 1; ; attempt++) {
    await page.locator(`.djs-element[data-element-id="${elementId}"]`).click();
    const selected = await page.locator(`.djs-element.selected[data-element-id="${elementId}"]`).waitFor({ timeout: 2_000 }).then(() => true, () => false);
    if (selected) return;
    if (attempt === 3) throw new Error(`${elementId} was not selected`);
  }
}

/** SCREENSHOT_DIR keeps the modeler's screenshot (to look at); default: the temp directory. */
const screenshotDir = process.env.SCREENSHOT_DIR ?? tmpdir();

describe('流程设计 in the browser', () => {
  const web = useBrowserSession();

  it('opens the default flow, renames a step, is stopped by the check naming a dispatch straight after 核实, and deploys v2 once fixed', { timeout: 180_000 }, async () => {
    // given: the designer of 临沧 opens 流程设计 from the menu
    const page = await web.pageOf('designer');
    await page.getByTestId('nav-designer').click();
    await page.waitForURL(/\/designer$/);
    const card = page.getByTestId('process-incident-report');
    expect(await card.getByTestId('deployed-version').innerText()).toBe('出厂默认');

    // when: a draft of the default flow opens in the modeler
    await card.getByTestId('edit-draft').click();
    await page.waitForURL(/\/designer\/drafts\//);
    const draftId = page.url().split('/').pop()!;
    const verify = page.locator('.djs-element[data-element-id="verify"]');
    await verify.waitFor();

    // and 核实 is renamed through the properties panel (autosaved)
    await selectOnCanvas(page, 'verify');
    await page.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
    const name = page.locator('#bio-properties-panel-name');
    await name.fill('现场核实');
    const designer = await login(web.server.url, 'designer');
    await expect.poll(async () => (await designer.get(`/api/process-drafts/${draftId}`)).body.xml as string, { timeout: 15_000 }).toContain('name="现场核实"');

    // and a task appended straight after 核实 becomes 报送上级主管部门 from the step templates
    await selectOnCanvas(page, 'verify');
    await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
    await page.getByTestId('template-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '报送上级主管部门' }).first().click();

    // then: the live check names the new step, and deploy is blocked
    const finding = page.locator('[data-testid=finding]', { hasText: '可以不经审签就报送' });
    await finding.first().waitFor();
    await expect.poll(() => finding.first().innerText(), { timeout: 10_000 }).toMatch(/「报送上级主管部门」（Activity_\w+）可以不经审签就报送/);
    const dispatchId = (await finding.first().getAttribute('data-element-id'))!;
    expect(await page.getByTestId('deploy').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'designer-check.png') });

    // when: the designer clicks the finding, the step is selected; deleting it fixes the flow
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await finding.first().click();
    await page.locator(`.djs-element.selected[data-element-id="${dispatchId}"]`).waitFor();
    await page.locator('.djs-context-pad [data-action="delete"]').click();
    await expect.poll(() => page.getByTestId('deploy').isDisabled(), { timeout: 15_000 }).toBe(false);

    // and deploys with a comment
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-comment').fill('核实步骤更名为现场核实');
    await page.getByTestId('deploy-confirm').click();
    await page.getByText('已部署为 v2').waitFor();
    expect(await page.getByTestId('draft-version').innerText()).toBe('v2');
    await page.screenshot({ path: path.join(screenshotDir, 'designer-deployed.png') });

    // then: a report of 临翔区 started afterwards runs on v2 of 临沧's flow
    const reporter = await login(web.server.url, 'lx_reporter');
    const { instanceKey } = (await reporter.post('/api/reports', firstReport({ severity: 'IV' }))).body;
    expect(await web.server.deps.engine.getInstance(instanceKey)).toMatchObject({ tenantId: '530900', version: 2, state: 'active' });
    const deployed = (await designer.get('/api/jurisdictions/530900/processes/incident-report/versions/2')).body;
    expect(deployed.xml).toContain('name="现场核实"');
    expect(deployed.xml).not.toContain(dispatchId);

    // and the list shows v2, by whom, with its comment
    await page.goto(`${web.server.url}/designer`);
    expect(await page.getByTestId('process-incident-report').getByTestId('deployed-version').innerText()).toBe('v2');
    expect(web.errors).toEqual([]);
  });
});
