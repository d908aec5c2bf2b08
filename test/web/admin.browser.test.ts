import { TASK_TYPES } from '@kuaibao/domain';
import { fail } from '@kuaibao/engine';
import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { useBrowserSession } from './browser';

/** 流程监控 in the browser: an admin finds the report stopped at a failed step, sees why, and retries it with a reason. */
describe('the process monitor', () => {
  /** The fault at the edge: the organisation data service answering nothing while it is on. */
  let orgServiceDown = false;
  const web = useBrowserSession({
    handlers: (handlers) => ({
      ...handlers,
      [TASK_TYPES.resolveRecipients]: (variables, job) =>
        orgServiceDown ? Promise.resolve(fail('组织机构服务无响应', { retries: 0 })) : handlers[TASK_TYPES.resolveRecipients]!(variables, job),
    }),
  });
  const { errors, pageOf } = web;

  /** Polls the admin API until it lists an incident of the report. */
  async function untilFailed(admin: Client, number: string) {
    for (let i = 0; i < 200; i++) {
      const { body } = await admin.get('/api/admin/instances?problem=incident');
      if ((body.items as { incidentNumber: string | null }[]).some((item) => item.incidentNumber === number)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${number} never failed`);
  }

  it('lists the report stopped at a failed step; a retry with a reason moves it on and goes into the dossier', { timeout: 120_000 }, async () => {
    // given: the organisation service is down when a 首报 comes in
    orgServiceDown = true;
    const number: string = (await (await login(web.server.url, 'lx_reporter')).post('/api/reports', firstReport({ title: '临翔区博尚镇道路交通事故' }))).body.incidentNumber;
    await untilFailed(await login(web.server.url, 'admin'), number);

    // when: the admin opens the monitor from the menu
    const admin = await pageOf('admin');
    const retryRequests: string[] = [];
    admin.on('request', (request) => {
      if (request.url().includes('/api/admin/incidents/')) retryRequests.push(request.url());
    });
    await admin.getByTestId('nav-monitor').click();
    await admin.waitForURL(/\/admin\/instances$/);

    // then: the report first, at the failed step 确定报送对象 with the error
    const rows = admin.getByTestId('instance-row');
    const row = admin.locator(`[data-testid=instance-row][data-incident="${number}"]`);
    await row.waitFor();
    expect(await rows.first().getAttribute('data-incident')).toBe(number);
    expect(await row.getByTestId('instance-incident').innerText()).toBe(number);
    expect(await row.innerText()).toContain('临翔区博尚镇道路交通事故');
    const incident = row.getByTestId('incident');
    expect(await incident.getAttribute('data-element')).toBe('resolve-recipients');
    expect(await incident.innerText()).toMatch(/组织机构服务无响应[\s\S]*确定报送对象 · \d{4}-\d\d-\d\d \d\d:\d\d[\s\S]*重试次数已用尽/);
    expect(await row.getByTestId('waiting-for').innerText()).toMatch(/^(不到1分钟|\d+分钟)\s+自 \d{4}-\d\d-\d\d \d\d:\d\d$/);

    // when: only the failed ones, and 重试 without a reason
    await admin.getByTestId('filter-incident').click();
    await admin.waitForURL(/\?problem=incident$/);
    await row.getByTestId('retry').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('重试失败环节「确定报送对象」').waitFor();
    expect(await admin.getByTestId('retry-retries').inputValue()).toBe('3');
    const submit = dialog.getByRole('button', { name: /^重\s*试$/ });
    await submit.click();

    // then: the reason is asked for, and nothing is sent
    await dialog.locator('.ant-form-item-explain-error').getByText('请填写重试原因').waitFor();
    expect(retryRequests).toEqual([]);

    // when: with a reason, once the service is back
    await admin.getByTestId('retry-reason').fill('组织机构服务已恢复');
    orgServiceDown = false;
    await submit.click();

    // then: a toast, the dialog closes, and the report leaves the failed list
    await admin.getByText('已重试「确定报送对象」').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(retryRequests).toHaveLength(1);
    await row.waitFor({ state: 'detached' });
    await admin.getByText('没有故障').waitFor();

    // and the report goes on to 核实: all of them show it waiting there for the unit's verifiers, with no incident
    await waitForTask(await login(web.server.url, 'lx_verifier'), number, 'verify');
    await admin.getByTestId('filter-all').click();
    const verify = row.locator('[data-testid=waiting-element][data-element="verify"]');
    await verify.waitFor();
    await expect.poll(() => verify.getByTestId('task-actors').innerText()).toBe('待认领：临翔区应急管理局（核实人）');
    expect(await row.getByTestId('incident').count()).toBe(0);

    // and the dossier's timeline says who retried which step, and why
    await row.getByTestId('instance-incident').click();
    await admin.waitForURL(new RegExp(`/incidents/${number}$`));
    const retried = admin.locator('[data-testid=timeline-entry][data-action="admin.incident_retried"]');
    await retried.waitFor();
    expect(await retried.innerText()).toMatch(/^管理员重试失败环节「确定报送对象」：组织机构服务已恢复\s+何军 · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(errors).toEqual([]);
  });

  it('is not offered to others, and tells them so at its address', { timeout: 60_000 }, async () => {
    // given
    const reporter = await pageOf('lx_reporter');
    await reporter.getByRole('link', { name: '事件档案' }).waitFor();

    // then: no menu entry
    expect(await reporter.getByTestId('nav-monitor').count()).toBe(0);

    // when: the reporter goes to the address anyway
    await reporter.goto(`${web.server.url}/admin/instances`);

    // then: a notice, not a crash
    await reporter.getByTestId('forbidden').getByText('只有系统管理员可以查看流程监控').waitFor();
    expect(errors).toEqual([]);
  });
});
