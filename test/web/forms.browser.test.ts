import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { beijingTime, choose, enterTime } from './pages';

/** The messages under the fields of a page's forms, as shown now. */
const fieldErrors = (page: Page) => page.locator('.ant-form-item-explain-error').allInnerTexts();

/** Form defects of issue 20 (1–3): Enter sends a half-filled report, messages stay after the fix, blank counts. */
describe('the web app: the forms', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('首报: the counts start at 0 under their hint, messages go when fixed, Enter confirms a time without sending', { timeout: 120_000 }, async () => {
    // given: the reporter on an empty 首报 form
    const reporter = await pageOf('lx_reporter');
    await reporter.getByRole('link', { name: '报送首报' }).click();
    await reporter.getByTestId('report-form').waitFor();

    // then: the five required counts start at 0, and their hint stands above them (not beside 直接经济损失)
    for (const count of ['dead', 'injured', 'seriouslyInjured', 'missing', 'trapped']) expect(await reporter.locator(`#casualties_${count}`).inputValue()).toBe('0');
    const hint = (await reporter.getByTestId('casualties-hint').boundingBox())!;
    const dead = (await reporter.locator('#casualties_dead').boundingBox())!;
    expect(hint.y).toBeLessThan(dead.y);
    expect(await reporter.getByTestId('casualties-hint').innerText()).toContain('没有的保持 0');

    // when: it is sent empty, then the title is filled and a count emptied and filled again
    await reporter.getByTestId('submit-report').click();
    await reporter.getByTestId('form-error').waitFor();
    expect(await fieldErrors(reporter)).toEqual(expect.arrayContaining(['标题为必填项', '事件经过为必填项']));
    await reporter.locator('#title').fill('临翔区马台乡帮东村发生森林火灾');
    // then: the title's message goes at once; the others stay until fixed
    await expect.poll(() => fieldErrors(reporter)).not.toContain('标题为必填项');
    expect(await fieldErrors(reporter)).toContain('事件经过为必填项');
    await reporter.locator('#casualties_dead').fill('');
    await reporter.getByTestId('submit-report').click();
    await expect.poll(() => fieldErrors(reporter)).toContain('死亡人数为必填项');
    await reporter.locator('#casualties_dead').fill('0');
    await expect.poll(() => fieldErrors(reporter)).not.toContain('死亡人数为必填项');

    // when: every other element is filled, and the times come last, each typed and confirmed with Enter
    await choose(reporter, reporter.getByTestId('field-category'), '自然灾害');
    await choose(reporter, reporter.getByTestId('field-severity'), '一般（Ⅳ级）');
    await choose(reporter, reporter.getByTestId('field-division'), '临翔区');
    await reporter.locator('#place_address').fill('临翔区马台乡帮东村后山');
    await reporter.locator('#course').fill('13时许帮东村后山发生森林火灾，已组织扑救。');
    await reporter.locator('#harm').fill('无人员伤亡。');
    await reporter.locator('#contact_phone').fill('0883-2100001');
    await enterTime(reporter, reporter.locator('#occurredAt'), beijingTime(40));
    const learnedAt = beijingTime(30); // the minute typed (the clock may turn to the next one before the check)
    await enterTime(reporter, reporter.locator('#learnedAt'), learnedAt);

    // then: Enter took the time and sent nothing (the form was complete: before, Enter sent it as it stood)
    await reporter.waitForTimeout(1_500);
    expect(reporter.url()).toMatch(/\/reports\/new$/);
    expect(await reporter.locator('#learnedAt').inputValue()).toBe(learnedAt);
    const mine = await login(web.server.url, 'lx_reporter');
    expect((await mine.get('/api/incidents?pageSize=200')).body.items).toEqual([]);
    expect(await fieldErrors(reporter)).toEqual([]);

    // and the button sends it
    await reporter.getByTestId('submit-report').click();
    await reporter.waitForURL(/\/incidents\/KB-/);
    expect(errors).toEqual([]);
  });

  it('核实 and 审签: the reason and the opinion a decision needs are asked, and the message goes when answered or not needed', { timeout: 120_000 }, async () => {
    // given: a report at 核实
    const reporterApi = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporterApi.post('/api/reports', firstReport({ severity: 'IV', title: '临翔区一处山体滑坡' }))).body.incidentNumber;
    const verifierApi = await login(web.server.url, 'lx_verifier');
    const verify = await waitForTask(verifierApi, number, 'verify');

    // when: the verifier chooses 不属实，关闭 without a reason, then goes back to 属实
    const verifier = await pageOf('lx_verifier');
    await verifier.goto(`${web.server.url}/tasks/${verify.key}`);
    await verifier.getByTestId('decision-form').getByText('不属实，关闭').click();
    await verifier.getByTestId('complete').click();
    await expect.poll(() => fieldErrors(verifier)).toContain('关闭报告必须说明理由');
    await verifier.getByTestId('decision-form').getByText('属实，确认').click();
    // then: the message goes (a confirmation needs no reason)
    await expect.poll(() => fieldErrors(verifier)).toEqual([]);

    // given: the report at 审签
    await verifierApi.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm' });
    const leaderApi = await login(web.server.url, 'lx_leader');
    const signOff = await waitForTask(leaderApi, number, 'sign_off');
    // when: the leader returns it without an opinion, then writes one
    const leader = await pageOf('lx_leader');
    await leader.goto(`${web.server.url}/tasks/${signOff.key}`);
    await leader.getByTestId('decision-form').getByText('退回核实').click();
    await leader.getByTestId('complete').click();
    await expect.poll(() => fieldErrors(leader)).toContain('退回必须填写意见');
    await leader.getByTestId('opinion').fill('请补充受灾户数');
    // then: the message goes
    await expect.poll(() => fieldErrors(leader)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
