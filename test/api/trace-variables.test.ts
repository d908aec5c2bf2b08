import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * 流程监控 (issue 22, docs/adr/0045): editing a running flow's variable with a reason over real HTTP, engine and
 * database — audited, refused with 409 when the value or the flow moved on, never for a 涉密 report; and the search's
 * read model following the writes that change what it shows.
 */
describe('the admin trace: variables and the search read model', () => {
  let server: RunningServer;
  let admin: Client, reporter: Client, verifier: Client, leader: Client;

  beforeAll(async () => {
    server = await startTestServer();
    [admin, reporter, verifier, leader] = (await Promise.all(['admin', 'lx_reporter', 'lx_verifier', 'lx_leader'].map((u) => login(server.url, u)))) as [Client, Client, Client, Client];
  });
  afterAll(() => server?.close());

  const instanceOf = async (number: string): Promise<string> => {
    const found = await admin.get(`/api/admin/monitor/search?number=${number}`);
    expect(found.body.items, JSON.stringify(found.body)).toHaveLength(1);
    return found.body.items[0].instanceKey;
  };
  const edit = (key: string, name: string, body: unknown) => admin.request('PUT', `/api/admin/instances/${key}/variables/${name}`, body);
  async function atVerify(title: string) {
    const number: string = (await reporter.post('/api/reports', firstReport({ title }))).body.incidentNumber;
    await waitForTask(verifier, number, 'verify');
    return { number, key: await instanceOf(number) };
  }

  it('sets a variable with a reason: the flow carries it, the dossier trail says who, why, before and after', async () => {
    // given: a report at 核实, graded 重大 (Ⅱ)
    const { number, key } = await atVerify('临翔区邦东乡森林火灾');
    expect((await admin.get(`/api/admin/instances/${key}`)).body.variables.severity).toBe('II');

    // when
    const edited = await edit(key, 'severity', { value: 'III', expected: 'II', reason: '现场核实为较大' });

    // then
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toEqual({ action: 'editVariable', instanceKey: key, incidentNumber: number, name: 'severity', value: 'III' });
    expect((await admin.get(`/api/admin/instances/${key}`)).body.variables.severity).toBe('III');
    const timeline = (await admin.get(`/api/incidents/${number}`)).body.timeline as { action: string; actor: string; detail: Record<string, unknown> }[];
    expect(timeline.find((e) => e.action === 'trace.variable_edited')).toMatchObject({ actor: '何军', detail: { instanceKey: key, name: 'severity', before: 'II', after: 'III', reason: '现场核实为较大' } });
  });

  it('answers 409 when the variable changed since it was read (with its current value), or already has the value', async () => {
    // given: 王芳's edit lands first
    const { key } = await atVerify('临翔区博尚镇山体滑坡');
    expect((await edit(key, 'sensitive', { value: true, expected: false, reason: '涉及学校' })).status).toBe(200);

    // when: another edit made from the old value, and one that changes nothing
    const stale = await edit(key, 'sensitive', { value: false, expected: false, reason: '不敏感' });
    const same = await edit(key, 'sensitive', { value: true, expected: true, reason: '再改一次' });

    // then
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ detail: expect.stringContaining('已被修改'), current: true });
    expect(same.status).toBe(409);
  });

  it('refuses a missing reason or value, a variable tying the flow to its report, an unknown one, a non-admin; 409 once the flow ended', async () => {
    // given
    const { key } = await atVerify('临翔区章驮乡冰雹');

    // when / then: field errors on the body and on the path
    const bad = await edit(key, 'severity', { expected: 'II', reason: '  ', extra: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string; message: string }[]).map((e) => e.path).sort()).toEqual(['extra', 'reason', 'value']);
    expect(bad.body.errors).toContainEqual({ path: 'reason', message: '请填写操作原因' });
    const locked = await edit(key, 'reportId', { value: 'x', expected: 'x', reason: '试试' });
    expect(locked.status).toBe(400);
    expect(locked.body.errors).toEqual([{ path: 'name', message: expect.stringContaining('不能修改') }]);
    expect((await edit(key, 'bad-name', { value: 1, expected: 1, reason: '试试' })).body.errors).toEqual([{ path: 'name', message: expect.any(String) }]);
    expect((await edit(key, 'noSuchVariable', { value: 1, expected: 1, reason: '试试' })).status).toBe(404);
    expect((await reporter.request('PUT', `/api/admin/instances/${key}/variables/severity`, { value: 'III', expected: 'II', reason: '我想改' })).status).toBe(403);

    // when: the flow is canceled
    expect((await admin.post(`/api/admin/instances/${key}/cancel`, { reason: '重复报送' })).status).toBe(200);

    // then
    const ended = await edit(key, 'severity', { value: 'III', expected: 'II', reason: '太迟' });
    expect(ended.status).toBe(409);
    expect(ended.body.detail).toContain('已结束');
  });

  it('never shows or edits a 涉密 report’s variables', async () => {
    // given
    const created = await reporter.post('/api/reports', {
      kind: 'first', classified: true, category: 'social_security', severity: 'III', occurredAt: ago(20), learnedAt: ago(10), reportingUnitId: 'lx-yjj',
      contact: { name: '李明', phone: '0883-2100001' }, secureTransmission: { channel: 'confidential_bureau', handledBy: { name: '李明' }, sentAt: ago(5), documentNumber: '机要〔2026〕22号' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;
    await waitForTask(leader, number, 'sign_off');
    const key = await instanceOf(number);

    // when
    const edited = await edit(key, 'severity', { value: 'II', expected: 'III', reason: '升级' });

    // then: refused, the value unchanged and still masked, nothing in the trail
    expect(edited.status).toBe(403);
    expect(edited.body.detail).toContain('涉密');
    expect(JSON.stringify(edited.body)).not.toContain('III');
    expect((await admin.get(`/api/admin/instances/${key}`)).body.variables.severity).toBe('（涉密，不显示）');
    expect(((await admin.get(`/api/incidents/${number}`)).body.timeline as { action: string }[]).map((e) => e.action)).not.toContain('trace.variable_edited');
  });

  it('the search follows what changes its rows: a claim, a renamed assignee, a finished step', async () => {
    // given: a report at 审签
    const { number } = await atVerify('临翔区平村乡暴雨');
    const verify = await waitForTask(verifier, number, 'verify');
    expect((await verifier.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(leader, number, 'sign_off');
    const numbers = async (query: string) => ((await admin.get(`/api/admin/monitor/search?number=${number}&${query}`)).body.items as { incidentNumber: string }[]).map((r) => r.incidentNumber);
    expect(await numbers('step=sign_off')).toEqual([number]);
    expect(await numbers('step=verify')).toEqual([]);

    // when: 张伟 claims it, then is renamed
    expect((await leader.post(`/api/tasks/${signOff.key}/claim`)).status).toBeLessThan(300);
    expect(await numbers('assignee=lx_leader')).toEqual([number]);
    const zhang = (await admin.get('/api/admin/users?q=lx_leader')).body.items[0];
    expect((await admin.request('PATCH', `/api/admin/users/${zhang.id}`, { displayName: '张卫国' })).status).toBe(200);

    // then: found by the new name, not the old
    expect(await numbers(`assignee=${encodeURIComponent('张卫国')}`)).toEqual([number]);
    expect(await numbers(`assignee=${encodeURIComponent('张伟')}`)).toEqual([]);
    expect((await admin.request('PATCH', `/api/admin/users/${zhang.id}`, { displayName: '张伟' })).status).toBe(200);

    // when: signed off (the report moves on to the superior department and the government)
    expect((await leader.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意' })).status).toBe(204);

    // then: no longer at 审签
    for (let i = 0; i < 100 && (await numbers('step=sign_off')).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await numbers('step=sign_off')).toEqual([]);
  });

  it('describes the edit in the OpenAPI document', async () => {
    const openapi = (await admin.get('/api/openapi.json')).body;
    const put = openapi.paths['/api/admin/instances/{key}/variables/{name}']?.put;
    expect(put?.parameters.map((p: { name: string }) => p.name)).toEqual(['key', 'name']);
    expect(Object.keys(put.requestBody.content['application/json'].schema.properties)).toEqual(['value', 'expected', 'reason']);
    expect(Object.keys(put.responses)).toEqual(['200', '400', '403', '404', '409']);
  });
});
