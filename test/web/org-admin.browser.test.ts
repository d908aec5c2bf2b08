import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser';
import type { Locator, Page } from 'playwright-core';
import { choose, openFromMenu } from './pages';

/** A searchable select with many options (a virtual list): types part of the label first, then picks it. */
async function search(page: Page, select: Locator, label: string) {
  await select.click();
  await page.keyboard.type(label);
  await choose(page, select, label);
}

/** 机构管理 in the browser (issue 18): a city's admin adds a unit and a person, and sees the route check change. */
describe('jurisdiction administration in the browser', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('creates a unit and a person from the keyboard-safe forms and shows the route check change', { timeout: 150_000 }, async () => {
    // given: 临沧's admin on the route check, every route staffed
    const admin = await pageOf('lc_admin');
    await openFromMenu(admin, 'nav-org-admin');
    await admin.getByTestId('org-admin-page').waitFor();
    await admin.getByTestId('tab-health').click();
    await admin.getByTestId('health-ok').waitFor();

    // when: a new unit under 临翔区人民政府; Enter in its name field does not submit the half-filled form
    await admin.getByTestId('tab-units').click();
    await admin.getByTestId('unit-search').locator('input').fill('临翔');
    await admin.getByTestId('unit-tree').getByText(/^临翔区人民政府\s*530902$/).click();
    await admin.getByTestId('unit-create').click();
    const form = admin.getByTestId('unit-form');
    await form.waitFor();
    await admin.getByTestId('unit-name').fill('临翔区林业和草原局');
    await admin.getByTestId('unit-name').press('Enter');
    await admin.waitForTimeout(300);
    expect(await form.isVisible()).toBe(true);
    expect(await admin.getByTestId('unit-name').inputValue()).toBe('临翔区林业和草原局');
    await admin.getByTestId('unit-code').fill('530902-LC');
    await choose(admin, admin.getByTestId('unit-kind'), '部门');
    await search(admin, admin.getByTestId('unit-superior'), '临沧市应急管理局');
    await search(admin, admin.getByTestId('unit-government'), '临翔区人民政府');
    await admin.getByTestId('unit-save').click();
    await form.waitFor({ state: 'hidden' });
    await admin.getByTestId('unit-tree').getByText('临翔区林业和草原局').waitFor();

    // then: the route check names what the new unit lacks, in Chinese
    await admin.getByTestId('tab-health').click();
    const gaps = admin.getByTestId('health-list');
    await gaps.getByText('临翔区林业和草原局：无单位领导，本单位报告无法审签').waitFor();

    // when: a leader for it; the temporary password is shown once
    await admin.getByTestId('tab-people').click();
    await admin.getByTestId('person-create').click();
    await admin.getByTestId('person-username').fill('lx_lc_leader');
    await admin.getByTestId('person-username').press('Enter');
    expect(await admin.getByTestId('person-form').isVisible()).toBe(true);
    await admin.getByTestId('person-name').fill('林草');
    await search(admin, admin.getByTestId('person-unit'), '临翔区林业和草原局');
    await choose(admin, admin.getByTestId('person-roles'), '单位领导');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('person-save').click();
    expect(await admin.getByTestId('temporary-password').innerText()).toMatch(/^[A-Za-z0-9]{12}$/);
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();

    // then: the leader's gap is gone, the others stay
    await admin.getByTestId('tab-health').click();
    await gaps.getByText('临翔区林业和草原局：无信息员，本单位无法填报').waitFor();
    // the check's first paint is already current: no stale list from before the person was added
    expect(await gaps.getByText('临翔区林业和草原局：无单位领导，本单位报告无法审签').count()).toBe(0);
    await admin.screenshot({ path: '/tmp/kuaibao-org-admin-health.png', fullPage: true });

    // and: both changes are in the admin log
    await admin.getByTestId('tab-audit').click();
    await admin.getByTestId('audit-panel').getByText('user.create').waitFor();
    await admin.getByTestId('audit-panel').getByText('unit.create').waitFor();
    await admin.getByTestId('tab-units').click();
    await admin.screenshot({ path: '/tmp/kuaibao-org-admin-units.png', fullPage: true });
    expect(errors).toEqual([]);
  });
  it('imports people from a CSV after a dry run that names each bad row’s column, and warns of the route gap before deactivating a leader', { timeout: 150_000 }, async () => {
    const admin = await pageOf('lc_admin');
    await openFromMenu(admin, 'nav-org-admin');
    await admin.getByTestId('tab-import').click();
    const panel = admin.getByTestId('import-panel');
    const csvFile = (name: string, rows: string[][]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}`) });
    const header = ['用户名', '姓名', '所属单位编码', '角色', '电话', '启用'];

    // when: a file with an unknown role is tried
    await panel.locator('input[type=file]').setInputFiles(csvFile('bad.csv', [header, ['lx_reporter2', '李华', '530902-YJ', '市长', '', '是']]));
    await admin.getByTestId('import-dry-run').click();

    // then: the row is an error naming its column, and the import cannot be applied
    const plan = admin.getByTestId('import-plan');
    await plan.locator('tbody .ant-tag', { hasText: '错误' }).waitFor();
    await plan.getByText('角色：').waitFor();
    expect(await admin.getByTestId('import-apply').isDisabled()).toBe(true);

    // when: the file is replaced by a corrected one, tried, and applied with an initial password
    await panel.locator('.ant-upload-list-item-action').first().click();
    await panel.locator('input[type=file]').setInputFiles(csvFile('good.csv', [header, ['lx_reporter2', '李华', '530902-YJ', '信息员', '0883-2100009', '是']]));
    await admin.getByTestId('import-password').fill('linxiang2026');
    await admin.getByTestId('import-dry-run').click();
    await plan.locator('tbody .ant-tag', { hasText: '新建' }).waitFor();
    await admin.getByTestId('import-apply').click();
    await admin.getByText('已导入：新建单位 0 个、人员 1 名').waitFor();

    // then: the person is listed, with a password to change at the first login
    await admin.getByTestId('tab-people').click();
    const people = admin.getByTestId('people-panel');
    const row = people.locator('tr', { hasText: 'lx_reporter2' });
    await row.getByText('待改密').waitFor();

    // when: the admin starts to deactivate 临翔's only unit leader
    await people.locator('input[type=search]').fill('lx_leader');
    await people.locator('input[type=search]').press('Enter');
    await admin.getByTestId('deactivate-lx_leader').click();

    // then: the route gap is shown before anything changes; cancelling keeps the leader
    await admin.getByTestId('deactivation-impact').getByText('临翔区应急管理局：无单位领导，本单位报告无法审签').waitFor();
    await admin.getByRole('button', { name: /取\s*消/ }).click();
    await people.locator('tr', { hasText: 'lx_leader' }).getByText('在用').waitFor();
    expect(errors).toEqual([]);
  });
});
