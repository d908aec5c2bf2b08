import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { createTestDatabase, type Database } from '@kuaibao/db';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';
import { SERVER_TEMPLATE } from './server-template';

/**
 * 撤回 is one step (docs/adr/0041): the workflow's cancel and the report's 已撤回, the dossier's closing and the trail's
 * entry commit together. Before, the cancel committed first: a write failing after it (or a crash) left a canceled
 * workflow whose report still said 核实中, with no trail entry.
 */
describe('撤回 commits the cancel with the report\'s writes', () => {
  let server: RunningServer;
  let db: Database;
  let reporter: Client;
  let verifier: Client;
  let cityDuty: Client;
  beforeAll(async () => {
    db = await createTestDatabase(process.env, { template: SERVER_TEMPLATE });
    server = await startTestServer({ db });
    [reporter, verifier, cityDuty] = await Promise.all([login(server.url, 'lx_reporter'), login(server.url, 'lx_verifier'), login(server.url, 'lc_duty')]);
  });
  afterAll(() => server.close());

  /** The database refuses to mark this report withdrawn: a write of the step that fails after the cancel. */
  async function refuseWithdrawnFor(reportId: string) {
    await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_withdrawn() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'withdrawn' AND NEW.id = '${reportId}' THEN RAISE EXCEPTION 'test: the report cannot be marked withdrawn'; END IF; RETURN NEW; END $$`);
    await db.prisma.$executeRawUnsafe('CREATE TRIGGER test_refuse_withdrawn BEFORE UPDATE ON incident_report FOR EACH ROW EXECUTE FUNCTION test_refuse_withdrawn()');
  }

  it('leaves the workflow running and the report 核实中 when a write fails, and withdraws it whole afterwards', async () => {
    // given: an untouched 首报 at 核实, and a database that will refuse its 已撤回
    const submitted = await reporter.post('/api/reports', firstReport({ severity: 'IV', title: '撤回原子性测试' }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { incidentNumber: number, reportId } = submitted.body as { incidentNumber: string; reportId: string };
    const task = await waitForTask(verifier, number, 'verify');
    await refuseWithdrawnFor(reportId);

    // when
    const failed = await reporter.post(`/api/reports/${reportId}/withdraw`, { reason: '地点填写错误' });

    // then: the cancel rolled back with the write: the workflow runs, the task is open, the report is 核实中, no trail entry
    expect(failed.status).toBe(500);
    const dossier = (await reporter.get(`/api/incidents/${number}`)).body;
    expect(dossier.status).not.toBe('closed');
    expect(dossier.reports[0]).toMatchObject({ status: 'verifying', workflow: { state: 'active' } });
    expect(dossier.reports[0].workflow.openTasks).toEqual([expect.objectContaining({ key: task.key })]);
    expect(dossier.timeline.some((e: { action: string }) => e.action === 'report.recalled')).toBe(false);
    expect((await verifier.get(`/api/tasks/${task.key}`)).status).toBe(200);

    // when: the database accepts it again
    await db.prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_withdrawn ON incident_report');
    const withdrawn = await reporter.post(`/api/reports/${reportId}/withdraw`, { reason: '地点填写错误' });

    // then: all of it at once
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const after = (await reporter.get(`/api/incidents/${number}`)).body;
    expect(after.status).toBe('closed');
    expect(after.reports[0]).toMatchObject({ status: 'withdrawn', workflow: { state: 'canceled', openTasks: [] } });
    expect(after.timeline.filter((e: { action: string }) => e.action === 'report.recalled')).toHaveLength(1);
  });

  /** The database refuses the 撤回 notice to this report's recipients: the step's last write fails. */
  async function refuseWithdrawnNoticeFor(reportId: string) {
    await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_withdrawn_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kind = 'withdrawn' AND NEW.report_id = '${reportId}' THEN RAISE EXCEPTION 'test: the notice cannot be written'; END IF; RETURN NEW; END $$`);
    await db.prisma.$executeRawUnsafe('CREATE TRIGGER test_refuse_withdrawn_notice BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION test_refuse_withdrawn_notice()');
  }
  const withdrawNotices = async (number: string) =>
    (await cityDuty.get(`/api/worklists/copied?kind=withdrawn&q=${encodeURIComponent(number)}`)).body as { total: number; items: { message: string }[] };

  it('writes the notices to the 越级 copy\'s recipients in the same step: a failing notice leaves everything as before', async () => {
    // given: a 重大 首报 whose 越级 copy already reached the city duty office, and a database that refuses its 撤回 notice
    const submitted = await reporter.post('/api/reports', firstReport({ severity: 'II', title: '撤回通知原子性测试' }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { incidentNumber: number, reportId } = submitted.body as { incidentNumber: string; reportId: string };
    const verify = await waitForTask(verifier, number, 'verify');
    const copy = await waitForTask(cityDuty, number, 'receive_city_direct');
    await refuseWithdrawnNoticeFor(reportId);

    // when
    const failed = await reporter.post(`/api/reports/${reportId}/withdraw`, { reason: '事件等级填写错误' });

    // then: nothing happened: the workflow runs with both tasks open, the report is 核实中, no trail entry, no notice
    expect(failed.status).toBe(500);
    const dossier = (await reporter.get(`/api/incidents/${number}`)).body;
    expect(dossier.status).not.toBe('closed');
    expect(dossier.reports[0]).toMatchObject({ status: 'verifying', workflow: { state: 'active' } });
    expect(dossier.reports[0].workflow.openTasks.map((t: { key: string }) => t.key).sort()).toEqual([verify.key, copy.key].sort());
    expect(dossier.timeline.some((e: { action: string }) => e.action === 'report.recalled')).toBe(false);
    expect((await withdrawNotices(number)).total).toBe(0);

    // when: the database accepts it again
    await db.prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_withdrawn_notice ON notification');
    const withdrawn = await reporter.post(`/api/reports/${reportId}/withdraw`, { reason: '事件等级填写错误' });

    // then: the cancel, the report, the trail and the notice, all of it at once
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const after = (await reporter.get(`/api/incidents/${number}`)).body;
    expect(after.reports[0]).toMatchObject({ status: 'withdrawn', workflow: { state: 'canceled', openTasks: [] } });
    expect(after.timeline.filter((e: { action: string }) => e.action === 'report.recalled')).toHaveLength(1);
    const notices = await withdrawNotices(number);
    expect(notices.total).toBe(1);
    expect(notices.items[0]!.message).toContain('撤回理由：事件等级填写错误');
  });
});
