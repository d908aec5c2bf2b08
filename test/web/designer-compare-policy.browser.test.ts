import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { login } from '../api/client';
import { useBrowserSession } from './browser';

const defaultFlow = readFileSync(path.resolve(import.meta.dirname, '../../processes/incident-report.bpmn'), 'utf8');
const screenshotDir = process.env.SCREENSHOT_DIR ?? tmpdir();

describe('流程设计: compare view and the deadline policy form in the browser', () => {
  const web = useBrowserSession();

  it('tries a draft on sample reports, then shows its change against the deployed version on the diagram and in the table', { timeout: 300_000 }, async () => {
    // given: a draft of 临沧's 首报 flow with 核实 renamed
    const designer = await login(web.server.url, 'designer');
    const xml = defaultFlow.replace('<bpmn:userTask id="verify" name="核实">', '<bpmn:userTask id="verify" name="现场核实">');
    const draft = (await designer.post('/api/jurisdictions/530900/processes/incident-report/drafts', { xml })).body;

    // when: the designer opens the draft and compares it
    const page = await web.pageOf('designer');
    await page.goto(`${web.server.url}/designer/drafts/${draft.id}`);
    await page.locator('.djs-element[data-element-id="verify"]').waitFor();

    // 试运行: a 一般 and a 较大 report each reach 市政府总值班室签收; the 较大 one has its deadlines
    await page.getByTestId('dry-run').click();
    const samples = page.getByTestId('dry-run-sample');
    await samples.first().waitFor({ timeout: 180_000 });
    expect(await samples.count()).toBe(2);
    for (const sample of [samples.nth(0), samples.nth(1)]) await sample.locator('[data-testid=dry-run-step][data-element-id="receive-city"]').waitFor();
    expect(await samples.nth(0).locator('[data-testid=dry-run-step][data-element-id="verify"]').innerText()).toContain('现场核实');
    expect(await samples.nth(1).getByTestId('dry-run-deadlines').innerText()).toMatch(/电话[\s\S]*PT30M[\s\S]*书面[\s\S]*PT1H/);
    await page.screenshot({ path: path.join(screenshotDir, 'designer-dry-run.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('dry-run-results').waitFor({ state: 'hidden' });

    await page.getByTestId('compare-draft').click();
    await page.waitForURL(/\/designer\/compare\/530900\/incident-report\?/);

    // then: the table lists the change with the property before and after, in Chinese
    const row = page.getByTestId('diff-table').locator('tr', { hasText: '现场核实' });
    await row.waitFor();
    expect(await row.getByTestId('diff-kind').innerText()).toBe('修改');
    expect(await row.getByTestId('diff-property').innerText()).toBe('名称：核实 → 现场核实');
    // and both diagrams mark the step, with a badge in words
    await page.locator('[data-testid=diff-after] .djs-element.kb-diff-changed[data-element-id="verify"]').waitFor();
    await page.locator('[data-testid=diff-before] .djs-element.kb-diff-changed[data-element-id="verify"]').waitFor();
    expect(await page.locator('[data-testid=diff-after] .kb-diff-badge[data-element-id="verify"]').innerText()).toBe('修改');
    await page.screenshot({ path: path.join(screenshotDir, 'designer-compare.png') });
    expect(web.errors).toEqual([]);
  });

  it('edits the 临沧 policy in a form: inline errors, a preview that follows the edit, Enter saves nothing, save writes v2', { timeout: 120_000 }, async () => {
    const page = await web.pageOf('designer');
    await page.goto(`${web.server.url}/designer`);
    await page.getByTestId('open-policy').click();
    await page.waitForURL(/\/designer\/policy$/);

    // the preview of a 较大 report received at 10:00, computed as the clocks compute it
    const preview = page.getByTestId('policy-preview');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toBe('较大, 接报 10:00 → 电话 10:30，书面 11:00；催办 10:15、10:25、10:45、10:55');

    // a duration that is not one: the field says so in Chinese, the preview waits, saving is off
    const within = page.getByTestId('within-0');
    await within.fill('半小时');
    await page.locator('[data-testid=field-error][data-path="clocks.0.within"]').waitFor();
    expect(await page.locator('[data-testid=field-error][data-path="clocks.0.within"]').innerText()).toContain('PT30M');
    expect(await preview.innerText()).toBe('请先更正标红的字段');
    expect(await page.getByTestId('save-policy').isDisabled()).toBe(true);

    // 20 minutes: the preview follows
    await within.fill('PT20M');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toBe('较大, 接报 10:00 → 电话 10:20，书面 11:00；催办 10:05、10:15、10:45、10:55');

    // Enter in a field submits nothing
    await page.getByTestId('policy-comment').fill('较大事件电话报告提前到 20 分钟');
    await within.press('Enter');
    const designer = await login(web.server.url, 'designer');
    expect((await designer.get('/api/jurisdictions/530900/policy')).body.versions).toHaveLength(1);

    // saving writes v2 from today, listed with who saved it
    await page.getByTestId('save-policy').click();
    await page.getByText('已保存为 v2').waitFor();
    await page.getByTestId('policy-versions').locator('tr', { hasText: '较大事件电话报告提前到 20 分钟' }).waitFor();
    const saved = (await designer.get('/api/jurisdictions/530900/policy')).body;
    expect(saved.versions[0]).toMatchObject({ version: 2, savedBy: '吴敏' });
    expect(saved.policy.clocks[0].within).toBe('PT20M');
    await page.screenshot({ path: path.join(screenshotDir, 'designer-policy.png'), fullPage: true });
    expect(web.errors).toEqual([]);
  });
});
