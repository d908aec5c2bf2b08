import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badIncidentReport, fixedIncidentReport } from './bad-deployment';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

interface Options { definitionKey: string; version: number; active: { elementInstanceKey: string; elementId: string; elementName: string | null }[]; elements: { id: string }[]; versions: { definitionKey: string; version: number }[] }

/**
 * 修改流程 and 迁移 over HTTP (issue 22 item 3 and "Bad input", docs/adr/0051): a report stuck at a step broken by a bad
 * deployment is moved onto the fixed version and past the step; a change that would leave an invalid state is refused
 * with the reason (409, field paths), nothing changed; every change is in the dossier's trail with its reason.
 */
describe('instance modification and migration over HTTP', () => {
  let server: RunningServer;
  let admin: Client, reporter: Client, verifier: Client, leader: Client, superiorDuty: Client;

  beforeAll(async () => {
    server = await startTestServer();
    [admin, reporter, verifier, leader, superiorDuty] = (await Promise.all(['admin', 'lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty'].map((u) => login(server.url, u)))) as [Client, Client, Client, Client, Client];
    await server.deps.engine.deploy([badIncidentReport()]);
  });
  afterAll(() => server?.close());

  /** A 较大 report signed off on the bad version: its 报送上级主管部门 fails for good. */
  async function stuckAtDispatch(title: string) {
    const number: string = (await reporter.post('/api/reports', firstReport({ title, severity: 'III', learnedAt: new Date(Date.now() - 60_000).toISOString() }))).body.incidentNumber;
    const verify = await waitForTask(verifier, number, 'verify');
    expect((await verifier.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(leader, number, 'sign_off');
    expect((await leader.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意' })).status).toBe(204);
    const instanceKey: string = (await admin.get(`/api/admin/monitor/search?number=${number}`)).body.items[0].instanceKey;
    for (const until = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 100))) {
      const incidents = await server.deps.engine.listIncidents({ instanceKey, state: 'active' });
      if (incidents.some((i) => i.elementId === 'dispatch-superior')) break;
      if (Date.now() > until) throw new Error('报送上级主管部门 did not fail');
    }
    return { number, instanceKey };
  }
  const options = async (instanceKey: string): Promise<Options> => {
    const response = await admin.get(`/api/admin/instances/${instanceKey}/changes`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const identity = (o: Options) => [...new Set(o.active.map((a) => a.elementId))].map((id) => ({ sourceElementId: id, targetElementId: id }));
  const trail = async (number: string) => (await admin.get(`/api/incidents/${number}`)).body.timeline as { action: string; actor: string; detail: Record<string, unknown> }[];

  it('refuses with the reason, nothing changed: a token inside a sub-process without its scope, an unknown element, an unmapped active element, another process, a finished instance', async () => {
    // given
    const { number, instanceKey } = await stuckAtDispatch('临翔区圈内乡山体滑坡');
    const before = await options(instanceKey);
    const broken = before.active.find((a) => a.elementId === 'dispatch-superior')!;
    const trailBefore = (await trail(number)).length;

    // when / then: 审签 lies inside the reporting span, which has ended
    const scope = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { terminate: [broken.elementInstanceKey], activate: ['sign-off'], reason: '退回审签' });
    expect(scope.status).toBe(409);
    expect(scope.body.refusals).toEqual([expect.objectContaining({ reason: 'SCOPE_MISSING', elementId: 'sign-off' })]);
    expect(scope.body.errors).toEqual([{ path: 'activate.0', message: expect.stringContaining('单位领导审签」位于子流程内') }]);
    const unknown = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { terminate: [broken.elementInstanceKey], activate: ['no-such-step'], reason: '测试' });
    expect([unknown.status, unknown.body.refusals[0].reason, unknown.body.errors[0].path]).toEqual([409, 'UNKNOWN_ELEMENT', 'activate.0']);
    const stale = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { terminate: ['123456789'], activate: ['dispatch-superior'], reason: '测试' });
    expect([stale.status, stale.body.refusals[0].reason, stale.body.errors[0].path]).toEqual([409, 'NOT_ACTIVE', 'terminate.0']);

    // and: bad bodies are 400s on their fields
    const noReason = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { terminate: [broken.elementInstanceKey], activate: ['dispatch-superior'] });
    expect([noReason.status, noReason.body.errors]).toEqual([400, [{ path: 'reason', message: '请填写操作原因' }]]);
    const nothing = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { reason: '测试' });
    expect([nothing.status, nothing.body.errors]).toEqual([400, [{ path: 'activate', message: '请选择要取消的环节或要激活的环节' }]]);

    // when / then: a migration that leaves an active element unmapped, or onto another process
    const fixed = before.versions.find((v) => v.version > before.version) ?? before.versions[0]!;
    const partial = identity(before).filter((m) => m.sourceElementId !== 'dispatch-superior');
    const dry = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: fixed.definitionKey, mappings: partial, dryRun: true });
    expect(dry.body.results[0]).toMatchObject({ ok: false, refusals: [{ reason: 'UNMAPPED_ELEMENT', elementId: 'dispatch-superior', message: '进行中的环节「报送上级主管部门」没有映射到目标版本' }] });
    const real = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: fixed.definitionKey, mappings: partial, reason: '测试' });
    expect(real.body.results[0]).toMatchObject({ ok: false, migrated: false, refusals: [{ reason: 'UNMAPPED_ELEMENT' }] });
    const [followUp] = await server.deps.engine.listDefinitions({ bpmnProcessId: 'follow-up-report' });
    const other = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: followUp!.key, mappings: identity(before), reason: '测试' });
    expect(other.body.results[0]).toMatchObject({ ok: false, refusals: [{ reason: 'OTHER_PROCESS', message: '目标版本属于另一个流程' }] });
    const noMigrationReason = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: fixed.definitionKey, mappings: [...partial, partial[0]!] });
    expect(noMigrationReason.status).toBe(400);
    expect(noMigrationReason.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([`mappings.${partial.length}.sourceElementId`, 'reason']);
    expect((await options(instanceKey)).version).toBe(before.version);
    expect((await trail(number)).length).toBe(trailBefore);

    // when / then: once canceled, nothing can be modified or migrated
    expect((await admin.post(`/api/admin/instances/${instanceKey}/cancel`, { reason: '重复报告' })).status).toBe(200);
    const finished = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { terminate: [], activate: ['dispatch-superior'], reason: '测试' });
    expect([finished.status, finished.body.detail]).toEqual([409, '该报告的流程已结束，不能修改']);
    const finishedMigration = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: fixed.definitionKey, mappings: identity(before), reason: '测试' });
    expect(finishedMigration.body.results[0]).toMatchObject({ ok: false, status: 409 });
    expect((await reporter.post(`/api/admin/instances/${instanceKey}/modify`, { activate: ['dispatch-superior'], reason: '测试' })).status).toBe(403);
  });

  it('moves a report past a step broken by a bad deployment onto the fixed version: dry run, migrate, restart the step', async () => {
    // given: the report waits at the failed 报送上级主管部门 on version 2 (the bad one); version 3 fixes it
    const { number, instanceKey } = await stuckAtDispatch('临翔区邦东乡森林火灾');
    await server.deps.engine.deploy([fixedIncidentReport()]);
    const before = await options(instanceKey);
    expect(before.version).toBe(2);
    const fixed = before.versions.find((v) => v.version === 3)!;
    expect(before.active.map((a) => a.elementId)).toContain('dispatch-superior');

    // when: a dry run with the full mapping
    const dry = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: fixed.definitionKey, mappings: identity(before), dryRun: true });

    // then: everything would move; nothing moved
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.results[0]).toMatchObject({ instanceKey, incidentNumber: number, ok: true, migrated: false, sourceVersion: 2, targetVersion: 3, refusals: [] });
    expect(dry.body.results[0].moves.map((m: { elementId: string }) => m.elementId).sort()).toEqual(before.active.map((a) => a.elementId).sort());
    expect((await options(instanceKey)).version).toBe(2);

    // when: migrated, then the broken step canceled and activated again on version 3
    const migrated = await admin.post('/api/admin/migrations', { instanceKeys: [instanceKey], targetDefinitionKey: fixed.definitionKey, mappings: identity(before), reason: '版本 2 报送对象配置错误，迁移到修正后的版本 3' });
    expect(migrated.body.results[0]).toMatchObject({ ok: true, migrated: true, targetVersion: 3 });
    const after = await options(instanceKey);
    expect(after.version).toBe(3);
    const broken = after.active.find((a) => a.elementId === 'dispatch-superior')!;
    const modified = await admin.post(`/api/admin/instances/${instanceKey}/modify`, { terminate: [broken.elementInstanceKey], activate: ['dispatch-superior'], reason: '按修正后的配置重新报送上级主管部门' });

    // then: the report reaches the superior department, whose duty officer gets the 签收 task; the failure is resolved
    expect(modified.status, JSON.stringify(modified.body)).toBe(200);
    expect(modified.body).toMatchObject({ action: 'modify', terminated: [{ elementId: 'dispatch-superior' }], activated: [{ elementId: 'dispatch-superior', elementName: '报送上级主管部门（已修正）' }] });
    await waitForTask(superiorDuty, number, 'acknowledge_superior', 20_000);
    expect(await server.deps.engine.listIncidents({ instanceKey, state: 'active' })).toEqual([]);
    const entries = await trail(number);
    expect(entries.find((e) => e.action === 'trace.migrated')).toMatchObject({ actor: '何军', detail: { reason: '版本 2 报送对象配置错误，迁移到修正后的版本 3', fromVersion: 2, toVersion: 3 } });
    expect(entries.find((e) => e.action === 'trace.modified')).toMatchObject({ actor: '何军', detail: { reason: '按修正后的配置重新报送上级主管部门' } });
    const openapi = (await admin.get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/admin/instances/{key}/changes', '/api/admin/instances/{key}/modify', '/api/admin/migrations']));
    expect(openapi.paths['/api/admin/instances/{key}/modify'].post.responses).toHaveProperty('409');
  });
});
