import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { inboxRow } from './pages';

/** 核报 in the browser: the city duty office asks from the dossier, the unit answers on its task page (ADR 0011). */
describe('the web app: 核报', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('asks from the dossier, answers by phone on the task page, and shows the answer as on time', { timeout: 180_000 }, async () => {
    // given: a 重大 report, copied to the city duty office at once (越级)
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    await waitForTask(await login(web.server.url, 'lc_duty'), number, 'receive_city_direct');

    // when: the city duty office asks the unit to verify, from the dossier
    const cityDuty = await pageOf('lc_duty');
    await cityDuty.goto(`${web.server.url}/incidents/${number}`);
    await cityDuty.getByTestId('request-verification').click();
    // (it may ask those answerable for the incident only: the reporting unit, the units above it and their duty offices)
    await cityDuty.getByTestId('verification-target').click();
    const options = cityDuty.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const offered = await options.allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining(['临翔区应急管理局', '临翔区人民政府总值班室', '临沧市应急管理局']));
    expect(offered).not.toContain('双江县应急管理局');
    await cityDuty.keyboard.press('Escape');
    await cityDuty.getByTestId('verification-question').fill('请核实受伤人数及送医情况');
    await cityDuty.getByRole('button', { name: /发出核报要求/ }).click();
    await cityDuty.getByTestId('verification').waitFor();

    // and the unit answers by phone on its task page
    const verifier = await pageOf('lx_verifier');
    await inboxRow(verifier, number, 'answer_verification').getByRole('button', { name: /办\s*理/ }).click();
    await verifier.getByTestId('decision-form').waitFor();
    await verifier.getByTestId('reply').fill('电话反馈：2 人轻伤，已送医');
    await verifier.getByTestId('complete').click();
    await verifier.waitForURL(/\/inbox$/);

    // then: the dossier shows the request, its due times and the answer, on time
    await cityDuty.reload();
    const reply = cityDuty.getByTestId('verification-reply');
    await reply.waitFor({ timeout: 20_000 });
    expect(await reply.innerText()).toMatch(/电话反馈[\s\S]*按时[\s\S]*2 人轻伤，已送医[\s\S]*王芳/);
    expect(await cityDuty.getByTestId('verifications').innerText()).toMatch(/请核实受伤人数及送医情况[\s\S]*临沧市人民政府总值班室 → 临翔区应急管理局[\s\S]*电话反馈时限/);
    await cityDuty.getByTestId('verifications').screenshot({ path: '/tmp/kuaibao-verification-card.png' });
    expect(errors).toEqual([]);
  });
});
