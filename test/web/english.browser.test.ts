import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { rememberLocale } from './pages';

/** Hanzi, to find Chinese that the English UI shows where it has an English word for it. */
const HANZI = /\p{Script=Han}/u;

/** The English UI says in English what it knows in English: units, the system's own steps, times and durations. */
describe('the web app in English', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('names units by their English names, the system as System, and durations and lists the English way', { timeout: 120_000 }, async () => {
    // given: a 重大 report verified, signed off and dispatched (双重上报 and the direct copy)
    const url = web.server.url;
    const reporter = await login(url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport({ casualties: { dead: 1, injured: 2, seriouslyInjured: 0, missing: 0, trapped: 0 } }))).body.incidentNumber;
    const verifier = await login(url, 'lx_verifier');
    expect((await verifier.post(`/api/tasks/${(await waitForTask(verifier, number, 'verify')).key}/complete`, { decision: 'confirm' })).status).toBe(204);
    const leader = await login(url, 'lx_leader');
    expect((await leader.post(`/api/tasks/${(await waitForTask(leader, number, 'sign_off')).key}/complete`, { decision: 'approve' })).status).toBe(204);
    await waitForTask(await login(url, 'lc_yjj_duty'), number, 'acknowledge_superior');

    // when: the reporter reads the dossier in English
    const page = await pageOf('lx_reporter');
    await rememberLocale(page, 'en');
    await page.goto(`${url}/incidents/${number}`);
    await page.getByTestId('receipts').waitFor();

    // then
    const header = await page.locator('header').innerText();
    expect(header).toContain('Linxiang Emergency Management Bureau');
    const report = await page.getByTestId('report-view').innerText();
    expect(report).toMatch(/Reporting unit\s+Linxiang Emergency Management Bureau/);
    expect(report).toContain('Dead 1, Injured 2');
    expect(report).toContain('Linxiang District Government (530902)');
    const receipts = await page.getByTestId('receipts').innerText();
    // (the domain's English labels keep their Chinese term in brackets: "Direct copy (越级) …")
    expect(receipts.replace(/\([^)]*\)/g, '')).not.toMatch(HANZI);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toMatch(/System · \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(timeline).not.toContain('系统');
    const clocks = await page.getByTestId('clocks').innerText();
    expect(clocks).not.toMatch(/\(P[T\d]/);
    expect(clocks).toMatch(/\((\d+ d ?)?(\d+ h ?)?(\d+ min)?\)/);
    expect(errors).toEqual([]);
  });

  it('shows a duty officer every menu entry at 1280 px, not behind the overflow', { timeout: 60_000 }, async () => {
    const page = await pageOf('lx_duty');
    await page.setViewportSize({ width: 1280, height: 800 });
    await rememberLocale(page, 'en');
    await page.goto(`${web.server.url}/inbox`);
    const phone = page.getByTestId('nav-phone-report');
    await phone.waitFor();
    const box = await phone.boundingBox();
    expect(box && box.width > 0 && box.x + box.width <= 1280, JSON.stringify(box)).toBe(true);
    expect(await phone.innerText()).toBe('Phone report');
  });

  it('takes the form’s messages away when the language changes, and the next check speaks the new one', { timeout: 60_000 }, async () => {
    const page = await pageOf('lx_reporter');
    await rememberLocale(page, 'zh-CN');
    await page.goto(`${web.server.url}/reports/new`);
    await page.getByTestId('submit-report').click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('事件类别为必填项');

    await page.getByTestId('language').click();
    await page.getByTestId('form-error').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0);

    await page.getByTestId('submit-report').click();
    await page.getByTestId('form-error').waitFor();
    const messages = await page.locator('.ant-form-item-explain-error').allInnerTexts();
    expect(messages).toContain('Category is required');
    expect(messages.join(' ')).not.toMatch(HANZI);
  });
});
