import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';

/** 各环节耗时 (issue 22 item 4): the instance page draws the version's time per element as a heat map with a legend. */
describe('the admin trace: heat map of time per element', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('colours the measured steps of the version on its diagram, with p50 / p95 badges, a legend and the figures', { timeout: 120_000 }, async () => {
    // given: a report past 核实, waiting at 审签
    const url = web.server.url;
    const [adminApi, reporter, verifier] = await Promise.all(['admin', 'lx_reporter', 'lx_verifier'].map((u) => login(url, u)));
    const number: string = (await reporter!.post('/api/reports', firstReport({ title: '临翔区圈内乡森林火灾' }))).body.incidentNumber;
    const verify = await waitForTask(verifier!, number, 'verify');
    expect((await verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    await waitForTask(await login(url, 'lx_leader'), number, 'sign_off');
    const [row] = (await adminApi!.get(`/api/admin/monitor/search?number=${number}`)).body.items;

    // when: the admin opens its page
    const admin = await pageOf('admin');
    await admin.goto(`${url}/admin/trace/${row.instanceKey}`);
    const card = admin.getByTestId('heat-map');
    await card.getByText('各环节耗时（本版本）').waitFor();

    // then: 核实 is measured and coloured on the diagram with its badge; the legend and the table say the same
    const verifyShape = admin.locator('[data-testid=heat-diagram] .djs-element[data-element-id="verify"]');
    await expect.poll(async () => (await verifyShape.getAttribute('class')) ?? '').toMatch(/kb-heat-[0-4]/);
    await expect.poll(() => admin.locator('.kb-heat-badge[data-element="verify"]').innerText()).toMatch(/^P50 .+ · P95 .+$/);
    await card.getByTestId('heat-legend').getByText('P95 耗时').waitFor();
    const verifyRow = card.locator('[data-testid=heat-row][data-element="verify"]');
    expect(Number(await verifyRow.getAttribute('data-completed'))).toBeGreaterThanOrEqual(1);
    expect(await verifyRow.innerText()).toContain('核实');
    expect(await card.locator('[data-testid=heat-row][data-element="sign-off"]').innerText()).toContain('单位领导审签');
    expect(errors).toEqual([]);
  });
});
