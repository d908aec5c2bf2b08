import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };
const paths = (body: Problem) => (body.errors ?? []).map((e) => e.path);

/** Jurisdiction administration over HTTP (issue 18, docs/adr/0028 and 0029): units, people, scope, trail, route check. */
describe('jurisdiction administration', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['admin', 'lc_admin', 'tc_admin', 'lx_reporter', 'lx_verifier', 'lx_leader']) as[name] = await login(server.url, name);
  });
  afterAll(() => server?.close());

  const auditCount = async () => (await as.admin!.get('/api/admin/audit?limit=500')).body.items.length as number;

  it('answers 404 to everyone but admins, and shows a city admin that city and below, a system admin everything', async () => {
    expect((await as.lx_reporter!.get('/api/admin/org-units')).status).toBe(404);
    expect((await as.lx_reporter!.get('/api/admin/route-health')).status).toBe(404);
    expect((await as.lx_reporter!.post('/api/admin/users', {})).status).toBe(404);

    const city = (await as.lc_admin!.get('/api/admin/org-units')).body.items.map((u: { id: string }) => u.id);
    expect(city).toEqual(expect.arrayContaining(['lc-gov', 'lc-duty', 'lx-yjj', 'sj-slga']));
    expect(city).not.toContain('yn-gov');
    expect(city).not.toContain('tc-yjj');
    const all = (await as.admin!.get('/api/admin/org-units')).body.items.map((u: { id: string }) => u.id);
    expect(all).toEqual(expect.arrayContaining(['yn-gov', 'tc-yjj', 'shx-yjt', 'xc-yjj']));
    expect((await as.lc_admin!.get('/api/admin/org-units?q=森林')).body.items.map((u: { name: string }) => u.name)).toEqual(['临沧市森林公安局', '双江县森林公安局']);

    expect((await as.lc_admin!.get('/api/admin/users?unitId=tc-yjj')).status).toBe(404);
    expect((await as.tc_admin!.get('/api/admin/users')).body.items.map((p: { username: string }) => p.username).sort()).toEqual(['tc_admin', 'tc_duty', 'tc_leader', 'tc_reporter', 'tc_verifier']);
  });

  it('finds every route of the four demo jurisdictions staffed', async () => {
    const health = (await as.admin!.get('/api/admin/route-health')).body;
    expect(health.gaps).toEqual([]);
    expect(health).toMatchObject({ ok: true });
    expect(health.checkedUnits).toBeGreaterThanOrEqual(11);
    for (const rootId of ['lc-gov', 'tc-gov', 'shx-gov', 'xc-gov']) expect((await as.admin!.get(`/api/admin/route-health?rootId=${rootId}`)).body.ok, rootId).toBe(true);
  });

  it('creates a unit, lists its route gaps in Chinese, and audits who changed what', async () => {
    // when: 临沧's admin adds 临翔区自然资源局, a department nobody works in yet
    const created = await as.lc_admin!.post('/api/admin/org-units', {
      code: '530902-ZRZY', name: '临翔区自然资源局', kind: 'department', level: 'county', divisionCode: '530902', parentId: 'lx-gov', superiorDepartmentId: 'lc-yjj', sameLevelGovernmentId: 'lx-gov',
    });

    // then
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 'org-530902-zrzy', active: true });
    const messages = (await as.lc_admin!.get('/api/admin/route-health')).body.gaps.map((g: { message: string }) => g.message);
    expect(messages).toEqual(expect.arrayContaining(['临翔区自然资源局：无单位领导，本单位报告无法审签', '临翔区自然资源局：无信息员，本单位无法填报']));
    const english = (await as.lc_admin!.request('GET', '/api/admin/route-health', undefined, { 'accept-language': 'en' })).body.gaps.map((g: { message: string }) => g.message);
    expect(english).toContain('临翔区自然资源局: no unit leader, the unit\'s reports cannot be signed off');

    // and: an edit is audited before → after, searchable; 太仓's admin does not see 临沧's trail
    expect((await as.lc_admin!.request('PATCH', '/api/admin/org-units/org-530902-zrzy', { name: '临翔区自然资源和规划局' })).status).toBe(200);
    const trail = (await as.lc_admin!.get('/api/admin/audit?entityId=org-530902-zrzy')).body.items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect(trail[0]).toMatchObject({ actorName: '鲁平（lc_admin）', before: { name: '临翔区自然资源局' }, after: { name: '临翔区自然资源和规划局' } });
    expect((await as.lc_admin!.get('/api/admin/audit?q=自然资源')).body.items).toHaveLength(2);
    expect((await as.tc_admin!.get('/api/admin/audit?entityId=org-530902-zrzy')).body.items).toEqual([]);
  });

  it('refuses duplicate codes, cycles, a superior that is the unit itself, and units outside the scope, writing nothing', async () => {
    const before = await auditCount();
    const unit = { code: '530902-YJ', name: '重复的局', kind: 'department', level: 'county', divisionCode: '530902', parentId: 'lx-gov' };
    const duplicate = await as.lc_admin!.post('/api/admin/org-units', unit);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual([{ path: 'code', message: '单位编码已被“临翔区应急管理局”使用：530902-YJ' }]);
    const government = await as.admin!.post('/api/admin/org-units', { code: '530902', name: '又一个临翔区人民政府', kind: 'government', level: 'county', divisionCode: '530902', parentId: 'lc-gov' });
    expect(government.status).toBe(400);
    expect(paths(government.body)).toContain('divisionCode');

    const cycle = await as.lc_admin!.request('PATCH', '/api/admin/org-units/lx-gov', { parentId: 'lx-duty' });
    expect(cycle.status).toBe(400);
    expect(paths(cycle.body)).toContain('parentId');
    const self = await as.lc_admin!.request('PATCH', '/api/admin/org-units/lx-yjj', { superiorDepartmentId: 'lx-yjj' });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([{ path: 'superiorDepartmentId', message: '上级主管部门不能是本单位' }]);

    expect((await as.lc_admin!.post('/api/admin/org-units', { ...unit, code: '320585-ZR', divisionCode: '320585', parentId: 'tc-gov' })).status).toBe(404);
    expect((await as.lc_admin!.request('PATCH', '/api/admin/org-units/tc-yjj', { name: '改名' })).status).toBe(404);
    const badKind = await as.lc_admin!.post('/api/admin/org-units', { ...unit, code: '530902-XX', kind: 'ministry' });
    expect(badKind.status).toBe(400);
    expect(paths(badKind.body)).toEqual(['kind']);

    // a unit with people or units below it stays active
    const busy = await as.lc_admin!.post('/api/admin/org-units/lx-yjj/deactivate');
    expect(busy.status).toBe(409);
    expect(busy.body.detail).toContain('李明（lx_reporter）');
    expect(await auditCount()).toBe(before);
  });

  it('creates a person who must change the temporary password, refuses duplicates and unknown roles', async () => {
    const before = await auditCount();
    const badRole = await as.lc_admin!.post('/api/admin/users', { username: 'lx_new', displayName: '林新', unitId: 'lx-yjj', roles: ['reporter', 'mayor'], phone: null });
    expect(badRole.status).toBe(400);
    expect(paths(badRole.body)).toEqual(['roles.1']);
    const taken = await as.lc_admin!.post('/api/admin/users', { username: 'lx_reporter', displayName: '林新', unitId: 'lx-yjj', roles: ['reporter'], phone: null });
    expect(taken.status).toBe(409);
    expect(paths(taken.body)).toEqual(['username']);
    const granted = await as.lc_admin!.post('/api/admin/users', { username: 'lx_boss', displayName: '林新', unitId: 'lx-yjj', roles: ['system_admin'], phone: null });
    expect(granted.status).toBe(400);
    expect(await auditCount()).toBe(before);

    // when
    const created = await as.lc_admin!.post('/api/admin/users', { username: 'lx_new', displayName: '林新', unitId: 'lx-yjj', roles: ['reporter', 'verifier'], phone: '13800000001' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const fresh = await login(server.url, 'lx_new', created.body.temporaryPassword);

    // then: nothing but the password change until it is changed
    expect((await fresh.get('/api/me')).body).toMatchObject({ username: 'lx_new', mustChangePassword: true });
    const blocked = await fresh.get('/api/tasks');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await fresh.post('/api/auth/change-password', { currentPassword: created.body.temporaryPassword, newPassword: 'short' });
    expect(paths(weak.body)).toEqual(['newPassword']);
    expect((await fresh.post('/api/auth/change-password', { currentPassword: 'wrong', newPassword: 'linxin2026' })).body.errors[0].path).toBe('currentPassword');
    expect((await fresh.post('/api/auth/change-password', { currentPassword: created.body.temporaryPassword, newPassword: 'linxin2026' })).status).toBe(204);
    expect((await fresh.get('/api/tasks')).status).toBe(200);

    // and: a reset forces a change again and ends the session at once
    const reset = await as.lc_admin!.post(`/api/admin/users/${created.body.person.id}/reset-password`);
    expect(reset.body.person.mustChangePassword).toBe(true);
    expect((await fresh.get('/api/me')).status).toBe(401);
    expect((await client(server.url).post('/api/auth/login', { username: 'lx_new', password: 'linxin2026' })).status).toBe(401);
  });

  it('refuses to remove the last holder of a role an open task waits on, naming the task; a deactivated person is logged out at once', { timeout: 60_000 }, async () => {
    // given: a 临翔 report waits for 核实 (unit:lx-yjj:verifier: lx_verifier and lx_new)
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport())).body.incidentNumber;
    await waitForTask(as.lx_verifier!, number, 'verify');
    const lxNew = (await as.lc_admin!.get('/api/admin/users?q=lx_new')).body.items[0];
    expect((await as.lc_admin!.request('PATCH', `/api/admin/users/${lxNew.id}`, { roles: ['reporter'] })).status).toBe(200);

    // when: the impact is asked first, then the deactivation tried
    const impact = (await as.lc_admin!.get('/api/admin/users/user-lx_verifier/deactivation-impact')).body;
    const refused = await as.lc_admin!.post('/api/admin/users/user-lx_verifier/deactivate');

    // then
    expect(impact.blockedTasks).toEqual([expect.objectContaining({ incidentNumber: number, group: 'unit:lx-yjj:verifier' })]);
    expect(impact.newGaps.map((g: { message: string }) => g.message)).toContain('临翔区应急管理局：无核实人，本单位报告无法核实');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(number);
    expect((await as.lx_verifier!.get('/api/me')).status).toBe(200);

    // when: someone else holds the role again, the deactivation goes through and ends the session at once
    expect((await as.lc_admin!.request('PATCH', `/api/admin/users/${lxNew.id}`, { roles: ['reporter', 'verifier'] })).status).toBe(200);
    const done = await as.lc_admin!.post('/api/admin/users/user-lx_verifier/deactivate');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await as.lx_verifier!.get('/api/me')).status).toBe(401);
    const trail = (await as.admin!.get('/api/admin/audit?entityId=user-lx_verifier')).body.items;
    expect(trail[0]).toMatchObject({ action: 'user.deactivate', actorName: '鲁平（lc_admin）', before: { active: true }, after: { active: false } });
  });

  it('runs a 首报 of 太仓 to the city duty office’s receipt with 太仓’s deadlines', { timeout: 90_000 }, async () => {
    const tc = { reporter: await login(server.url, 'tc_reporter'), verifier: await login(server.url, 'tc_verifier'), leader: await login(server.url, 'tc_leader'),
      szYjj: await login(server.url, 'sz_yjj_staff'), tcDuty: await login(server.url, 'tc_duty'), szDuty: await login(server.url, 'sz_duty') };
    const submitted = await tc.reporter.post('/api/reports', firstReport({
      title: '太仓市城厢镇化工企业火灾', reportingUnitId: 'tc-yjj', place: { divisionCode: '320585', address: '太仓市城厢镇' }, contact: { name: '钱进', phone: '0512-53500001' },
      occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(), learnedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number: string = submitted.body.incidentNumber;
    const complete = async (user: Client, kind: string, body: unknown) => {
      const task = await waitForTask(user, number, kind);
      expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status).toBe(204);
    };
    await complete(tc.verifier, 'verify', { decision: 'confirm' });
    await complete(tc.leader, 'sign_off', { decision: 'approve', opinion: '同意报送' });
    await complete(tc.szYjj, 'acknowledge_superior', {});
    await complete(tc.tcDuty, 'acknowledge_government', {});
    await complete(tc.szDuty, 'receive_city', { opinion: '已签收' });

    let dossier = (await tc.reporter.get(`/api/incidents/${number}`)).body;
    for (let i = 0; i < 200 && dossier.reports[0].workflow?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      dossier = (await tc.reporter.get(`/api/incidents/${number}`)).body;
    }
    const [report] = dossier.reports;
    expect(report).toMatchObject({ status: 'received', workflow: { state: 'completed' } });
    expect(report.receipts.find((r: { role: string }) => r.role === 'cityDutyOffice')).toMatchObject({ acknowledgedBy: '潘静' });
    // 001 二: 重大 — 15 minutes by phone, 30 in writing, from the occurrence
    expect(report.clocks.map((c: { channel: string; within: string; from: string; policyCode: string }) => [c.channel, c.within, c.from, c.policyCode]).sort()).toEqual([
      ['phone', 'PT15M', 'occurred', '320585'],
      ['written', 'PT30M', 'occurred', '320585'],
    ]);
  });

  it('documents every admin route in the OpenAPI document', async () => {
    const openapi = (await client(server.url).get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining([
      '/api/admin/org-units', '/api/admin/org-units/{id}', '/api/admin/org-units/{id}/deactivate', '/api/admin/users', '/api/admin/users/{id}', '/api/admin/users/{id}/deactivate',
      '/api/admin/users/{id}/reset-password', '/api/admin/users/{id}/deactivation-impact', '/api/admin/route-health', '/api/admin/audit', '/api/auth/change-password',
    ]));
  });
});
