import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';

/** issue 20 defect 4: the 核报反馈 task page shows what is asked, of which incident, the report, and the phone answer given. */
describe('the web app: the 核报反馈 task page', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('shows the question, the incident\'s title and report, and to the written answer the phone answer before it', { timeout: 180_000 }, async () => {
    // given: the city duty office asked 临翔区应急管理局 to verify, and the unit answered by phone
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '核报测试：临翔区马台乡森林火灾' }))).body.incidentNumber;
    const cityDuty = await login(web.server.url, 'lc_duty');
    await waitForTask(cityDuty, number, 'receive_city_direct');
    const asked = await cityDuty.post(`/api/incidents/${number}/verification-requests`, { question: '请核实受伤人数及送医情况', targetUnitId: 'lx-yjj' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const verifierApi = await login(web.server.url, 'lx_verifier');
    const phone = await waitForTask(verifierApi, number, 'answer_verification');
    expect((await verifierApi.post(`/api/tasks/${phone.key}/complete`, { channel: 'phone', reply: '电话反馈：2 人轻伤，已送医' })).status).toBe(204);
    let written = await waitForTask(verifierApi, number, 'answer_verification');
    for (let i = 0; written.key === phone.key && i < 100; i++) written = await waitForTask(verifierApi, number, 'answer_verification');

    // when: the verifier opens the written answer's task
    const verifier = await pageOf('lx_verifier');
    await verifier.goto(`${web.server.url}/tasks/${written.key}`);
    await verifier.getByTestId('decision-form').waitFor();

    // then (the incident's report comes with its dossier, read beside the task)
    await verifier.getByTestId('verification-report').getByText(/马台乡帮东村后山/).first().waitFor();
    const page = await verifier.getByTestId('task-page').innerText();
    expect(page).toContain('核报测试：临翔区马台乡森林火灾');
    expect(await verifier.getByTestId('verification-question').innerText()).toContain('请核实受伤人数及送医情况');
    expect(await verifier.getByTestId('verification-earlier-replies').innerText()).toContain('电话反馈：2 人轻伤，已送医');
    expect(await verifier.getByTestId('verification-report').innerText()).toContain('马台乡帮东村后山');
    expect(errors).toEqual([]);
  });
});
