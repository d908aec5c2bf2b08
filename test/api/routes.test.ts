import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/** 越级 and 涉密 over HTTP: the real server, engine, workers and database (ADR 0011). */
describe('越级 and 涉密 over HTTP', () => {
  let server: RunningServer;
  let reporter: Client;
  let cityDuty: Client;
  beforeAll(async () => {
    server = await startTestServer();
    reporter = await login(server.url, 'lx_reporter');
    cityDuty = await login(server.url, 'lc_duty');
  });
  afterAll(() => server.close());

  it('越级: a sensitive report reaches the city duty office at once; the dossier shows the direct copy and its receipt', async () => {
    // given
    const { body: created } = await reporter.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }));

    // when: the city duty office acknowledges the copy while the unit is still verifying
    const task = await waitForTask(cityDuty, created.incidentNumber, 'receive_city_direct');
    const completed = await cityDuty.post(`/api/tasks/${task.key}/complete`, { opinion: '已收到越级报告' });

    // then
    expect(completed.status).toBe(204);
    const { body: dossier } = await cityDuty.get(`/api/incidents/${created.incidentNumber}`);
    expect(dossier.reports[0].status).toBe('verifying');
    expect(dossier.reports[0].receipts).toEqual([
      expect.objectContaining({ role: 'cityDutyOfficeDirect', unitId: 'lc-duty', acknowledgedBy: '杨帆', acknowledgedAt: expect.any(String) }),
    ]);
    // (a sensitive 临沧 report is due 立即: its clock entries and escalations sit in the trail too, ADR 0009)
    const steps = dossier.timeline.map((e: { action: string }) => e.action).filter((a: string) => !/^(clock|notification)\./.test(a));
    expect(steps).toEqual(['report.submitted', 'report.dispatched', 'task.completed']);
  });

  describe('涉密', () => {
    const classified = (overrides: Record<string, unknown> = {}) => ({
      kind: 'first',
      classified: true,
      category: 'social_security',
      severity: 'III',
      occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      learnedAt: new Date(Date.now() - 50 * 60_000).toISOString(),
      reportingUnitId: 'lx-yjj',
      contact: { name: '李明', phone: '0883-2100001' },
      secureTransmission: { channel: 'confidential_bureau', handledBy: { name: '李明' }, sentAt: new Date(Date.now() - 10 * 60_000).toISOString(), documentNumber: '机要〔2026〕17号' },
      ...overrides,
    });

    it('keeps only the placeholder and asks the city duty office to acknowledge the secure transmission', async () => {
      // when
      const response = await reporter.post('/api/reports', classified());

      // then
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const number = response.body.incidentNumber;
      // the unit's leader signs the placeholder off first (issue 19 item 7, ADR 0031)
      const leader = await login(server.url, 'lx_leader');
      const signOff = await waitForTask(leader, number, 'sign_off');
      expect((await leader.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve' })).status).toBe(204);
      const task = await waitForTask(cityDuty, number, 'acknowledge_classified');
      const { body: taskView } = await cityDuty.get(`/api/tasks/${task.key}`);
      expect(Object.keys(taskView.report.content).sort()).toEqual(['category', 'classified', 'contact', 'kind', 'learnedAt', 'mayEscalate', 'occurredAt', 'reportingUnitId', 'secureTransmission', 'sensitive', 'severity']);
      expect((await cityDuty.post(`/api/tasks/${task.key}/complete`, { opinion: '机要件已收到' })).status).toBe(204);

      const { body: dossier } = await cityDuty.get(`/api/incidents/${number}`);
      expect(dossier).toMatchObject({ classified: true, title: '涉密信息（内容已经机要渠道报送）' });
      expect(dossier.reports[0].secureTransmission).toMatchObject({ channel: 'confidential_bureau', handledBy: { name: '李明' }, documentNumber: '机要〔2026〕17号' });
      expect(dossier.reports[0].receipts).toEqual([expect.objectContaining({ role: 'secureRecipient', unitId: 'lc-duty', acknowledgedBy: '杨帆' })]);
      for (let i = 0; i < 200 && (await cityDuty.get(`/api/incidents/${number}`)).body.reports[0].status !== 'received'; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await cityDuty.get(`/api/incidents/${number}`)).body.reports[0].status).toBe('received');
      const instances = await server.deps.engine.findInstances({ businessKey: number });
      expect(instances.map((i) => i.bpmnProcessId)).toEqual(['classified-report']);
    });

    it('refuses every content field with its path, and stores nothing', async () => {
      // given
      const before = await server.deps.db.prisma.incident.count();

      // when
      const response = await reporter.post('/api/reports', classified({ title: '某涉密事件', course: '经过', casualties: { dead: 1 } }));

      // then
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['casualties', 'course', 'title']);
      expect(await server.deps.db.prisma.incident.count()).toBe(before);
    });

    it('refuses a named recipient that is not a duty office', async () => {
      const response = await reporter.post('/api/reports', classified({ secureTransmission: { ...classified().secureTransmission, recipientUnitId: 'lc-yjj' } }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'secureTransmission.recipientUnitId' })]);
    });
  });
});
