import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { beijingTime, enterTime, recordPhoneCall, rememberLocale } from './pages';

/** Hanzi, to find Chinese that the English UI shows where it has an English word for it. */
const HANZI = /\p{Script=Han}/u;

/** The web app at its edges, on one server and browser: in English, and when something is off. */
describe('the web app at its edges', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  /** The English UI says in English what it knows in English: units, the system's own steps, times and durations. */
  describe('in English', () => {
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
      // (until the units arrive, the header names the unit as the session does, in Chinese)
      await page.locator('header', { hasText: 'Linxiang Emergency Management Bureau' }).waitFor();

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

    it('shows a duty officer every menu entry at 1280 and 1366 px, not behind the overflow', { timeout: 60_000 }, async () => {
      const page = await pageOf('lc_duty_leader');
      await rememberLocale(page, 'en');
      for (const width of [1280, 1366]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${web.server.url}/inbox`);
        for (const entry of ['nav-phone-report', 'nav-stats']) {
          const link = page.getByTestId(entry);
          await link.waitFor();
          const box = await link.boundingBox();
          expect(box && box.width > 0 && box.x + box.width <= width, `${entry} at ${width}: ${JSON.stringify(box)}`).toBe(true);
        }
        expect(await page.getByTestId('nav-phone-report').innerText()).toBe('Phone');
      }
      // and an administrator, who has the most entries: theirs sit under one, in Chinese as in English
      const admin = await pageOf('admin');
      for (const locale of ['zh-CN', 'en'] as const) {
        await rememberLocale(admin, locale);
        await admin.setViewportSize({ width: 1280, height: 800 });
        await admin.goto(`${web.server.url}/inbox`);
        for (const entry of ['nav-duty', 'nav-stats', 'nav-manage']) {
          const box = await admin.getByTestId(entry).boundingBox();
          expect(box && box.width > 0 && box.x + box.width <= 1280, `${entry} (${locale}): ${JSON.stringify(box)}`).toBe(true);
        }
      }
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

  /** Statutory times are Beijing time (ADR 0021): a browser elsewhere shows them and takes them as such. */
  describe('in a browser set to New York time', () => {
    it('takes what is typed and the 此刻 button as Beijing time, and shows it back as typed', { timeout: 120_000 }, async () => {
      // given: a duty officer whose browser runs on New York time (13 hours behind Beijing in December)
      const duty = await pageOf('lc_duty', { timezoneId: 'America/New_York' });
      await duty.goto(`${web.server.url}/phone-reports/new`);

      // when: the call is taken "now" with the picker's button, the incident typed as Beijing time 25 minutes ago
      await duty.locator('#calledAt').click();
      await duty.locator('.ant-picker-dropdown:visible .ant-picker-now-btn').click();
      const occurred = beijingTime(25);
      await enterTime(duty, duty.locator('#occurredAt'), occurred);
      await enterTime(duty, duty.locator('#learnedAt'), beijingTime(20));
      const number = await recordPhoneCall(duty, { summary: '马台乡帮东村后山发生森林火灾，正在扑救。', severity: '一般（Ⅳ级）' });

      // then: the server holds the typed time as Beijing time and the call at the real now; the dossier shows both
      const dossier = (await (await login(web.server.url, 'lc_duty')).get(`/api/incidents/${encodeURIComponent(number)}`)).body;
      expect(new Date(dossier.occurredAt).toISOString()).toBe(new Date(`${occurred.replace(' ', 'T')}:00+08:00`).toISOString());
      const calledAt: string = dossier.reports.find((r: { kind: string }) => r.kind === 'phone').content.calledAt;
      expect(Math.abs(Date.parse(calledAt) - Date.now())).toBeLessThan(5 * 60_000);
      expect([beijingTime(0), beijingTime(1), beijingTime(2)]).toContain((await duty.getByTestId('phone-report').innerText()).match(/\d{4}-\d\d-\d\d \d\d:\d\d/)?.[0]);
      expect(errors).toEqual([]);
    });
  });

  /** What a user meets when something is off: a script chunk gone after a redeploy, an unknown address, a logout. */
  describe('when something is off', () => {
    it('keeps the task page usable when the diagram script is gone (a redeploy), and offers a reload', { timeout: 120_000 }, async () => {
      // given: a verify task, and the diagram's chunk answering 404 as after a redeploy
      const reporter = await login(web.server.url, 'lx_reporter');
      const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
      const task = await waitForTask(await login(web.server.url, 'lx_verifier'), number, 'verify');
      const verifier = await pageOf('lx_verifier');
      await verifier.route('**/assets/process-diagram-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));

      // when: the task page is opened and its 流程图 tab asked for
      await verifier.goto(`${web.server.url}/tasks/${task.key}`);
      await verifier.getByTestId('tab-diagram').click();

      // then: the diagram's tab says so, with a reload; the decision form is there to use
      const failure = verifier.getByTestId('render-failure');
      await failure.waitFor({ timeout: 30_000 });
      expect(await failure.innerText()).toMatch(/此部分无法显示[\s\S]*刷新页面/);
      await verifier.getByTestId('decision-form').waitFor();
      expect(await verifier.getByTestId('complete').isEnabled()).toBe(true);
    });

    it('answers an unknown address with a way back, and a logout does not send the next user to the last page', { timeout: 120_000 }, async () => {
      const reporter = await pageOf('lx_reporter');
      await rememberLocale(reporter, 'zh-CN');
      await reporter.goto(`${web.server.url}/nowhere`);
      await reporter.getByText('没有这个页面').waitFor();
      await reporter.getByRole('button', { name: /返回待办/ }).click();
      await reporter.waitForURL(/\/inbox$/);

      await reporter.goto(`${web.server.url}/incidents`);
      await reporter.getByRole('button', { name: /退\s*出/ }).first().click();
      await reporter.waitForURL(/\/login/);
      expect(new URL(reporter.url()).search).toBe('');
    });
  });
});
