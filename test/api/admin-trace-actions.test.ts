import { TASK_TYPES } from '@kuaibao/domain';
import { fail } from '@kuaibao/engine';
import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

interface Row { instanceKey: string; incidentNumber: string; reportStatus: string; waitingSince: string; overdueSince: string | null; failedSteps: number; tasks: { key: string; kind: string; assignee: string | null; assigneeName: string | null }[]; unit: { divisionCode: string } }

/** 流程监控 (issue 22): search with filters, and 催办, 改派, 取消认领, 终止, batch retry over real HTTP, engine and database. */
describe('the admin trace: search and actions', () => {
  let server: RunningServer;
  let admin: Client, reporter: Client, verifier: Client, leader: Client, otherReporter: Client;
  /** The server's clock runs this far ahead of the system's (the edge the tests move: "waited two hours"). */
  let ahead = 0;
  let orgServiceDown = false;

  beforeAll(async () => {
    server = await startTestServer({
      now: () => new Date(Date.now() + ahead),
      handlers: (handlers) => ({
        ...handlers,
        [TASK_TYPES.resolveRecipients]: (variables, job) =>
          orgServiceDown ? Promise.resolve(fail('组织机构服务无响应', { retries: 0 })) : handlers[TASK_TYPES.resolveRecipients]!(variables, job),
      }),
    });
    [admin, reporter, verifier, leader, otherReporter] = (await Promise.all(['admin', 'lx_reporter', 'lx_verifier', 'lx_leader', 'sj_reporter'].map((u) => login(server.url, u)))) as [Client, Client, Client, Client, Client];
  });
  afterAll(() => server?.close());

  const search = async (query: string): Promise<{ items: Row[]; total: number }> => {
    const response = await admin.get(`/api/admin/monitor/search?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const numbers = async (query: string) => (await search(query)).items.map((r) => r.incidentNumber);
  async function atSignOff(title: string) {
    // 较大 (Ⅲ): clocks of 30 min and 1 h from 接报, and no 越级 copy to the city duty office
    const number: string = (await reporter.post('/api/reports', firstReport({ title, severity: 'III', occurredAt: new Date(Date.now() - 2 * 60_000).toISOString(), learnedAt: new Date(Date.now() - 60_000).toISOString() }))).body.incidentNumber;
    const task = await waitForTask(verifier, number, 'verify');
    expect((await verifier.post(`/api/tasks/${task.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(leader, number, 'sign_off');
    const [row] = (await search(`number=${number}`)).items;
    return { number, taskKey: signOff.key, instanceKey: row!.instanceKey };
  }
  const trail = async (number: string) => (await admin.get(`/api/incidents/${number}`)).body.timeline as { action: string; actor: string; detail: Record<string, unknown> }[];

  it('finds a report at 审签 by number, title, step, unit, process, jurisdiction, how long it waits and its overdue clock', async () => {
    // given
    ahead = 0;
    const { number } = await atSignOff('临翔区南美乡山体滑坡');

    // then: found by what an admin knows of it, and not by what it is not
    expect(await numbers(`q=${encodeURIComponent('南美乡')}`)).toEqual([number]);
    expect(await numbers(`title=${encodeURIComponent('山体滑坡')}&step=sign_off`)).toEqual([number]);
    expect(await numbers(`number=${number}&step=verify`)).toEqual([]);
    expect(await numbers(`number=${number}&unit=${encodeURIComponent('临翔区应急')}&process=incident-report&version=1&division=5309`)).toEqual([number]);
    expect(await numbers(`number=${number}&division=1401`)).toEqual([]);
    const [row] = (await search(`number=${number}`)).items;
    expect(row).toMatchObject({ reportStatus: 'signing', failedSteps: 0, overdueSince: null, unit: { divisionCode: '530902' }, tasks: [{ kind: 'sign_off', assignee: null }] });
    expect(await numbers(`number=${number}&stuckMinutes=120`)).toEqual([]);

    // when: two hours pass (the server's clock)
    ahead = 2 * 3600_000 + 60_000;

    // then: it has waited at 审签 longer than two hours, and its clocks (30 min / 1 h) are overdue
    expect(await numbers(`number=${number}&stuckMinutes=120&step=sign_off`)).toEqual([number]);
    expect(await numbers(`number=${number}&overdue=true`)).toEqual([number]);
    expect(await numbers(`number=${number}&overdue=false`)).toEqual([]);
    ahead = 0;
  });

  it('sorts and pages, and answers a bad query with problem details naming each field', async () => {
    // given: two more running reports
    await atSignOff('临翔区博尚镇暴雨');
    await atSignOff('临翔区章驮乡冰雹');

    // then: a page of one, in the order asked, with the total
    const all = await search('sort=number&order=desc&pageSize=100');
    expect(all.items.map((r) => r.incidentNumber)).toEqual([...all.items.map((r) => r.incidentNumber)].sort().reverse());
    const second = await search('sort=number&order=desc&pageSize=1&page=2');
    expect(second).toMatchObject({ total: all.total, items: [{ incidentNumber: all.items[1]!.incidentNumber }] });

    const bad = await admin.get('/api/admin/monitor/search?pageSize=0&stuckMinutes=abc&overdue=yes&division=53x&sort=title&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.type).toContain('validation-failed');
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['colour', 'division', 'overdue', 'pageSize', 'sort', 'stuckMinutes']);
    expect((await reporter.get('/api/admin/monitor/search')).status).toBe(403);
    expect((await reporter.get('/api/admin/monitor/dashboard')).status).toBe(403);
  });

  it('改派 to an eligible person with a reason: the new assignee has it; an ineligible one is refused with the reason; audited', async () => {
    // given: a report at 审签, and 王芳 made an acting leader of 临翔区应急管理局 besides 核实人
    const { number, taskKey } = await atSignOff('临翔区圈内乡森林火灾');
    const wang = (await admin.get('/api/admin/users?q=lx_verifier')).body.items[0];

    // when: to 王芳 before she leads, without a reason, to nobody
    const ineligible = await admin.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'lx_verifier', reason: '张伟出差' });
    const noReason = await admin.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'lx_verifier' });
    const nobody = await admin.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'no_such_user', reason: '张伟出差' });

    // then
    expect(ineligible.status).toBe(400);
    expect(ineligible.body.errors).toEqual([{ path: 'assignee', message: expect.stringContaining('王芳 不能办理') }]);
    expect(noReason.body.errors).toEqual([{ path: 'reason', message: '请填写操作原因' }]);
    expect(nobody.body.errors).toEqual([{ path: 'assignee', message: '用户 no_such_user 不存在或已停用' }]);

    // when: she is made a leader, then the task is given to her
    expect((await admin.request('PATCH', `/api/admin/users/${wang.id}`, { roles: ['verifier', 'leader'] })).status).toBe(200);
    const reassigned = await admin.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'lx_verifier', reason: '张伟出差，由王芳代签' });

    // then: hers, found by assignee, the trail says who and why; the same again is a conflict
    expect(reassigned).toMatchObject({ status: 200, body: { action: 'reassign', assignee: 'lx_verifier' } });
    expect((await waitForTask(verifier, number, 'sign_off')).key).toBe(taskKey);
    expect(await numbers(`assignee=${encodeURIComponent('王芳')}&number=${number}`)).toEqual([number]);
    expect((await trail(number)).find((e) => e.action === 'trace.reassigned')).toMatchObject({ actor: '何军', detail: { to: 'lx_verifier', reason: '张伟出差，由王芳代签', taskKey } });
    expect((await admin.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'lx_verifier', reason: '再改' })).status).toBe(409);

    // when: 取消认领, twice
    const released = await admin.post(`/api/admin/tasks/${taskKey}/unclaim`, { reason: '王芳已返回核实岗位' });
    const again = await admin.post(`/api/admin/tasks/${taskKey}/unclaim`, { reason: '再次' });

    // then: back to the leaders' group; the second finds nobody holding it
    expect(released.status).toBe(200);
    expect((await search(`number=${number}`)).items[0]!.tasks[0]!.assignee).toBeNull();
    expect(again.status).toBe(409);
    expect((await trail(number)).find((e) => e.action === 'trace.released')).toMatchObject({ detail: { from: 'lx_verifier', reason: '王芳已返回核实岗位' } });

    // when: the leader signs it off, and the admin then tries to reassign the finished task
    expect((await leader.post(`/api/tasks/${taskKey}/complete`, { decision: 'approve', opinion: '同意报送' })).status).toBe(204);
    const late = await admin.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'lx_leader', reason: '改派' });

    // then: the state moved on
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('已办结');
    expect((await admin.post('/api/admin/tasks/999999999/unclaim', { reason: '试试' })).status).toBe(404);
    expect((await reporter.post(`/api/admin/tasks/${taskKey}/reassign`, { assignee: 'lx_leader', reason: '改派' })).status).toBe(403);
  });

  it('催办 texts the current holders: by the admin or by the report’s initiator, nobody else', async () => {
    // given
    const { number, instanceKey } = await atSignOff('临翔区忙畔街道燃气泄漏');

    // when
    const byAdmin = await admin.post(`/api/admin/instances/${instanceKey}/remind`, { reason: '已超过一小时未审签' });
    const byInitiator = await reporter.post(`/api/admin/instances/${instanceKey}/remind`, { reason: '请尽快审签' });
    const byOther = await otherReporter.post(`/api/admin/instances/${instanceKey}/remind`, { reason: '催一下' });
    const byVerifier = await verifier.post(`/api/admin/instances/${instanceKey}/remind`, { reason: '催一下' });
    const noReason = await reporter.post(`/api/admin/instances/${instanceKey}/remind`, { reason: '  ' });

    // then: 张伟 (the unit's leader, who holds 审签) is texted twice, each audited with who asked and why
    expect(byAdmin).toMatchObject({ status: 200, body: { action: 'remind', notified: expect.arrayContaining([{ id: 'user-lx_leader', name: '张伟' }]) } });
    expect(byInitiator.status).toBe(200);
    expect(byOther.status).toBe(403);
    expect(byOther.body.detail).toBe('只有系统管理员或报告的发起人可以催办');
    expect(byVerifier.status).toBe(403);
    expect(noReason.body.errors).toEqual([{ path: 'reason', message: '请填写操作原因' }]);
    const texts = (await server.deps.notifications.forIncident(number)).filter((n) => n.kind === 'reminder' && n.message.includes('催办：') && n.recipientName === '张伟');
    expect(texts.map((n) => [n.recipientName, n.status])).toEqual([['张伟', 'sent'], ['张伟', 'sent']]);
    expect(texts[1]!.message).toContain('原因：请尽快审签');
    const reminded = (await trail(number)).filter((e) => e.action === 'trace.reminded');
    expect(reminded.map((e) => [e.actor, e.detail.reason])).toEqual([['何军', '已超过一小时未审签'], ['李明', '请尽快审签']]);
  });

  it('终止: the report becomes 已撤销, nothing stays open, its recipients are told; a second time is a conflict', async () => {
    // given: a report already 报出 to its recipients, their 签收 open
    const { number, taskKey, instanceKey } = await atSignOff('临翔区邦东乡误报火情');
    expect((await leader.post(`/api/tasks/${taskKey}/complete`, { decision: 'approve', opinion: '同意' })).status).toBe(204);
    const duty = await login(server.url, 'lc_yjj_duty');
    await waitForTask(duty, number, 'acknowledge_superior');

    // when
    const noReason = await admin.post(`/api/admin/instances/${instanceKey}/cancel`, {});
    const canceled = await admin.post(`/api/admin/instances/${instanceKey}/cancel`, { reason: '经复核为误报，终止报送' });

    // then
    expect(noReason.body.errors).toEqual([{ path: 'reason', message: '请填写操作原因' }]);
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    const dossier = (await admin.get(`/api/incidents/${number}`)).body;
    expect(dossier.reports[0]).toMatchObject({ status: 'revoked', workflow: { state: 'canceled', openTasks: [] } });
    expect((await duty.get('/api/tasks?pageSize=200')).body.items.filter((t: { incidentNumber: string }) => t.incidentNumber === number)).toEqual([]);
    expect(await numbers(`number=${number}`)).toEqual([]);
    const revokedTexts = (await server.deps.notifications.forIncident(number)).filter((n) => n.kind === 'revoked');
    expect(revokedTexts.map((n) => n.recipientName)).toEqual(expect.arrayContaining(['刘洋', '陈静']));
    expect(revokedTexts[0]!.message).toContain('经复核为误报，终止报送');
    expect((await trail(number)).find((e) => e.action === 'trace.canceled')).toMatchObject({ actor: '何军', detail: { reason: '经复核为误报，终止报送', previousStatus: 'reported' } });
    expect((await admin.get('/api/admin/audit/verify')).body).toMatchObject({ intact: true, broken: [] });

    // and: the state moved on
    expect((await admin.post(`/api/admin/instances/${instanceKey}/cancel`, { reason: '再次终止' })).status).toBe(409);
    expect((await admin.post(`/api/admin/instances/${instanceKey}/remind`, { reason: '催办' })).status).toBe(409);
    expect((await reporter.post(`/api/admin/instances/${instanceKey}/cancel`, { reason: '撤回' })).status).toBe(403);
  });

  it('retries many failed steps at once, each answering on its own; found by the failed filter and counted on the dashboard', async () => {
    // given: two reports stopped at a failed step
    orgServiceDown = true;
    const stuck = await Promise.all(['临翔区马台乡车祸', '临翔区平村乡塌方'].map(async (title) => (await reporter.post('/api/reports', firstReport({ title }))).body.incidentNumber as string));
    let rows: Row[] = [];
    for (let i = 0; i < 200 && rows.length < 2; i++) {
      rows = (await search('failed=true&pageSize=100')).items.filter((r) => stuck.includes(r.incidentNumber));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows).toHaveLength(2);
    orgServiceDown = false; // (the retry below finds it back; set here so a failure below leaves later tests a working service)
    const dashboard = (await admin.get('/api/admin/monitor/dashboard')).body;
    expect(dashboard.failedSteps).toBeGreaterThanOrEqual(2);
    expect(dashboard.running).toBeGreaterThanOrEqual(2);
    // the dashboard counts what the search finds (both read monitor_report)
    expect(dashboard.failedReports).toBe((await search('failed=true')).total);
    expect(dashboard.overdueReports).toBe((await search('overdue=true')).total);
    expect(dashboard.running).toBe((await search('')).total);
    expect(dashboard.byJurisdiction).toEqual(expect.arrayContaining([expect.objectContaining({ divisionCode: '5309', name: '临沧市人民政府' })]));
    expect(dashboard.byStep).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'sign_off' })]));
    const incidents = (await admin.get('/api/admin/instances?problem=incident')).body.items.filter((t: { incidentNumber: string }) => stuck.includes(t.incidentNumber));
    const keys = incidents.map((t: { incidents: { key: string }[] }) => t.incidents[0]!.key) as string[];

    // when: without a reason, empty, then both plus one unknown once the service is back
    expect((await admin.post('/api/admin/incidents/retry', { incidentKeys: [] })).body.errors).toEqual(
      expect.arrayContaining([{ path: 'incidentKeys', message: '请至少选择一个失败的步骤' }, { path: 'reason', message: '请填写操作原因' }]),
    );
    const batch = await admin.post('/api/admin/incidents/retry', { incidentKeys: [...keys, '999999999'], reason: '组织机构服务已恢复' });

    // then
    expect(batch.status).toBe(200);
    expect(batch.body.results).toEqual([
      expect.objectContaining({ incidentKey: keys[0], ok: true }),
      expect.objectContaining({ incidentKey: keys[1], ok: true }),
      { incidentKey: '999999999', ok: false, status: 404, detail: '故障 999999999 不存在' },
    ]);
    for (const number of stuck) await waitForTask(verifier, number, 'verify');
    expect((await search('failed=true&pageSize=100')).items.filter((r) => stuck.includes(r.incidentNumber))).toEqual([]);
    expect((await admin.post('/api/admin/incidents/retry', { incidentKeys: keys, reason: '再试' })).body.results.map((r: { status: number }) => r.status)).toEqual([409, 409]);
    expect((await reporter.post('/api/admin/incidents/retry', { incidentKeys: keys, reason: '再试' })).status).toBe(403);
  });

  it('shows one instance: active and completed elements, task history with who acted, trail and variables', async () => {
    // given
    const { number, instanceKey } = await atSignOff('临翔区蚂蚁堆乡溺水');

    // when
    const { status, body } = await admin.get(`/api/admin/instances/${instanceKey}`);

    // then
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ incidentNumber: number, status: 'signing', classified: false });
    expect(body.activeElements).toEqual(expect.arrayContaining([expect.objectContaining({ elementType: 'bpmn:UserTask', count: 1 })]));
    expect(body.completedElementIds).toContain('verify');
    expect(body.history).toEqual([
      expect.objectContaining({ kind: 'verify', state: 'completed', actedBy: '王芳', decision: 'confirm', endedAt: expect.any(String) }),
      expect.objectContaining({ kind: 'sign_off', state: 'created', endedAt: null }),
    ]);
    expect(body.variables).toMatchObject({ incidentNumber: number });
    expect((await reporter.get(`/api/admin/instances/${instanceKey}`)).status).toBe(403);
    expect((await admin.get('/api/admin/instances/999999999')).status).toBe(404);
  });

  it('describes every new route in the OpenAPI document', async () => {
    const openapi = (await admin.get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining([
      '/api/admin/monitor/search', '/api/admin/monitor/dashboard', '/api/admin/instances/{key}', '/api/admin/instances/{key}/remind',
      '/api/admin/instances/{key}/cancel', '/api/admin/tasks/{key}/reassign', '/api/admin/tasks/{key}/unclaim', '/api/admin/incidents/retry',
    ]));
    expect(openapi.paths['/api/admin/monitor/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'stuckMinutes', 'overdue', 'failed', 'division']));
  });
});
