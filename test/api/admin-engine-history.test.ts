import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

interface Element { elementId: string; elementName: string | null; source: string; completed: number; p50Ms: number; p95Ms: number; maxMs: number; open: number }

/**
 * The embedded engine's history rows over real HTTP (issue 22): 各环节耗时, time per element of a deployed version (item 4),
 * and 全部作业, every job of an instance (item 2).
 */
describe('the admin trace: time spent per element and all jobs', () => {
  let server: RunningServer;
  let admin: Client, reporter: Client, verifier: Client, leader: Client;

  beforeAll(async () => {
    server = await startTestServer();
    [admin, reporter, verifier, leader] = (await Promise.all(['admin', 'lx_reporter', 'lx_verifier', 'lx_leader'].map((u) => login(server.url, u)))) as [Client, Client, Client, Client];
  });
  afterAll(() => server?.close());

  it('gives p50 / p95 per task of the version from its completed jobs and user tasks, and what waits there now', async () => {
    // given: two reports past 核实, one of them past 审签 too
    const numbers: string[] = [];
    for (const title of ['临翔区忙畔街道山火', '临翔区蚂蚁堆乡泥石流']) {
      const number: string = (await reporter.post('/api/reports', firstReport({ title }))).body.incidentNumber;
      const verify = await waitForTask(verifier, number, 'verify');
      expect((await verifier.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
      numbers.push(number);
    }
    const signOff = await waitForTask(leader, numbers[0]!, 'sign_off');
    expect((await leader.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意上报' })).status).toBe(204);
    await waitForTask(leader, numbers[1]!, 'sign_off');
    const [row] = (await admin.get(`/api/admin/monitor/search?number=${numbers[1]}`)).body.items;
    const instance = (await admin.get(`/api/admin/instances/${row.instanceKey}`)).body.instance;

    // when
    const response = await admin.get(`/api/admin/definitions/${instance.definitionKey}/durations?days=7`);

    // then: the version with its own XML, the user tasks and service tasks measured, and the one waiting at 审签
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body as { definition: { key: string; bpmnProcessId: string; version: number }; xml: string; instances: number; elements: Element[] };
    expect(body.definition).toMatchObject({ key: instance.definitionKey, bpmnProcessId: 'incident-report', version: instance.version });
    expect(body.xml).toContain('<bpmn:process id="incident-report"');
    expect(body.instances).toBeGreaterThanOrEqual(2);
    const byKind = (source: string) => body.elements.filter((e) => e.source === source);
    const element = (id: string) => body.elements.find((e) => e.elementId === id);
    expect(element('verify'), JSON.stringify(body.elements)).toMatchObject({ elementName: '核实', source: 'user_task', completed: expect.any(Number) });
    expect(element('verify')!.completed).toBeGreaterThanOrEqual(2);
    expect(element('sign-off')).toMatchObject({ elementName: '单位领导审签', source: 'user_task' });
    expect(element('sign-off')!.completed).toBeGreaterThanOrEqual(1);
    expect(element('sign-off')!.open).toBeGreaterThanOrEqual(1);
    const recipients = byKind('job').find((e) => e.completed >= 2);
    expect(recipients).toBeDefined();
    for (const e of body.elements.filter((x) => x.completed > 0)) {
      expect(e.p50Ms).toBeGreaterThanOrEqual(0);
      expect(e.p50Ms).toBeLessThanOrEqual(e.p95Ms);
      expect(e.p95Ms).toBeLessThanOrEqual(e.maxMs);
    }
    // sorted slowest first
    const p95s = body.elements.map((e) => e.p95Ms);
    expect(p95s).toEqual([...p95s].sort((a, b) => b - a));
  });

  it('lists every job of an instance with its state and retries, oldest first', async () => {
    // given: a report whose flow ran its first service tasks
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '临翔区邦东乡冰雹' }))).body.incidentNumber;
    await waitForTask(verifier, number, 'verify');
    const [row] = (await admin.get(`/api/admin/monitor/search?number=${number}`)).body.items;

    // when
    const response = await admin.get(`/api/admin/instances/${row.instanceKey}/jobs`);

    // then
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const jobs = response.body.items as { elementId: string; elementName: string | null; type: string; state: string; retries: number; createdAt: string }[];
    expect(jobs).toEqual(expect.arrayContaining([
      expect.objectContaining({ elementId: 'resolve-recipients', elementName: '确定报送对象', type: 'kuaibao.report.resolve-recipients', state: 'completed' }),
      expect.objectContaining({ elementId: 'resolve-clock', state: 'completed' }),
    ]));
    expect(jobs.map((j) => j.createdAt)).toEqual([...jobs.map((j) => j.createdAt)].sort());
    expect((await admin.get('/api/admin/instances/999999999/jobs')).status).toBe(404);
    expect((await reporter.get(`/api/admin/instances/${row.instanceKey}/jobs`)).status).toBe(403);
  });

  it('answers bad input with problem details naming the field, an unknown version with 404, and only a 系统管理员', async () => {
    const bad = await admin.get('/api/admin/definitions/1/durations?days=0&extra=1');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['days', 'extra']);
    expect((await admin.get('/api/admin/definitions/999999999/durations')).status).toBe(404);
    expect((await admin.get('/api/admin/definitions/not-a-key/durations')).status).toBe(404);
    expect((await reporter.get('/api/admin/definitions/1/durations')).status).toBe(403);
  });
});
