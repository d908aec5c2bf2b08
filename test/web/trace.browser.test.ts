import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { choose } from './pages';

/**
 * 流程查询与处置 in the browser (issue 22): an admin finds the report that has waited at 审签 for two hours, opens it,
 * reassigns 审签 with a reason, and the new assignee finds it in her inbox; the report then moves on.
 */
describe('the admin trace in the browser', () => {
  /** The server's clock runs this far ahead (the clock is mocked at the edge: "waited two hours"). */
  let ahead = 0;
  const web = useBrowserSession({ now: () => new Date(Date.now() + ahead) });
  const { errors, pageOf } = web;

  it('finds a report waiting at 审签 for two hours, reassigns it with a reason, and the new assignee has it', { timeout: 180_000 }, async () => {
    // given: a 较大 report through 核实, waiting at 审签 for the unit's leaders; 王芳 (核实人) also made a leader
    const url = web.server.url;
    const [adminApi, reporter, verifier] = await Promise.all(['admin', 'lx_reporter', 'lx_verifier'].map((u) => login(url, u)));
    const number: string = (await reporter!.post('/api/reports', firstReport({ title: '临翔区南美乡山体滑坡', severity: 'III', learnedAt: new Date(Date.now() - 60_000).toISOString() }))).body.incidentNumber;
    const verify = await waitForTask(verifier!, number, 'verify');
    expect((await verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(await login(url, 'lx_leader'), number, 'sign_off');
    const wang = (await adminApi!.get('/api/admin/users?q=lx_verifier')).body.items[0];
    expect((await adminApi!.request('PATCH', `/api/admin/users/${wang.id}`, { roles: ['verifier', 'leader'] })).status).toBe(200);

    // when: two hours pass, and the admin searches for reports at 审签 for more than 120 minutes
    ahead = 2 * 3600_000 + 60_000;
    const admin = await pageOf('admin');
    await admin.goto(`${url}/admin/instances`);
    await admin.getByTestId('trace-link').click();
    await admin.waitForURL(/\/admin\/trace$/);
    await admin.getByTestId('trace-dashboard').waitFor();
    await admin.getByTestId('trace-q').fill(number);
    await choose(admin, admin.getByTestId('trace-step'), '单位领导审签');
    await admin.getByTestId('trace-stuck').fill('120');
    await admin.getByTestId('trace-stuck').press('Enter');

    // then: exactly that report, waiting at 审签 for its leaders, past its statutory clocks
    await admin.waitForURL(/stuckMinutes=120/);
    const row = admin.locator(`[data-testid=trace-row][data-incident="${number}"]`);
    await row.waitFor();
    expect(await admin.getByTestId('trace-row').count()).toBe(1);
    expect(await row.innerText()).toMatch(/临翔区南美乡山体滑坡[\s\S]*单位领导审签 · 待认领[\s\S]*超时/);

    // when: the admin opens it and reassigns 审签 to 王芳 — first without a reason, using the keyboard in the reason field
    await row.getByTestId('trace-open').click();
    await admin.waitForURL(/\/admin\/trace\/\d+$/);
    const pending = admin.locator('[data-testid=trace-history-row][data-kind=sign_off][data-state=created]');
    await pending.getByTestId('trace-reassign').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('改派：单位领导审签').waitFor();
    await choose(admin, dialog.getByTestId('trace-assignee'), '王芳（lx_verifier）');
    await admin.getByTestId('trace-reason').press('Enter'); // a new line in the reason, never a half-filled form sent
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.locator('.ant-form-item-explain-error').getByText('请填写操作原因').waitFor();
    await admin.getByTestId('trace-reason').fill('张伟出差两小时未审签，由王芳代签');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();

    // then: done, and the step is hers
    await admin.getByText('已改派').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => pending.innerText()).toContain('王芳');

    // and: 王芳 finds it in her inbox, signs it off, and the report moves on to 已报出
    const wangPage = await pageOf('lx_verifier');
    await wangPage.locator(`[data-testid="task-row-${signOff.key}"]`).waitFor();
    expect((await verifier!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意报送' })).status).toBe(204);
    await expect.poll(async () => {
      await admin.reload();
      return admin.getByTestId('trace-report-status').innerText();
    }, { timeout: 30_000 }).toBe('已报出');
    const timeline = (await adminApi!.get(`/api/incidents/${number}`)).body.timeline as { action: string; actor: string; detail: { reason?: string } }[];
    expect(timeline.find((e) => e.action === 'trace.reassigned')).toMatchObject({ actor: '何军', detail: { reason: '张伟出差两小时未审签，由王芳代签' } });
    expect(errors).toEqual([]);
  });
});
