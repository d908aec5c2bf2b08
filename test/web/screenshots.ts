/**
 * Screenshots of every page at 1366×768 and 390 px wide, with demo data: `npx tsx test/web/screenshots.ts [outDir]`.
 * Writes <outDir>/<page>-<viewport>.png (default /tmp/kuaibao-screenshots) and docs/screenshots/inbox.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { launchChromium, startWebServer, VIEWPORTS } from './browser';
import { loginInBrowser } from './pages';

const outDir = process.argv[2] ?? '/tmp/kuaibao-screenshots';

async function main() {
  mkdirSync(outDir, { recursive: true });
  const server = await startWebServer();
  const browser = await launchChromium();
  try {
    const as: Record<string, Client> = {};
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty']) as[name] = await login(server.url, name);
    const submit = async (overrides: Record<string, unknown>) => (await as.lx_reporter!.post('/api/reports', firstReport(overrides))).body.incidentNumber as string;
    const done = await submit({ title: '临翔区马台乡帮东村森林火灾', severity: 'III' });
    const returned = await submit({ title: '临翔区南美乡暴雨引发山体滑坡', category: 'natural_disaster', severity: 'IV' });
    await submit({ title: '临翔区某化工企业氨气泄漏', category: 'accident_disaster', severity: 'II', casualties: { dead: 0, injured: 5, seriouslyInjured: 1, missing: 0, trapped: 0 } });
    await submit({ title: '临翔区博尚镇一学校多名学生出现呕吐腹泻症状', category: 'public_health', severity: 'ungraded' });
    const complete = async (user: string, number: string, kind: string, body: unknown) => {
      const task = await waitForTask(as[user]!, number, kind);
      await as[user]!.post(`/api/tasks/${task.key}/complete`, body);
    };
    await complete('lx_verifier', done, 'verify', { decision: 'confirm', opinion: '经电话核实属实，过火面积约 30 亩' });
    await complete('lx_leader', done, 'sign_off', { decision: 'approve', opinion: '同意报送' });
    await complete('lc_yjj_duty', done, 'acknowledge_superior', { opinion: '已收悉' });
    await complete('lx_duty', done, 'acknowledge_government', {});
    await complete('lc_duty', done, 'receive_city', { opinion: '已签收，呈报带班领导' });
    await complete('lx_verifier', returned, 'verify', { decision: 'confirm', opinion: '属实' });
    await complete('lx_leader', returned, 'sign_off', { decision: 'return', opinion: '请补充受灾户数和转移群众人数' });
    const verifyTask = await waitForTask(as.lx_verifier!, returned, 'verify');
    await as.lx_verifier!.post(`/api/tasks/${verifyTask.key}/claim`);
    await new Promise((r) => setTimeout(r, 1_500));

    for (const [viewport, size] of Object.entries(VIEWPORTS)) {
      const shot = async (page: Page, name: string) => {
        await page.waitForTimeout(600);
        await page.screenshot({ path: path.join(outDir, `${name}-${viewport}.png`), fullPage: name !== 'inbox' || viewport === 'phone' });
        if (viewport === 'phone') await page.screenshot({ path: path.join(outDir, `${name}-${viewport}-fold.png`) });
      };
      const open = async (b: Browser, user: string) => {
        const page = await (await b.newContext({ viewport: size, locale: 'zh-CN' })).newPage();
        await loginInBrowser(page, server.url, user);
        return page;
      };
      const anonymous = await (await browser.newContext({ viewport: size })).newPage();
      await anonymous.goto(`${server.url}/login`);
      await shot(anonymous, 'login');

      const verifier = await open(browser, 'lx_verifier');
      await verifier.goto(`${server.url}/inbox`);
      await verifier.getByTestId(`task-row-${verifyTask.key}`).waitFor();
      await shot(verifier, 'inbox');
      await verifier.goto(`${server.url}/tasks/${verifyTask.key}`);
      await verifier.getByTestId('tab-diagram').click();
      await verifier.locator('[data-testid=diagram] .djs-element.kb-active').first().waitFor();
      await shot(verifier, 'task-verify');

      const leader = await open(browser, 'lx_leader');
      const signOff = await waitForTask(as.lx_leader!, await submitAndVerify(), 'sign_off');
      await leader.goto(`${server.url}/tasks/${signOff.key}`);
      await leader.getByTestId('tab-diagram').click();
      await leader.locator('[data-testid=diagram] .djs-element.kb-active').first().waitFor();
      await shot(leader, 'task-sign-off');

      const reporter = await open(browser, 'lx_reporter');
      await reporter.goto(`${server.url}/reports/new`);
      await reporter.getByTestId('submit-report').click();
      await reporter.getByTestId('form-error').waitFor();
      await shot(reporter, 'new-report-errors');
      await reporter.goto(`${server.url}/incidents`);
      await reporter.getByText(done).waitFor();
      await shot(reporter, 'incidents');
      await reporter.goto(`${server.url}/incidents/${done}`);
      await reporter.locator('[data-testid=diagram] .djs-element.kb-completed').first().waitFor();
      await shot(reporter, 'dossier');

      const cityDuty = await open(browser, 'lc_duty');
      await cityDuty.goto(`${server.url}/stats`);
      await cityDuty.getByTestId('stats-page').locator('.kb-late, .ant-empty').first().waitFor();
      await shot(cityDuty, 'stats');
      const admin = await open(browser, 'admin');
      await admin.goto(`${server.url}/admin/instances`);
      await admin.getByTestId('monitor-page').getByText(done.slice(0, 3)).first().waitFor().catch(() => undefined);
      await shot(admin, 'monitor');
      await reporter.goto(`${server.url}/incidents/${returned}`);
      await reporter.locator('[data-testid=diagram] .djs-element.kb-active').first().waitFor();
      await shot(reporter, 'dossier-in-progress');
      await verifier.goto(`${server.url}/inbox`);
      if (viewport === 'phone') {
        await verifier.getByTestId('whoami').click();
        await verifier.getByRole('menuitem', { name: 'English' }).click();
      } else await verifier.getByTestId('language').click();
      await verifier.getByText('Mine').waitFor();
      await shot(verifier, 'inbox-english');
    }
    copyFileSync(path.join(outDir, 'inbox-desktop.png'), path.resolve(import.meta.dirname, '../../docs/screenshots/inbox.png'));
    console.log(`screenshots in ${outDir}`);

    async function submitAndVerify() {
      const number = await submit({ title: '临翔区章驮乡一辆客车侧翻', category: 'accident_disaster', severity: 'III', casualties: { dead: 1, injured: 6, seriouslyInjured: 2, missing: 0, trapped: 0 } });
      await complete('lx_verifier', number, 'verify', { decision: 'confirm', opinion: '经现场核实，已更正受伤人数' });
      return number;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
