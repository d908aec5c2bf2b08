import { describe, expect, it } from 'vitest';
import { fixedIncidentReport } from '../api/bad-deployment';
import { firstReport, login } from '../api/client';
import { useBrowserSession } from './browser';
import { choose } from './pages';

/**
 * 批量迁移 in the browser (docs/adr/0062): on a report's 迁移, the scope "every running report of this version" starts a
 * background batch — 试迁移 and then 迁移 — and the dialog shows its progress until it has finished.
 */
describe('migration batch on the admin instance page', () => {
  const web = useBrowserSession();
  const { errors, pageOf } = web;

  it('dry-runs and migrates every running report of a version in the background, with its progress', { timeout: 240_000 }, async () => {
    // given: four reports waiting at 核实 on the shipped version, then a newer version deployed
    const { url, deps } = web.server;
    const [adminApi, reporter] = await Promise.all([login(url, 'admin'), login(url, 'lx_reporter')]);
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) numbers.push((await reporter.post('/api/reports', firstReport({ title: `临翔区南美乡批量迁移${i}号事件`, severity: 'IV' }))).body.incidentNumber);
    const instanceKey: string = (await adminApi.get(`/api/admin/monitor/search?number=${numbers[0]}`)).body.items[0].instanceKey;
    const { version } = (await adminApi.get(`/api/admin/instances/${instanceKey}/changes`)).body as { version: number };
    await deps.engine.deploy([fixedIncidentReport()]);

    // when: 迁移 with the scope "every running report of this version", a dry run first
    const admin = await pageOf('admin');
    await admin.goto(`${url}/admin/trace/${instanceKey}`);
    await admin.getByTestId('change-migrate').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText(`当前版本：第${version}版`).waitFor();
    await dialog.getByText('该版本全部运行中的报告（后台批量迁移）').click();
    await choose(admin, dialog.getByTestId('migrate-target'), `第${version + 1}版`);
    await dialog.getByTestId('migrate-dry-run').click();

    // then: the batch's progress, finished, every report would move
    const batch = dialog.getByTestId('migration-batch');
    await batch.and(admin.locator('[data-state="finished"]')).waitFor({ timeout: 60_000 });
    await batch.getByText('可以迁移').waitFor();
    const wouldMove = Number(await batch.getByTestId('migration-batch-moved').textContent());
    expect(wouldMove).toBeGreaterThanOrEqual(4);
    expect(await batch.getByTestId('migration-batch-failed').textContent()).toBe('0');

    // when: 迁移 with a reason
    await dialog.getByTestId('change-reason').fill('迁移到新版本');
    await dialog.getByTestId('migrate-run').click();

    // then: finished, the same reports moved; each is on the new version
    await batch.and(admin.locator('[data-state="finished"]')).getByText('已迁移').waitFor({ timeout: 60_000 });
    expect(Number(await batch.getByTestId('migration-batch-moved').textContent())).toBe(wouldMove);
    await batch.getByText('已完成').waitFor();
    for (const number of numbers) {
      const key: string = (await adminApi.get(`/api/admin/monitor/search?number=${number}`)).body.items[0].instanceKey;
      expect((await deps.engine.getInstance(key))!.version).toBe(version + 1);
    }
    expect(errors).toEqual([]);
  });
});
