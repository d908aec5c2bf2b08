import type { Browser } from 'playwright-core';
import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { sharedChromium, startWebServer } from './browser';
import { inboxRow, loginInBrowser } from './pages';

/**
 * What the login page costs to load (issue 20, defect 10: ~1.85 MB of JavaScript sent uncompressed, 10 s at
 * 1.6 Mbps). The time itself is a benchmark figure (first_load_login_s); here: what is sent, and how it is cached.
 */
describe('the web app: the first load', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startWebServer();
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
    await server?.close();
  });

  it('the login page gets its scripts compressed, cached for a year as immutable, and little of them; index.html is revalidated', { timeout: 60_000 }, async () => {
    // given: a browser with nothing cached
    const page = await browser.newPage({ locale: 'zh-CN' });
    const scripts: { url: string; encoding?: string; cacheControl?: string; bytes: number }[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      void (async () => {
        const response = await request.response();
        const headers = (await response?.allHeaders()) ?? {};
        scripts.push({ url: request.url(), encoding: headers['content-encoding'], cacheControl: headers['cache-control'], bytes: (await request.sizes()).responseBodySize });
      })();
    });

    // when: it opens the login page
    const document = await page.goto(`${server.url}/login`);
    await page.locator('#username').waitFor();
    await expect.poll(() => scripts.length).toBeGreaterThan(0);

    // then: index.html is asked for again each time (it names the current assets)
    expect(document?.headers()['cache-control']).toBe('no-cache');
    // and every script comes compressed (Chromium asks for brotli over https only: gzip here) and immutable for a year
    for (const script of scripts) {
      // (a script under 1 KB is not worth compressing: web/precompress.ts leaves it as it is)
      if (script.bytes >= 1024) expect(script.encoding, script.url).toMatch(/^(br|gzip)$/);
      expect(script.cacheControl, script.url).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    }
    // and the whole is well under the 1.85 MB sent before (the diagram and the other pages' components stay out):
    // 410 KB gzip with the admin and designer pages' words in the entry (a regression guard; the figure is the bench's)
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(total).toBeLessThan(450_000);
    expect(scripts.some((s) => /\/bpmn-/.test(s.url))).toBe(false);
    // nor do the statistics charts (定期统计 loads echarts when its tab opens)
    expect(scripts.some((s) => /\/echarts-/.test(s.url))).toBe(false);

    // and a client that takes brotli gets it, one that takes gzip only gets gzip, one that takes neither the file
    const asset = new URL(scripts.find((s) => s.bytes >= 1024)!.url).pathname;
    const br = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const gzip = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    await page.close();
  });

  it('the modeler\'s code (bpmn-js Modeler, properties panel, lint) loads on a draft\'s page only, not with the inbox', { timeout: 120_000 }, async () => {
    // given: the designer logged in, their draft of the default flow
    const designer = await login(server.url, 'designer');
    const draft = (await designer.post('/api/jurisdictions/530900/processes/incident-report/drafts', {})).body;
    const page = await browser.newPage({ locale: 'zh-CN' });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });

    // when: they log in and land on the inbox, then open 流程设计's list
    await loginInBrowser(page, server.url, 'designer');
    await page.goto(`${server.url}/designer`);
    await page.getByTestId('process-incident-report').waitFor();

    // then: neither the modeler's chunk nor the diagram library came with them
    expect(scripts.filter((s) => /\/(draft-page|bpmn)-/.test(s))).toEqual([]);

    // when: the draft opens, its page's chunk brings the modeler
    await page.goto(`${server.url}/designer/drafts/${draft.id}`);
    await page.locator('.djs-element[data-element-id="verify"]').waitFor({ timeout: 60_000 });
    expect(scripts.some((s) => /\/draft-page-/.test(s))).toBe(true);
    await page.close();
  });

  it('the inbox on a desktop loads neither the phone\'s task cards nor the pagination (antd\'s List, Card, Tabs, Pagination); on a phone the cards come', { timeout: 120_000 }, async () => {
    // given: a report waiting for 临翔's verifier (fewer than 20 tasks: no pagination)
    const reporter = await login(server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    const opened: { width: number; scripts: string[] }[] = [];
    for (const width of [1366, 390]) {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width, height: 800 } });
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      // when: the verifier logs in and their inbox shows the task
      await loginInBrowser(page, server.url, 'lx_verifier');
      await page.locator(`[data-incident="${number}"][data-kind="verify"]`).first().waitFor();
      opened.push({ width, scripts });
      await page.close();
    }

    // then: the desktop's inbox came without those chunks, the phone's with the cards
    const desktop = opened.find((o) => o.width === 1366)!.scripts;
    expect(desktop.filter((s) => /\/(inbox-cards|Pagination|pagination|Tabs|Card)-/.test(s))).toEqual([]);
    expect(opened.find((o) => o.width === 390)!.scripts.some((s) => /\/inbox-cards-/.test(s))).toBe(true);
  });

  it('a returning user\'s inbox names the app\'s, its frame\'s and page\'s chunks to preload beside the first one; the login page the app\'s and its own', { timeout: 60_000 }, async () => {
    // given: a session, as a returning user's browser holds it
    const { cookie } = await login(server.url, 'lx_verifier');
    const preloads = async (path: string, withSession: boolean) => {
      const html = await (await fetch(`${server.url}${path}`, { headers: withSession ? { cookie } : {} })).text();
      return [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)">/g)].map((m) => m[1]!);
    };

    // when / then: /inbox with the session names the frame's and the inbox's chunks (and those they import)
    const inbox = await preloads('/inbox', true);
    expect(inbox).toEqual(expect.arrayContaining([expect.stringMatching(/^app-layout-/), expect.stringMatching(/^inbox-page-/)]));
    // and not antd's Table (the inbox draws its own: a sixth of its first load, docs/adr/0064)
    expect(inbox.some((f) => f.startsWith('Table-'))).toBe(false);
    // and a task page names the task page's, not the inbox's
    const task = await preloads('/tasks/123', true);
    expect(task.some((f) => f.startsWith('task-page-'))).toBe(true);
    expect(task.some((f) => f.startsWith('inbox-page-'))).toBe(false);
    // and every address names the app's chunk (the first chunk is a few KB that imports it: docs/adr/0064)
    expect(inbox.some((f) => f.startsWith('boot-'))).toBe(true);
    // and without a session, or on the login page, the app's and the login page's chunks, not the frame's
    for (const withoutFrame of [await preloads('/inbox', false), await preloads('/login', true)]) {
      expect(withoutFrame).toEqual(expect.arrayContaining([expect.stringMatching(/^boot-/), expect.stringMatching(/^login-page-/)]));
      expect(withoutFrame.some((f) => f.startsWith('app-layout-'))).toBe(false);
    }
  });

  it('a returning user\'s inbox asks for who is logged in and its tasks once each, from the first chunk, before the app\'s code has arrived', { timeout: 90_000 }, async () => {
    // given: a report waiting for 临翔's verifier, who logged in here before (the cookie, and the app's note of who)
    const reporter = await login(server.url, 'lx_reporter');
    const verifier = await login(server.url, 'lx_verifier');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    await waitForTask(verifier, number, 'verify');
    const context = await browser.newContext({ locale: 'zh-CN' });
    const [name, ...value] = verifier.cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
    await context.addInitScript(`localStorage.setItem('kuaibao.me', ${JSON.stringify(JSON.stringify((await verifier.get('/api/me')).body))})`);
    const page = await context.newPage();
    // over a slow link (1.6 Mbps, 150 ms), so that the app's code takes a while to arrive
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 });
    const events: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) events.push(`sent ${url.pathname}`);
    });
    page.on('requestfinished', (request) => {
      const file = new URL(request.url()).pathname;
      if (/^\/assets\/boot-.*\.js$/.test(file)) events.push('app code arrived');
    });

    // when: they open their inbox
    await page.goto(`${server.url}/inbox`);
    await inboxRow(page, number, 'verify').waitFor({ timeout: 60_000 });

    // then: the session check and the inbox's page were each asked for once, before the app's code had arrived
    // (the live events' stream, once connected, asks for the tasks again: whatever happened before it connected)
    const beforeLive = events.slice(0, events.indexOf('sent /api/events'));
    expect(beforeLive.filter((e) => e === 'sent /api/me')).toHaveLength(1);
    expect(beforeLive.filter((e) => e === 'sent /api/tasks')).toHaveLength(1);
    const arrived = events.indexOf('app code arrived');
    expect(arrived).toBeGreaterThan(-1);
    expect(events.indexOf('sent /api/me')).toBeLessThan(arrived);
    expect(events.indexOf('sent /api/tasks')).toBeLessThan(arrived);
    await context.close();
  });
});
