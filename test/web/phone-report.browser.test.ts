import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser';
import { beijingTime, choose, enterTime, recordPhoneCall } from './pages';

describe('the web app: a phone report recorded by the duty officer, then its written 首报 from the dossier', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('the duty officer records the call and lands on the new dossier; the reporter files the written report into it', { timeout: 120_000 }, async () => {
    // when: the city duty officer opens the form from the header and submits it empty first
    const duty = await pageOf('lc_duty');
    await duty.getByTestId('nav-phone-report').click();
    await duty.waitForURL(/\/phone-reports\/new$/);
    await duty.getByTestId('phone-submit').click();
    await duty.getByTestId('form-error').waitFor();
    const required = await duty.locator('.ant-form-item-explain-error').allInnerTexts();
    expect(required).toEqual(expect.arrayContaining(['来电人为必填项', '来电单位为必填项', '报告内容为必填项', '事件类别为必填项', '事件等级为必填项', '来电时间为必填项', '事发时间为必填项']));

    // and fills in the call (times first: Enter in a picker submits a complete form) and records it
    await enterTime(duty, duty.locator('#calledAt'), beijingTime(5));
    await enterTime(duty, duty.locator('#occurredAt'), beijingTime(25));
    await enterTime(duty, duty.locator('#learnedAt'), beijingTime(20));
    const number = await recordPhoneCall(duty, { summary: '马台乡帮东村后山发生森林火灾，2人轻伤，正在扑救。', severity: '较大（Ⅲ级）' });

    // then: the new dossier shows the phone report
    expect(number).toMatch(/^KB-530902-\d{8}-\d{4}$/);
    const phone = await duty.getByTestId('phone-report').innerText();
    expect(phone).toContain('李明（0883-2100001）');
    expect(phone).toContain('临翔区应急管理局');
    // and its header and its receipt cards agree: a recipient still to acknowledge makes it 待签收, not 已签收
    const receipts = duty.locator('[data-testid^=receipt-]');
    await receipts.first().waitFor();
    const pendingReceipts = await duty.locator('[data-testid^=receipt-][data-acknowledged=no]').count();
    const header = await duty.getByTestId('dossier-status').innerText();
    expect(header).toMatch(/^电话报告 /);
    if (pendingReceipts > 0) expect(header).toBe('电话报告 待签收');
    else expect(header).not.toContain('待签收');

    // when: the calling unit's reporter opens the dossier and files the written report from it
    const reporter = await pageOf('lx_reporter');
    await reporter.goto(`${web.server.url}/incidents/${number}`);
    await expect(reporter.getByTestId('later-report').count()).resolves.toBe(0);
    await reporter.getByTestId('write-after-phone').click();
    await reporter.getByTestId('written-after-phone').waitFor();
    expect(await reporter.locator('#course').inputValue()).toBe('马台乡帮东村后山发生森林火灾，2人轻伤，正在扑救。');
    expect(await reporter.locator('#contact_phone').inputValue()).toBe('0883-2100001');
    await choose(reporter, reporter.getByTestId('field-division'), '临翔区');
    await reporter.locator('#place_address').fill('临翔区马台乡帮东村后山');
    for (const [field, value] of Object.entries({ dead: '0', injured: '2', seriouslyInjured: '0', missing: '0', trapped: '0' })) {
      await reporter.locator(`#casualties_${field}`).fill(value);
    }
    await reporter.locator('#harm').fill('2名扑火人员轻伤，无房屋损毁。');
    await reporter.getByTestId('submit-report').click();

    // then: it joined the same dossier, which shows the phone report and the 首报 with its clocks
    await reporter.waitForURL(`**/incidents/${number}`);
    await reporter.getByTestId('report-first').waitFor();
    await reporter.getByTestId('clocks').getByText('电话报告').first().waitFor({ timeout: 15_000 });
    await reporter.getByTestId('report-tab-phone').click();
    expect(await reporter.getByTestId('phone-report').innerText()).toContain('李明');
    await expect(reporter.getByTestId('write-after-phone').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
