import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from '../api/client';
import { A4, readPdf } from '../api/pdf';
import { useBrowserSession } from './browser';

/**
 * Issue 20 capability 6 in Chromium (docs/adr/0042): the dossier offers each report as the 突发事件信息报告 PDF, and the
 * download is that document (A4, Chinese text, the signing leader); 时效统计 downloads its figures as XLSX.
 */
describe('print / export in the browser', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;
  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status).toBe(204);
  }

  it('the dossier’s 导出 PDF downloads the signed 首报 as the document', { timeout: 120_000 }, async () => {
    // given: a 首报 of 临翔, verified and signed off by 张伟
    const as = Object.fromEntries(await Promise.all(['lx_reporter', 'lx_verifier', 'lx_leader'].map(async (name) => [name, await login(web.server.url, name)] as const)));
    const report = firstReport({ severity: 'IV', title: '临翔区博尚镇森林火灾', measures: '组织扑火队员 60 人扑救' });
    const number: string = (await as.lx_reporter!.post('/api/reports', report)).body.incidentNumber;
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });

    // when: the leader opens the dossier and clicks 导出 PDF on the 首报
    const page = await pageOf('lx_leader');
    await page.goto(`${web.server.url}/incidents/${number}`);
    const button = page.getByTestId('report-first').getByTestId('report-pdf');
    await button.waitFor();
    expect(await button.getAttribute('aria-label')).toBe('导出首报为《突发事件信息报告》（A4 PDF）');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);

    // then: the file is the document, named in Chinese
    expect(download.suggestedFilename()).toBe(`突发事件信息报告-${number}-首报.pdf`);
    const pdf = await readPdf(new Uint8Array(await readFile((await download.path())!)));
    expect([pdf.pages[0]!.width, pdf.pages[0]!.height]).toEqual([A4.width, A4.height]);
    for (const part of ['突发事件信息报告', '报送单位：临翔区应急管理局', '签发人：张伟', '临翔区博尚镇森林火灾', '已采取的措施：组织扑火队员60人扑救', '联系人：李明']) {
      expect(pdf.text).toContain(part);
    }
    expect(errors).toEqual([]);
  });

  it('时效统计’s 导出 Excel downloads the figures shown', { timeout: 120_000 }, async () => {
    // given: a report of 临翔 this month
    const reporter = await login(web.server.url, 'lx_reporter');
    expect((await reporter.post('/api/reports', firstReport({ severity: 'IV' }))).status).toBe(201);

    // when: the 临翔 leader opens 统计 and clicks 导出 Excel
    const page = await pageOf('lx_leader');
    await page.goto(`${web.server.url}/stats`);
    await page.getByTestId('stats-row').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeliness-export').click()]);

    // then: the workbook holds the unit the page shows, and the total
    expect(download.suggestedFilename()).toMatch(/^kuaibao-timeliness-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('时效统计')!;
    expect([sheet.getRow(4).getCell(1).value, sheet.getRow(5).getCell(1).value]).toEqual(['临翔区应急管理局', '合计']);
    expect(sheet.getRow(4).getCell(2).value).toBe(Number(await page.getByTestId('stats-row').first().getByTestId('incidents').innerText()));
    expect(errors).toEqual([]);
  });
});
