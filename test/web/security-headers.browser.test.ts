import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { diagramElement, inboxRow, openTaskDiagram, watchCspViolations } from './pages';

/** The web app under its Content-Security-Policy and the API's CSRF checks (ADR 0025). */
describe('the web app under its security headers', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('runs the login, inbox, task (with its diagram) and dossier pages with no CSP violation, and its writes pass the same-origin check', { timeout: 120_000 }, async () => {
    // given: a report waiting at 核实
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '安全策略测试' }))).body.incidentNumber;
    await waitForTask(await login(web.server.url, 'lx_verifier'), number, 'verify');

    // when: the verifier logs in (the login page), opens the inbox, claims and opens the task, and reads the dossier
    const page = await pageOf('lx_verifier');
    const violations = await watchCspViolations(page);
    await page.goto(`${web.server.url}/inbox`);
    const row = inboxRow(page, number, 'verify');
    await row.getByRole('button', { name: /认\s*领/ }).click();
    await row.getByText('王芳（我）').waitFor();
    await row.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByTestId('decision-form').waitFor();
    await openTaskDiagram(page);
    await diagramElement(page, 'verify', 'kb-active').waitFor();
    await page.goto(`${web.server.url}/incidents/${number}`);
    await page.getByTestId('timeline').waitFor();
    await page.locator('[data-testid=diagram] .djs-element').first().waitFor();

    // then
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
    const response = await page.request.get(`${web.server.url}/inbox`);
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });

  it('shows a tampered trail loudly on the dossier (ADR 0026)', { timeout: 60_000 }, async () => {
    // given: a dossier whose 首报 entry was rewritten in the database, past the append-only trigger
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '篡改测试' }))).body.incidentNumber;
    await web.server.deps.db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('kuaibao.audit_maintenance', 'on', true)`;
      await tx.$executeRaw`UPDATE audit_event SET actor_name = '赵六' WHERE incident_number = ${number} AND action = 'report.submitted'`;
    });

    // when
    const page = await pageOf('lx_reporter');
    await page.goto(`${web.server.url}/incidents/${number}`);

    // then
    const alert = page.getByTestId('trail-broken');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/审计记录已被篡改[\s\S]*记录被修改/);
  });
});
