import { TASK_TYPES } from '@kuaibao/domain';
import { fail } from '@kuaibao/engine';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { openFromMenu } from './pages';
import { useBrowserSession } from './browser';

/**
 * 流程监控 in the browser: an admin finds the report stopped at a failed step, sees why, and retries it with a reason.
 * 报送时效统计 (the leaders' and duty offices' view of the same reports' clocks) shares this block's server.
 */
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

  /** Polls the dossier until both clocks of its 首报 are past due and the engine has marked them 迟报. */
  async function untilMarkedLate(user: Client, number: string) {
    for (let i = 0; i < 200; i++) {
      const clocks = (await user.get(`/api/incidents/${number}`)).body.reports[0].clocks as { state: string; overdueMarkedAt: string | null }[];
      if (clocks.length === 2 && clocks.every((c) => c.state === 'overdue' && c.overdueMarkedAt)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the clocks of ${number} were never marked late`);
  }

  /** 时效统计's row of 临翔区应急管理局 and the total: at least both incidents, a 迟报 in each channel (in red), each 按时率 as counted. */
  async function expectLinxiangCounted(page: Page) {
    const figure = async (scope: Locator, testId: string) => Number(await scope.getByTestId(testId).innerText());
    const row = page.locator('[data-testid=stats-row][data-unit="lx-yjj"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/^临翔区应急管理局/);
    expect(await figure(row, 'incidents')).toBeGreaterThanOrEqual(2);
    for (const channel of ['phone', 'written']) {
      const [met, late] = [await figure(row, `${channel}-met`), await figure(row, `${channel}-late`)];
      expect(late).toBeGreaterThanOrEqual(1);
      expect(await row.getByTestId(`${channel}-late`).getAttribute('class')).toContain('kb-late');
      expect(await row.getByTestId(`${channel}-rate`).innerText()).toBe(`${(Math.round((met * 1000) / (met + late)) / 10).toFixed(1)}%`);
    }
    const total = page.getByTestId('stats-total');
    expect(await total.innerText()).toMatch(/^合计/);
    expect(await figure(total, 'incidents')).toBeGreaterThanOrEqual(await figure(row, 'incidents'));
    expect(await figure(total, 'phone-late')).toBeGreaterThanOrEqual(1);
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
    await openFromMenu(admin, 'nav-monitor');
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

  it('时效统计 counts the unit’s 首报 in time and late this month, for its leader and for the city duty office', { timeout: 90_000 }, async () => {
    // given: two 首报 of 临翔区应急管理局, one learned of 3 hours ago: both its clocks are past due, and the engine marks them 迟报
    orgServiceDown = false;
    const reporter = await login(web.server.url, 'lx_reporter');
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const submitted = [
      await reporter.post('/api/reports', firstReport({ title: '临翔区南美乡道路塌方', occurredAt: ago(10), learnedAt: ago(5) })),
      await reporter.post('/api/reports', firstReport({ title: '临翔区章驮乡山洪', occurredAt: ago(190), learnedAt: ago(180) })),
    ];
    expect(submitted.map((response) => response.status)).toEqual([201, 201]);
    await untilMarkedLate(reporter, submitted[1]!.body.incidentNumber as string);

    // when: the unit's leader opens 时效统计 from the menu
    const leader = await pageOf('lx_leader');
    await leader.getByTestId('nav-stats').click();
    await leader.waitForURL(/\/stats$/);

    // then: this month so far in Beijing (the API's default period), the unit with its 迟报, and the total
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const period = leader.getByTestId('stats-period');
    await expect.poll(() => period.nth(0).inputValue()).toBe(`${today.slice(0, 8)}01`);
    expect(await period.nth(1).inputValue()).toBe(today);
    await expectLinxiangCounted(leader);

    // and the city duty office sees the unit too
    const duty = await pageOf('lc_duty');
    await duty.getByTestId('nav-stats').click();
    await duty.waitForURL(/\/stats$/);
    await expectLinxiangCounted(duty);

    // when: it picks last month, then comes back to the address
    await duty.getByTestId('stats-period').nth(0).click();
    await duty.locator('.ant-picker-presets li').filter({ hasText: '上月' }).click();
    const [year, month] = today.split('-').map(Number) as [number, number];
    const lastMonth = { from: new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10), to: new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10) };
    await duty.waitForURL(new RegExp(`/stats\\?from=${lastMonth.from}&to=${lastMonth.to}$`));
    await duty.reload();

    // then: nothing was reported then (a fresh system), and the period stays picked
    await duty.getByText('该时段内没有报送的事件').waitFor();
    expect(await duty.getByTestId('stats-period').nth(0).inputValue()).toBe(lastMonth.from);
    expect(await duty.getByTestId('stats-period').nth(1).inputValue()).toBe(lastMonth.to);
    expect(await duty.getByTestId('stats-row').count()).toBe(0);
    expect(await duty.getByTestId('stats-total').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
