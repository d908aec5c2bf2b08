import { beijingDay, dutyDayAt, mondayOf } from '@kuaibao/domain';
import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { useBrowserSession } from './browser';
import { choose } from './pages';

/** Duty work in the browser (issue 23): a roster day set, a 值班信息日报 filed and received, a 领导批示 relayed, acknowledged and carried out. */
describe('the web app: duty work', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('sets the roster, files and receives the daily report, and relays an instruction that the unit carries out', { timeout: 240_000 }, async () => {
    // given: 临翔区总值班室 (陈静) and 临沧市总值班室 (杨帆)
    const countyDuty = await pageOf('lx_duty');
    const cityDuty = await pageOf('lc_duty');

    // when: 陈静 sets the current duty day: 张伟 leading, herself on duty, a holiday
    const day = dutyDayAt(new Date());
    await countyDuty.goto(`${web.server.url}/duty/roster`);
    await countyDuty.getByTestId('roster-table').waitFor();
    if (mondayOf(day) !== mondayOf(beijingDay(new Date()))) await countyDuty.getByRole('button', { name: '上一周' }).click();
    await countyDuty.getByTestId(`roster-edit-${day}`).click();
    await choose(countyDuty, countyDuty.getByTestId('roster-leader'), '张伟（临翔区应急管理局）');
    await choose(countyDuty, countyDuty.getByTestId('roster-officers'), '陈静');
    await countyDuty.keyboard.press('Escape');
    await countyDuty.getByTestId('roster-holiday').check();
    await countyDuty.getByTestId('roster-holiday-name').fill('元旦');
    await countyDuty.getByTestId('roster-holiday-name').press('Enter'); // Enter in a field saves nothing half-filled
    expect(await countyDuty.getByTestId('roster-form').isVisible()).toBe(true);
    await countyDuty.getByRole('button', { name: /保\s*存/ }).click();

    // then: who is on duty now, and the day in the week's table
    await countyDuty.getByTestId('on-duty-now').filter({ hasText: '张伟' }).waitFor();
    expect(await countyDuty.getByTestId('on-duty-now').innerText()).toContain('带班领导 张伟，值班员 陈静');
    expect(await countyDuty.getByTestId('roster-table').innerText()).toContain('元旦');

    // and the city duty office sees that 双江县 has no roster for tomorrow
    await cityDuty.goto(`${web.server.url}/duty/roster`);
    await cityDuty.getByTestId('roster-gap').filter({ hasText: '双江县人民政府总值班室' }).waitFor();

    // when: 陈静 files today's 值班信息日报
    await countyDuty.getByRole('tab', { name: '值班信息日报' }).click();
    await countyDuty.getByTestId('daily-form').waitFor();
    await countyDuty.getByTestId('daily-leader').fill('张伟');
    await countyDuty.getByTestId('daily-officers').fill('陈静');
    await countyDuty.getByTestId('daily-leader').press('Enter'); // not sent half-filled
    await countyDuty.getByTestId('daily-summary').fill('值班正常，接报森林火灾 1 起，已按规定首报。');
    await countyDuty.getByTestId('daily-phone').fill('0883-2100010');
    await countyDuty.getByTestId('daily-submit').click();

    // then: filed (on time or 迟报 by 16:00), and the city duty office receives it
    await countyDuty.getByTestId('daily-report').waitFor();
    expect(['on_time', 'late']).toContain(await countyDuty.getByTestId('daily-standing').getAttribute('data-standing'));
    await cityDuty.goto(`${web.server.url}/duty/daily`);
    const received = cityDuty.getByTestId('daily-received');
    await received.getByText('临翔区人民政府总值班室').waitFor();
    expect(await received.innerText()).toMatch(/临翔区人民政府总值班室[\s\S]*(按时报送|迟报)[\s\S]*双江县人民政府总值班室/);
    await received.getByTestId('daily-receive').click();
    await received.getByText('已签收（杨帆）').waitFor();

    // when: a 领导批示 on a sensitive report the city duty office received
    const reporter = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporter.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
    await waitForTask(await login(web.server.url, 'lc_duty'), number, 'receive_city_direct');
    await cityDuty.goto(`${web.server.url}/incidents/${number}`);
    await cityDuty.getByTestId('relay-instruction').click();
    await cityDuty.getByTestId('instruction-leader').fill('市长 李华');
    await cityDuty.getByTestId('instruction-leader').press('Enter'); // not sent half-filled
    await cityDuty.getByTestId('instruction-text').fill('全力救治伤员，查明起火原因，及时续报。');
    expect(await cityDuty.getByTestId('instruction-units').innerText()).toContain('临翔区应急管理局');
    await cityDuty.getByRole('button', { name: /^传\s*达$/ }).click();
    await cityDuty.getByTestId('instruction').waitFor();

    // and the unit acknowledges it and reports how it was carried out
    const countyLeader = await pageOf('lx_leader');
    await countyLeader.goto(`${web.server.url}/duty/instructions`);
    const toCarryOut = countyLeader.getByTestId('instructions-to-carry-out');
    await toCarryOut.getByTestId('instruction-acknowledge').click();
    await toCarryOut.getByTestId('instruction-result').fill('2 名伤员已送医，起火原因系农事用火，已续报。');
    await toCarryOut.getByTestId('instruction-report').click();
    await toCarryOut.locator('[data-testid="instruction-unit"][data-stage="done"]').waitFor();

    // then: the dossier shows it carried out in time, and the trail the three steps
    await cityDuty.reload();
    const card = cityDuty.getByTestId('instructions');
    await card.locator('[data-testid="instruction-unit"][data-stage="done"]').waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toMatch(/全力救治伤员[\s\S]*市长 李华[\s\S]*临翔区应急管理局[\s\S]*已落实[\s\S]*按时落实[\s\S]*农事用火/);
    expect(await cityDuty.locator('[data-action="instruction.carried_out"]').count()).toBeGreaterThan(0);
    await card.screenshot({ path: '/tmp/kuaibao-instructions-card.png' });
    expect(errors).toEqual([]);
  });
});
