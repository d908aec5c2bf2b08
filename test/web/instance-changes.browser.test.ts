import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badIncidentReport, fixedIncidentReport } from '../api/bad-deployment';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { choose } from './pages';

/**
 * Issue 22's done-criterion, second half, in the browser: an admin moves a report past a step broken by a bad deployment
 * onto a fixed version — a refused modification first (a token inside a sub-process without its scope: the reason shown,
 * nothing changed), then 试迁移, 迁移 to the fixed version with a reason, and 修改流程 to run the broken step again on it.
 */
describe('modify and migrate on the admin instance page', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;
  /** A pick in a multiple select leaves its dropdown open over the next field: close it as a user does, by clicking away. */
  const pick = async (page: Page, select: Locator, label: string) => {
    await choose(page, select, label);
    await page.getByRole('dialog').locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => undefined);
  };

  it('moves a report past a step broken by a bad deployment onto a fixed version', { timeout: 240_000 }, async () => {
    // given: version 2 of the default flow names a recipient that does not exist at 报送上级主管部门; a 较大 report signed off on it
    const { url, deps } = web.server;
    await deps.engine.deploy([badIncidentReport()]);
    const [adminApi, reporter, verifier, leader, superiorDuty] = await Promise.all(['admin', 'lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty'].map((u) => login(url, u)));
    const number: string = (await reporter!.post('/api/reports', firstReport({ title: '临翔区博尚镇森林火灾', severity: 'III', learnedAt: new Date(Date.now() - 60_000).toISOString() }))).body.incidentNumber;
    const verify = await waitForTask(verifier!, number, 'verify');
    expect((await verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(leader!, number, 'sign_off');
    expect((await leader!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意报送' })).status).toBe(204);
    const instanceKey: string = (await adminApi!.get(`/api/admin/monitor/search?number=${number}`)).body.items[0].instanceKey;
    await expect.poll(async () => (await deps.engine.listIncidents({ instanceKey, state: 'active' })).map((i) => i.elementId), { timeout: 30_000 }).toEqual(['dispatch-superior']);
    // and: the designer's fix is deployed as version 3
    await deps.engine.deploy([fixedIncidentReport()]);

    // when: the admin opens the report's instance page and tries to send it back to 审签, which lies in the ended reporting span
    const admin = await pageOf('admin');
    await admin.goto(`${url}/admin/trace/${instanceKey}`);
    await admin.getByTestId('instance-changes').waitFor();
    await admin.getByText('No recipient "superiorDept"', { exact: false }).first().waitFor();
    await admin.getByTestId('change-modify').click();
    let dialog = admin.getByRole('dialog');
    await pick(admin, dialog.getByTestId('modify-terminate'), '报送上级主管部门（dispatch-superior）');
    await pick(admin, dialog.getByTestId('modify-activate'), '单位领导审签（sign-off）');
    await dialog.getByTestId('change-reason').fill('退回审签');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();

    // then: refused with the reason, nothing changed
    await dialog.getByTestId('change-refusals').getByText('「单位领导审签」位于子流程内，而该子流程当前不在进行中').waitFor();
    expect((await adminApi!.get(`/api/admin/instances/${instanceKey}/changes`)).body).toMatchObject({ version: 2 });
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'detached' });

    // when: a dry run onto version 3 (every step mapped to itself), then the migration with a reason
    await admin.getByTestId('change-migrate').click();
    dialog = admin.getByRole('dialog');
    await dialog.getByText('当前版本：第2版').waitFor();
    await choose(admin, dialog.getByTestId('migrate-target'), '第3版');
    await dialog.getByTestId('migrate-dry-run').click();
    await dialog.getByText('试迁移通过：所有进行中的环节都可以迁移').waitFor();
    await dialog.getByText('报送上级主管部门 → 报送上级主管部门（已修正）', { exact: false }).waitFor();
    await dialog.getByTestId('migrate-run').click();
    await dialog.locator('.ant-form-item-explain-error').getByText('请填写操作原因').waitFor();
    await dialog.getByTestId('change-reason').fill('第2版报送对象配置错误，迁移到修正后的第3版');
    await dialog.getByTestId('migrate-run').click();
    await admin.getByText('已迁移到第3版').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // and: 修改流程 runs 报送上级主管部门 again, now on version 3
    await admin.reload();
    await admin.getByText('第3版').first().waitFor();
    await admin.getByTestId('change-modify').click();
    dialog = admin.getByRole('dialog');
    await pick(admin, dialog.getByTestId('modify-terminate'), '报送上级主管部门（已修正）（dispatch-superior）');
    await pick(admin, dialog.getByTestId('modify-activate'), '报送上级主管部门（已修正）（dispatch-superior）');
    await dialog.getByTestId('change-reason').fill('按修正后的配置重新报送上级主管部门');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await admin.getByText('已修改流程').waitFor();

    // then: the report reaches the superior department, and the dossier's trail says who moved it, how and why
    await waitForTask(superiorDuty!, number, 'acknowledge_superior', 30_000);
    await admin.goto(`${url}/incidents/${number}`);
    await admin.getByText('迁移到流程的其他版本：第2版报送对象配置错误，迁移到修正后的第3版').waitFor();
    await admin.getByText('修改流程（移动环节）：按修正后的配置重新报送上级主管部门').waitFor();
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });
});
