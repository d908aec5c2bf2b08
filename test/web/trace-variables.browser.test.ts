import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';

/**
 * 修改流程变量 in the browser (issue 22, docs/adr/0045): on the instance page the admin edits a variable with a reason
 * (the same schema as the API checks it), sees the new value, and an edit overtaken by another is refused and shown.
 */
describe('editing a flow variable in the browser', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('edits 严重程度 with a reason; a stale edit is refused; the report’s ids are not editable', { timeout: 180_000 }, async () => {
    // given: a report at 核实, graded 重大 (Ⅱ)
    const url = web.server.url;
    const [adminApi, reporter, verifier] = await Promise.all(['admin', 'lx_reporter', 'lx_verifier'].map((u) => login(url, u)));
    const number: string = (await reporter!.post('/api/reports', firstReport({ title: '临翔区忙畔街道燃气泄漏' }))).body.incidentNumber;
    await waitForTask(verifier!, number, 'verify');
    const key: string = (await adminApi!.get(`/api/admin/monitor/search?number=${number}`)).body.items[0].instanceKey;

    // when: the admin opens the instance and edits severity — first not as JSON, then without a reason
    const admin = await pageOf('admin');
    await admin.goto(`${url}/admin/trace/${key}`);
    const severity = admin.locator('[data-testid=trace-variable][data-name=severity]');
    await severity.waitFor();
    expect(await severity.getByTestId('trace-variable-value').innerText()).toBe('"II"');
    expect(await admin.locator('[data-testid=trace-variable][data-name=reportId]').innerText()).toContain('关联报告，不可修改');
    await severity.getByTestId('trace-variable-edit').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('修改流程变量「severity」').waitFor();
    await admin.getByTestId('trace-variable-input').fill('III');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.locator('.ant-form-item-explain-error').getByText('新值不是有效的 JSON：文字请加英文双引号').waitFor();
    await admin.getByTestId('trace-variable-input').fill('"III"');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.locator('.ant-form-item-explain-error').getByText('请填写操作原因').waitFor();
    await admin.getByTestId('trace-variable-reason').fill('现场核实后定为较大');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();

    // then: done, the page shows the new value, the trail has who and why
    await admin.getByText('变量「severity」已修改').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => severity.getByTestId('trace-variable-value').innerText()).toBe('"III"');
    const timeline = (await adminApi!.get(`/api/incidents/${number}`)).body.timeline as { action: string; detail: Record<string, unknown> }[];
    expect(timeline.find((e) => e.action === 'trace.variable_edited')).toMatchObject({ detail: { name: 'severity', before: 'II', after: 'III', reason: '现场核实后定为较大' } });

    // when: someone else changes sensitive while the admin's dialog is open
    const sensitive = admin.locator('[data-testid=trace-variable][data-name=sensitive]');
    await sensitive.getByTestId('trace-variable-edit').click();
    expect((await adminApi!.request('PUT', `/api/admin/instances/${key}/variables/sensitive`, { value: true, expected: false, reason: '涉及学校' })).status).toBe(200);
    await admin.getByTestId('trace-variable-input').fill('false');
    await admin.getByTestId('trace-variable-reason').fill('不敏感');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();

    // then: refused with why, and the page shows the value that won
    await admin.getByText('变量「sensitive」在您查看之后已被修改，请刷新后再改').waitFor();
    await expect.poll(() => sensitive.getByTestId('trace-variable-value').innerText()).toBe('true');
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });
});
