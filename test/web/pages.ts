import type { Locator, Page } from 'playwright-core';

/** Logs in through the login form, as a user would; resolves on the inbox. */
export async function loginInBrowser(page: Page, baseUrl: string, username: string, password = 'kuaibao2026') {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录|Log in/ }).click();
  await page.waitForURL(/\/inbox/);
}

/**
 * Picks an option of an Ant Design select by its visible label, and waits until the select shows it. Under load
 * a click can land on a dropdown still closing (the previous select's), or the dropdown can close under the click,
 * so a pick that did not take is tried again from a closed dropdown.
 */
export async function choose(page: Page, select: Locator, label: string) {
  const openDropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      await openDropdown.first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
      // a multiple select would drop an option picked late by clicking it again
      if ((await select.getByText(label).count()) > 0) return;
    }
    if (attempt === 1 || (await openDropdown.count()) === 0) await select.click();
    const option = openDropdown.locator('.ant-select-item-option').filter({ hasText: label }).first();
    // a long list is virtual and renders only its first options (every jurisdiction's divisions): a searchable select
    // is then narrowed by typing, as a user does
    const listed = await option.waitFor({ timeout: 1_500 }).then(() => true, () => false);
    if (!listed && (await select.locator('input:not([readonly])').count()) > 0) await page.keyboard.type(label);
    const clicked = await option.click({ timeout: 5_000 }).then(() => true, () => false);
    const shown = clicked && (await select.getByText(label).first().waitFor({ timeout: 2_000 }).then(() => true, () => false));
    if (shown) return;
    if (attempt === 3) throw new Error(`the select did not take "${label}"`);
  }
}

const beijing = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** Beijing time some minutes ago, as the date-time pickers take it (YYYY-MM-DD HH:mm) in any browser's zone. */
export const beijingTime = (minutesAgo: number) => {
  const part = Object.fromEntries(beijing.formatToParts(new Date(Date.now() - minutesAgo * 60_000)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
};

/** Types a time into an Ant Design date-time picker and confirms it. */
export async function enterTime(page: Page, input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The inbox row of an incident's task of a kind (table row on wide screens, card on phones). */
export const inboxRow = (page: Page, incidentNumber: string, kind: string) => page.locator(`[data-incident="${incidentNumber}"][data-kind="${kind}"]`);

/** A diagram element carrying a progress marker (kb-completed / kb-active), once bpmn-js has drawn it. */
export const diagramElement = (page: Page, elementId: string, marker: 'kb-completed' | 'kb-active') =>
  page.locator(`[data-testid=diagram] .djs-element.${marker}[data-element-id="${elementId}"]`);

/** Opens the task page's 流程图 tab (the diagram is drawn only there, after the progress line). */
export const openTaskDiagram = (page: Page) => page.getByTestId('tab-diagram').click();

/** The UI language this browser remembers (as the header's switch does); takes effect at the next page load. */
export const rememberLocale = (page: Page, locale: 'zh-CN' | 'en') => page.evaluate(`localStorage.setItem('kuaibao.locale', '${locale}')`);

/**
 * Fills the phone report form's caller and incident (a call from 临翔区应急管理局 about a forest fire; its times are
 * the caller's to set first) and records it; resolves on the new dossier with its incident number.
 */
export async function recordPhoneCall(page: Page, call: { summary: string; severity: string }): Promise<string> {
  await page.locator('#callerName').fill('李明');
  await page.locator('#callerPhone').fill('0883-2100001');
  await choose(page, page.getByTestId('phone-callerUnitId'), '临翔区应急管理局');
  await page.locator('#summary').fill(call.summary);
  await choose(page, page.getByTestId('phone-category'), '自然灾害');
  await choose(page, page.getByTestId('phone-severity'), call.severity);
  await page.getByTestId('phone-submit').click();
  await page.waitForURL(/\/incidents\/KB-/);
  return decodeURIComponent(page.url().split('/incidents/')[1]!);
}

/** Opens a page from the header's menu; an administrator's pages sit under 系统管理, opened first. */
export async function openFromMenu(page: Page, entry: string) {
  const manage = page.getByTestId('nav-manage');
  const link = page.getByTestId(entry);
  await link.or(manage).first().waitFor();
  if (!(await link.isVisible())) await manage.click();
  await link.click();
}

/** Records every CSP violation a page reports (the console says it too; this catches those the console does not name). */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { cspViolations: seen });
    // (this runs in the page; the test workspace has no DOM types)
    type Violation = { violatedDirective: string; blockedURI: string };
    const page = globalThis as unknown as { document: { addEventListener(type: string, listener: (event: Violation) => void): void } };
    page.document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
}
