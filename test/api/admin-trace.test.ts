import { fail } from '@kuaibao/engine';
import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

interface Traced {
  instanceKey: string;
  processName: string | null;
  incidentNumber: string | null;
  title: string | null;
  waitingSince: string;
  waiting: { elementId: string; elementName: string | null; elementType: string; since: string; tasks: { candidateGroups: string[]; assignee: string | null }[] }[];
  incidents: { key: string; elementId: string; elementName: string | null; errorType: string; errorMessage: string }[];
}

/** 流程监控 over HTTP: an admin finds the report that stopped at a failed step, sees why, and has it retried. */
describe('the admin trace of running reports', () => {
  let server: RunningServer;
  let admin: Client;
  let reporter: Client;
  /** The fault at the edge: the organisation data service answering nothing while it is on. */
  let orgServiceDown = false;

  beforeAll(async () => {
    server = await startTestServer({
      handlers: (handlers) => ({
        ...handlers,
        'kuaibao.report.resolve-recipients': (variables, job) =>
          orgServiceDown ? Promise.resolve(fail('组织机构服务无响应', { retries: 0 })) : handlers['kuaibao.report.resolve-recipients']!(variables, job),
      }),
    });
    admin = await login(server.url, 'admin');
    reporter = await login(server.url, 'lx_reporter');
  });
  afterAll(() => server?.close());

  const traced = async (problem = 'all'): Promise<Traced[]> => {
    const response = await admin.get(`/api/admin/instances?problem=${problem}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };
  async function untilTraced(number: string, has: (t: Traced) => boolean): Promise<Traced> {
    for (let i = 0; i < 200; i++) {
      const found = (await traced()).find((t) => t.incidentNumber === number && has(t));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${number} never traced as expected`);
  }

  it('shows where a report waits and who must act there', async () => {
    // given
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;

    // when
    const at = await untilTraced(number, (t) => t.waiting.some((w) => w.elementId === 'verify'));

    // then: at 核实, for the reporting unit's verifiers, and not inside the clock's sub-process or its timers
    expect(at).toMatchObject({ title: '临翔区马台乡发生森林火灾', processName: expect.any(String), incidents: [] });
    const verify = at.waiting.find((w) => w.elementId === 'verify')!;
    expect(verify.elementName).toBeTruthy();
    expect(verify.tasks).toEqual([expect.objectContaining({ assignee: null, candidateGroups: expect.arrayContaining([expect.stringContaining('verifier')]) })]);
    expect(at.waiting.map((w) => w.elementType)).not.toContain('bpmn:BoundaryEvent');
    expect(at.waiting.map((w) => w.elementType)).not.toContain('bpmn:SubProcess');
    expect(Date.parse(at.waitingSince)).toBeLessThanOrEqual(Date.parse(verify.since));
  });

  it('lists a report stopped at a failed step first, and a retry with a reason moves it on and is audited', async () => {
    // given: the organisation service is down when a report comes in
    orgServiceDown = true;
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '临翔区博尚镇道路交通事故' }))).body.incidentNumber;

    // when
    const stuck = await untilTraced(number, (t) => t.incidents.length > 0);

    // then: first in the list, and in the incident-only list, with the step and the failure named
    expect((await traced())[0]!.incidentNumber).toBe(number);
    expect((await traced('incident')).map((t) => t.incidentNumber)).toEqual([number]);
    const [incident] = stuck.incidents;
    expect(incident).toMatchObject({ elementId: expect.any(String), errorType: 'JOB_NO_RETRIES', errorMessage: '组织机构服务无响应' });
    expect(incident!.elementName).toBeTruthy();
    expect(stuck.waiting.map((w) => w.elementId)).toContain(incident!.elementId);

    // when: a retry without a reason, then with one once the service is back
    const refused = await admin.post(`/api/admin/incidents/${incident!.key}/retry`, { retries: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([{ path: 'reason', message: '请填写重试原因' }, { path: 'retries', message: '重试次数须为 1 到 10 的整数' }]),
    );
    orgServiceDown = false;
    const retried = await admin.post(`/api/admin/incidents/${incident!.key}/retry`, { reason: '组织机构服务已恢复' });

    // then: the report reaches 核实, the incident is gone, a second retry is refused, and the dossier says who retried and why
    expect(retried).toMatchObject({ status: 200, body: { incidentKey: incident!.key, incidentNumber: number, retries: 3 } });
    await waitForTask(await login(server.url, 'lx_verifier'), number, 'verify');
    expect((await traced('incident')).map((t) => t.incidentNumber)).toEqual([]);
    expect((await admin.post(`/api/admin/incidents/${incident!.key}/retry`, { reason: '再试一次' })).status).toBe(409);
    const dossier = (await admin.get(`/api/incidents/${number}`)).body;
    const timeline = dossier.timeline as { action: string; actor: string; reportId: string | null; detail: Record<string, unknown> }[];
    expect(timeline.find((e) => e.action === 'admin.incident_retried')).toMatchObject({
      actor: '何军',
      reportId: dossier.reports[0].id,
      detail: { reason: '组织机构服务已恢复', errorMessage: '组织机构服务无响应', retries: 3, elementId: incident!.elementId },
    });
  });

  it('traces only the named instances that still run, as a batch retry watches its steps', async () => {
    // given: two running reports
    const [one, two] = await Promise.all([1, 2].map(async () => (await reporter.post('/api/reports', firstReport())).body.incidentNumber as string));
    const [first, second] = await Promise.all([one!, two!].map((number) => untilTraced(number, (t) => t.waiting.some((w) => w.elementId === 'verify'))));

    // when: the first and an instance that does not run are named
    const response = await admin.get(`/api/admin/instances?instances=${first!.instanceKey},999999999`);

    // then
    expect(response.status).toBe(200);
    expect((response.body.items as Traced[]).map((t) => t.instanceKey)).toEqual([first!.instanceKey]);
    expect((await admin.get(`/api/admin/instances?instances=${first!.instanceKey}&problem=incident`)).body.items).toEqual([]);
    // all the named instances, whatever the page size (`limit` pages the list, not a named set)
    const both = await admin.get(`/api/admin/instances?instances=${first!.instanceKey},${second!.instanceKey}&limit=1`);
    expect((both.body.items as Traced[]).map((t) => t.instanceKey).sort()).toEqual([first!.instanceKey, second!.instanceKey].sort());
    const refused = await admin.get('/api/admin/instances?instances=12,x');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'instances', message: '至多 500 个流程实例编号（数字），以逗号分隔' }]);
    const english = await admin.request('GET', '/api/admin/instances?instances=12,x', undefined, { 'accept-language': 'en' });
    expect(english.body.errors).toEqual([{ path: 'instances', message: 'Up to 500 instance keys (numbers), separated by commas' }]);
  });

  it('is for admins only, and answers an unknown incident with 404', async () => {
    expect((await reporter.get('/api/admin/instances')).status).toBe(403);
    expect((await reporter.post('/api/admin/incidents/1/retry', { reason: '试试' })).status).toBe(403);
    expect((await admin.post('/api/admin/incidents/999999999/retry', { reason: '试试' })).status).toBe(404);
    expect((await admin.post('/api/admin/incidents/9999999999999999999/retry', { reason: '试试' })).status).toBe(404); // beyond 64 bits
    expect((await admin.post('/api/admin/incidents/1/retry', { reason: '已修复\ud800' })).body.errors).toEqual([{ path: 'reason', message: '含有无效的 Unicode 字符（孤立的代理项）' }]);
    expect((await admin.get('/api/admin/instances?limit=0')).status).toBe(400);
    // every message in the caller's language: Chinese by default, English when asked
    expect((await admin.post('/api/admin/incidents/999999999/retry', { reason: '试试' })).body.detail).toBe('故障 999999999 不存在');
    const notFound = await admin.request('POST', '/api/admin/incidents/999999999/retry', { reason: 'try' }, { 'accept-language': 'fr, en;q=0.8' });
    expect(notFound.body).toMatchObject({ title: 'Not found', detail: 'Incident 999999999 not found' });
    expect((await reporter.request('GET', '/api/admin/instances', undefined, { 'accept-language': 'en' })).body.detail).toBe('Requires one of the roles: System administrator');
    expect((await reporter.get('/api/admin/instances')).body.detail).toBe('需要以下角色之一：系统管理员'); // role names, not ids
    const english = await admin.request('POST', '/api/admin/incidents/1/retry', {}, { 'accept-language': 'en' });
    expect(english.body.errors).toEqual([{ path: 'reason', message: 'Give the reason for the retry' }]);
  });
});
