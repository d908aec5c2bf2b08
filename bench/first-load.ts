/**
 * `npm run bench -- first_load [--runs 3] [--task-pages 10]`
 * Issue 20's page figures, in Debian's (or the packaged) Chromium against the built web app served by kuaibao's server:
 * - `first_load_login_s`: a browser with nothing cached opens /login over a throttled link (1.6 Mbps both ways, 150 ms
 *   round trip: Chromium's network emulation) until the login form can be used (username, password and the button).
 * - `first_load_inbox_s`: a browser with nothing cached but the session cookie opens /inbox over the same link until
 *   the verifier's task row is shown.
 * - `first_load_designer_s`: a returning 流程设计员 with nothing cached opens a draft of the default 首报 flow
 *   (/designer/drafts/{id}) over the same link until the modeler has drawn it (issue 17: the modeler's code loads on
 *   that page only, so it is measured there; the login and inbox figures above are without it).
 * - `task_page_ms`: on loopback, with the app loaded, from the click on 办理 in the inbox until the task page shows the
 *   decision form and the progress line (the task and its dossier fetched and drawn); the median of `runs` is taken
 *   for the loads, p50/p95 for the task page.
 * Goals (issue 20): first loads ≤ 3 s, task page ≤ 300 ms.
 */
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { isWebAppBuilt, serveWebApp, startServer, loadConfig, WEB_DIST_DIR } from '@kuaibao/api';
import { firstReport, login, waitForTask } from '../test/api/client';
import { chooseChromium } from '../test/web/chromium';
import { openBenchDatabase } from './lib/bench-database';
import { runBenchmark } from './lib/bench-server';
import { emitResult, summarize } from './lib/stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'task-pages': { type: 'string', default: '10' } } });
const log = (message: string) => process.stderr.write(`[first_load] ${message}\n`);
/** 1.6 Mbps and 150 ms round trip, as issue 20 measured the login page (10 s before compression). */
const SLOW_LINK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A returning user: the session cookie, and the web app's note of who is logged in (web/src/api/session.tsx). */
interface Returning { url: string; cookie: string; me: unknown }

async function browserContext(browser: Browser, user?: Returning): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  if (user) {
    const [name, ...rest] = user.cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: rest.join('='), url: user.url }]);
    await context.addInitScript(`localStorage.setItem('kuaibao.me', ${JSON.stringify(JSON.stringify(user.me))})`);
  }
  return context;
}

async function timeFirstLoad(browser: Browser, url: string, ready: string, user?: Returning): Promise<number> {
  const context = await browserContext(browser, user);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(ready).first().waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
    throw new Error(`${url} never showed ${ready}: at ${page.url()}, showing ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: error });
  });
  const seconds = (performance.now() - started) / 1000;
  await context.close();
  return seconds;
}

async function main() {
  if (!isWebAppBuilt()) throw new Error(`The web app is not built (${WEB_DIST_DIR}): run \`npm run build --workspace web\`.`);
  const { db, drop } = await openBenchDatabase('first_load');
  const server = await startServer({ db, web: serveWebApp(), config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1' } });
  const choice = await chooseChromium();
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], env: { ...process.env, ...choice.env } });
  try {
    const runs = Number(values.runs);
    const taskPages = Number(values['task-pages']);
    // a report waiting for 临翔's verifier, so the inbox has a row to show
    const reporter = await login(server.url, 'lx_reporter');
    const verifier = await login(server.url, 'lx_verifier');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    const task = await waitForTask(verifier, number, 'verify');
    const returning: Returning = { url: server.url, cookie: verifier.cookie, me: (await verifier.get('/api/me')).body };
    const designer = await login(server.url, 'designer');
    const draftId: string = (await designer.post('/api/jurisdictions/530900/processes/incident-report/drafts', {})).body.id;
    const returningDesigner: Returning = { url: server.url, cookie: designer.cookie, me: (await designer.get('/api/me')).body };

    const loginLoads: number[] = [];
    const inboxLoads: number[] = [];
    const designerLoads: number[] = [];
    for (let i = 0; i < runs; i++) {
      loginLoads.push(await timeFirstLoad(browser, `${server.url}/login`, 'button[type=submit]'));
      inboxLoads.push(await timeFirstLoad(browser, `${server.url}/inbox`, `[data-incident="${number}"][data-kind="verify"]`, returning));
      designerLoads.push(await timeFirstLoad(browser, `${server.url}/designer/drafts/${draftId}`, '.djs-element[data-element-id="verify"]', returningDesigner));
      log(`run ${i + 1}: login ${loginLoads.at(-1)!.toFixed(2)} s, inbox ${inboxLoads.at(-1)!.toFixed(2)} s, modeler ${designerLoads.at(-1)!.toFixed(2)} s`);
    }

    // the task page on loopback, the app loaded once (as a user going from their inbox to a task and back)
    const context = await browserContext(browser, returning);
    const page = await context.newPage();
    await page.goto(`${server.url}/inbox`);
    const times: number[] = [];
    for (let i = 0; i < taskPages + 2; i++) {
      await page.getByTestId(`handle-${task.key}`).waitFor();
      const started = performance.now();
      await page.getByTestId(`handle-${task.key}`).click();
      await page.getByTestId('decision-form').waitFor();
      await page.getByTestId('progress-line').waitFor();
      const ms = performance.now() - started;
      if (i >= 2) times.push(ms); // the first two load the task page's code
      await page.goBack();
    }
    await context.close();
    const task_page = summarize(times);
    emitResult('first loads at 1.6 Mbps / 150 ms (login, inbox, the designer\'s modeler), and inbox → task page on loopback', {
      first_load_login_s: median(loginLoads),
      first_load_inbox_s: median(inboxLoads),
      first_load_designer_s: median(designerLoads),
      task_page_ms: task_page.p50,
      task_page_p95_ms: task_page.p95,
      first_load_runs: runs,
      task_pages: times.length,
      browser: choice.source,
      database: db.kind,
    });
  } finally {
    await browser.close();
    await server.close();
    await drop().catch(() => undefined);
  }
}

runBenchmark(main);
