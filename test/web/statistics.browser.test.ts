import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { firstReport, login } from '../api/client';
import { useBrowserSession } from './browser';
import { watchCspViolations } from './pages';

/**
 * Issue 23 items 4–5 in Chromium: a county files its holiday return, the city bureau sees the summed summary and sends
 * it; the head opens 定期统计 with its chart (under the CSP), drills down to the incidents, and exports the XLSX.
 */
describe('holiday returns and periodic statistics in the browser', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;
  const setNow = (beijing: string) => (web.server.deps.now = () => new Date(`${beijing}+08:00`));
  const dayUrl = () => `${web.server.url}/holidays?holiday=lc-2027-chunjie&day=2027-02-07`;

  it('a county files its return, the city sees the total and sends its summary', { timeout: 120_000 }, async () => {
    // given: 2027-02-07 14:00, the second day of 2027年春节 (the API's clock)
    setNow('2027-02-07T14:00:00');
    const county = await pageOf('lx_reporter');
    await county.goto(dayUrl());
    const form = county.getByTestId('holiday-return-form');
    await form.waitFor();

    // when: Enter in a field of the half-filled form submits nothing
    await form.getByLabel('联系电话').fill('');
    await form.getByLabel('联系电话').press('Enter');
    await county.waitForTimeout(300);
    expect((await web.server.deps.holidays.returns('lc-2027-chunjie', '2027-02-07')).length).toBe(0);

    // when: the county fills in the form and submits it
    const figures: [string, string][] = [['督查组数量', '2'], ['督查组人数', '6'], ['检查企业数量', '15'], ['发现隐患数量', '7'], ['隐患整改数量', '5'], ['行政处罚情况', '1'], ['责令停产停业营业单位数量', '1']];
    for (const [label, value] of figures) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByLabel('其他').fill('检查加油站 2 座');
    await form.getByLabel('联系电话').fill('0883-2100001');
    await county.getByTestId('holiday-return-submit').click();

    // then
    await county.getByText('已提交（按时报送）').waitFor();

    // when: the city bureau opens the day at 14:50
    setNow('2027-02-07T14:50:00');
    const city = await pageOf('lc_yjj_duty');
    await city.goto(dayUrl());
    const total = city.getByTestId('holiday-total');
    await total.waitFor();

    // then: the total is the sum (临翔 filed, 双江 not yet: 待报送), and the city sends its summary on time
    expect((await total.innerText()).replace(/\s+/g, ' ')).toContain('全市合计 2 6 15 7 5 1 1 临翔区应急管理局：检查加油站 2 座');
    await city.getByText('待报送').first().waitFor();
    await city.getByTestId('send-summary').click();
    await city.getByTestId('summary-sent').getByText(/汇总已报送（按时报送/).waitFor();
    expect(errors).toEqual([]);
  });

  it('the head reads 定期统计 with its chart, drills down to the incidents and exports the XLSX', { timeout: 120_000 }, async () => {
    // given: two incidents this month
    const reporter = await login(web.server.url, 'lx_reporter');
    await reporter.post('/api/reports', firstReport({ title: '临翔区博尚镇森林火灾' }));
    await reporter.post('/api/reports', firstReport({ title: '临翔区南美乡交通事故', category: 'accident_disaster', severity: 'III' }));

    // when: the admin opens the statistics' 定期统计 tab
    const page = await pageOf('admin');
    const violations = await watchCspViolations(page);
    await page.goto(`${web.server.url}/stats`);
    await page.getByRole('tab', { name: '定期统计' }).click();
    const chart = page.getByTestId('chart-category');
    await chart.locator('canvas').waitFor();

    // then: the chart is drawn (under the CSP) and the figures are there
    await page.getByTestId('periodic-total').getByText(/事件 2 起/).waitFor();
    expect(await page.getByTestId('figure-natural_disaster').innerText()).toBe('自然灾害 1');
    // and beside them the duty work of the reader's unit (临沧市总值班室): the county duty offices' daily reports
    const duty = page.getByTestId('duty-stats');
    await duty.getByTestId('duty-stats-daily').getByText('双江县人民政府总值班室').waitFor();
    expect(await duty.innerText()).toContain('值班工作统计（临沧市人民政府总值班室）');
    expect(await duty.getByTestId('duty-stats-daily').innerText()).toContain('临翔区人民政府总值班室');
    expect(await violations()).toEqual([]);

    // when: the figure is followed from the keyboard
    await page.getByTestId('figure-accident_disaster').focus();
    await page.keyboard.press('Enter');

    // then: the incidents list with the figure's filters shows exactly its incident
    await page.waitForURL(/\/incidents\?category=accident_disaster&from=\d{4}-\d{2}-01&to=.*&counted=1/);
    await page.getByText('临翔区南美乡交通事故').waitFor();
    expect(await page.getByText('临翔区博尚镇森林火灾').count()).toBe(0);

    // when: back on 定期统计, 导出 Excel
    await page.goBack();
    await page.getByTestId('periodic-export').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('periodic-export').click()]);

    // then: the file's cells are the figures
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    expect(book.getWorksheet('概况')!.getRow(2).getCell(4).value).toBe(2);
    const category = book.getWorksheet('按类别')!;
    expect([category.getRow(2).getCell(1).value, category.getRow(2).getCell(2).value, category.getRow(3).getCell(1).value, category.getRow(3).getCell(2).value]).toEqual(['自然灾害', 1, '事故灾难', 1]);
    const units = book.getWorksheet('按单位')!;
    expect([units.getRow(2).getCell(1).value, units.getRow(2).getCell(2).value, units.getRow(2).getCell(3).value]).toEqual(['临翔区应急管理局', 2, 2]);
    const daily = book.getWorksheet('值班信息日报')!;
    expect([daily.getRow(2).getCell(1).value, daily.getRow(3).getCell(1).value]).toEqual(['临翔区人民政府总值班室', '双江县人民政府总值班室']);
    expect(errors).toEqual([]);
  });
});
