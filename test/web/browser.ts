import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { isWebAppBuilt, serveWebApp, WEB_DIST_DIR, type RunningServer } from '@kuaibao/api';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer } from '../api/server';
import { chooseChromium } from './chromium';
import { loginInBrowser } from './pages';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Debian's headless shell or Chromium when there, else the one inside an npm package (chromium.ts); nothing is downloaded. */
export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium(process.env, { headlessShell: true });
  return chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...choice.env } });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium per test process, shared by the browser test files it runs one after another (vitest keeps a worker's
 * modules from file to file, ADR 0053): with a browser per file, six browser files took about 40 % more CPU (ADR 0073).
 * Each file works in contexts of its own and closes them; the browser ends with the process (playwright closes it on exit and on SIGTERM).
 */
export function sharedChromium(): Promise<Browser> {
  if (!shared) {
    const launching = launchChromium();
    shared = launching;
    const forget = () => {
      if (shared === launching) shared = undefined;
    };
    launching.then((browser) => browser.on('disconnected', forget), forget);
  }
  return shared;
}

/** What the test server takes besides the web app (`handlers`: wrap the workers' job handlers, e.g. to inject a fault). */
export type WebServerOptions = Omit<NonNullable<Parameters<typeof startTestServer>[0]>, 'web'>;

/** The embedded system on a fresh database, serving the built web app at / (fails clearly when it is not built). */
export async function startWebServer(options: WebServerOptions = {}): Promise<RunningServer> {
  if (!isWebAppBuilt()) throw new Error(`The web app is not built (${WEB_DIST_DIR}): run \`npm install\` or \`npm run build --workspace web\`.`);
  return startTestServer({ ...options, web: serveWebApp() });
}

/** Every console error and uncaught exception of the pages of a context, named by the page's user. */
export function collectBrowserErrors(context: BrowserContext, who: string, errors: string[]) {
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${who} console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`${who} pageerror: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

export const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/** Saves a screenshot of each page (to see what a failed test saw); returns the directory. */
export async function screenshotAll(pages: Map<string, Page>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kuaibao-web-failure-'));
  for (const [name, page] of pages) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
  return dir;
}

export interface BrowserSession {
  /** The system under test (set once the describe block's beforeAll ran). */
  readonly server: RunningServer;
  /** Console errors and uncaught exceptions of every page opened through `pageOf`. */
  readonly errors: string[];
  /**
   * A desktop page of its own for `username`, logged in and on the inbox; in the machine's time zone unless
   * `timezoneId` says. It lives until the end of the test that opened it.
   */
  pageOf(username: string, options?: { timezoneId?: string }): Promise<Page>;
}

/** What a browser keeps of a login (the session cookie, localStorage), as playwright saves and restores it. */
type SavedLogin = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * One embedded system serving the web app (started with `options`) for the enclosing describe block, in the test
 * process's shared Chromium; each user gets a page of their own. When a test fails, a screenshot of every page shows what it saw.
 *
 * For speed (docs/adr/0053): a user's first page logs in through the login form; their later pages in the block
 * start with what that login left in the browser (the session cookie, the remembered user) and open the inbox,
 * which confirms the session with /api/me, as a returning visit does; a session ended since (a logout) logs in
 * through the form again. The pages of a test are closed when it ends, so they do not keep drawing, polling and
 * streaming beside the next test's.
 *
 * Pages ask for reduced motion, as a user's system may (the app then turns antd's animations off): a test waits for a
 * dialog's state, not for its animation; a run under load once saw a confirmation stay on screen for 30 s after 取消,
 * waiting for the end of its closing animation.
 */
export function useBrowserSession(options: WebServerOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  const errors: string[] = [];
  const pages = new Map<string, Page>();
  const logins = new Map<string, SavedLogin>();
  const contexts: BrowserContext[] = [];
  const closeContexts = () => Promise.all(contexts.splice(0).map((opened) => opened.close().catch(() => undefined)));
  beforeAll(async () => {
    browser = await sharedChromium();
    server = await startWebServer(options);
  });
  afterAll(async () => {
    await closeContexts(); // first: the pages' event streams must not see the server go away
    await server?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.error(`[web] screenshots of the pages at the failure: ${await screenshotAll(pages)}`);
    pages.clear();
    await closeContexts();
  });
  return {
    get server() {
      if (!server) throw new Error('the web server runs only inside the describe block');
      return server;
    },
    errors,
    async pageOf(username, options = {}) {
      const saved = logins.get(username);
      const resume = saved !== undefined && (await sessionAlive(server!.url, saved));
      const context = await browser!.newContext({ viewport: VIEWPORTS.desktop, locale: 'zh-CN', reducedMotion: 'reduce', ...options, ...(resume && { storageState: saved }) });
      contexts.push(context);
      collectBrowserErrors(context, username, errors);
      const page = await context.newPage();
      pages.set(username, page);
      if (resume && (await openInboxLoggedIn(page, server!.url))) return page;
      await loginInBrowser(page, server!.url, username);
      logins.set(username, await context.storageState());
      return page;
    },
  };
}

/** Whether the server still knows a saved login's session (asked outside the browser: a 401 there is a console error). */
async function sessionAlive(baseUrl: string, saved: SavedLogin): Promise<boolean> {
  const cookie = saved.cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  return (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).ok;
}

/** Opens the inbox with a saved login; resolves once the app has confirmed the session with /api/me. */
async function openInboxLoggedIn(page: Page, baseUrl: string): Promise<boolean> {
  const confirmed = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me');
  await page.goto(`${baseUrl}/inbox`);
  if (!(await confirmed).ok()) return false;
  await page.waitForURL(/\/inbox/);
  return true;
}
