import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/** issue 20: 撤回, 转办, 委派, 批量签收 and the lists 已办 / 我发起的 / 抄送我的, over HTTP against the real stack. */
describe('the approver\'s actions over HTTP', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_duty', 'lc_duty_leader', 'lx_duty']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  async function submit(overrides: Record<string, unknown> = {}) {
    const response = await as.lx_reporter!.post('/api/reports', firstReport(overrides));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { number: response.body.incidentNumber as string, reportId: response.body.reportId as string };
  }
  const dossierOf = async (number: string) => (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
  const pathsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  it('撤回: the submitter withdraws an untouched 首报; the flow ends, the 越级 copy\'s duty office is told; then 409', async () => {
    // given: a 重大 首报 (its 越级 copy reached the city duty office at once), nobody has acted on it
    const { number, reportId } = await submit({ severity: 'II', title: '撤回测试：临翔区某地森林火灾' });
    await waitForTask(as.lx_verifier!, number, 'verify');
    await waitForTask(as.lc_duty!, number, 'receive_city_direct');

    // when: no reason, someone else, then the submitter
    const noReason = await as.lx_reporter!.post(`/api/reports/${reportId}/withdraw`, {});
    expect(noReason.status).toBe(400);
    expect(pathsOf(noReason.body)).toEqual(['reason']);
    const other = await as.lx_verifier!.post(`/api/reports/${reportId}/withdraw`, { reason: '信息有误' });
    expect(other.status).toBe(403);
    expect(other.body.detail).toBe('只有报告的提交人可以撤回');
    const withdrawn = await as.lx_reporter!.post(`/api/reports/${reportId}/withdraw`, { reason: '地点填写错误，重新报送' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);

    // then: no task left anywhere, the report 已撤回, the dossier closed, the trail and the city duty office know
    const dossier = await dossierOf(number);
    expect(dossier.status).toBe('closed');
    expect(dossier.reports[0]).toMatchObject({ status: 'withdrawn', workflow: { state: 'canceled', openTasks: [] } });
    expect(dossier.timeline.find((e: { action: string }) => e.action === 'report.recalled')).toMatchObject({ actor: '李明', detail: { reason: '地点填写错误，重新报送' } });
    expect((await as.lx_verifier!.get('/api/tasks?pageSize=200')).body.items.some((t: { incidentNumber: string }) => t.incidentNumber === number)).toBe(false);
    const copied = (await as.lc_duty!.get(`/api/worklists/copied?kind=withdrawn&q=${encodeURIComponent(number)}`)).body;
    expect(copied.total).toBe(1);
    expect(copied.items[0]).toMatchObject({ kind: 'withdrawn', incidentNumber: number, reportKind: 'first' });
    expect(copied.items[0].message).toContain('撤回理由：地点填写错误，重新报送');

    const again = await as.lx_reporter!.post(`/api/reports/${reportId}/withdraw`, { reason: '再次撤回' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('不能撤回：该报告已撤回');
  });

  it('撤回 is refused with the reason once someone acted on the report', async () => {
    // given: the verifier claimed the report
    const { number, reportId } = await submit({ severity: 'IV', title: '撤回测试：已认领' });
    const task = await waitForTask(as.lx_verifier!, number, 'verify');
    expect((await as.lx_verifier!.post(`/api/tasks/${task.key}/claim`)).status).toBe(204);

    // when
    const response = await as.lx_reporter!.post(`/api/reports/${reportId}/withdraw`, { reason: '想撤回' });

    // then
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('不能撤回：王芳已办理该报告');
    expect((await dossierOf(number)).reports[0].status).toBe('verifying');
  });

  it('转办 hands a receipt to another duty officer of the same office; others are refused; the trail records it', async () => {
    // given
    const { number } = await submit({ severity: 'II', title: '转办测试' });
    const task = await waitForTask(as.lc_duty!, number, 'receive_city_direct');
    const eligible = (await as.lc_duty!.get(`/api/tasks/${task.key}/eligible?mode=transfer`)).body;
    expect(eligible.people.map((p: { username: string }) => p.username)).toContain('lc_duty_leader');
    expect(eligible.people.map((p: { username: string }) => p.username)).not.toContain('lc_duty');

    // when: invalid, ineligible, then right
    const noReason = await as.lc_duty!.post(`/api/tasks/${task.key}/transfer`, { to: 'lc_duty_leader' });
    expect(noReason.status).toBe(400);
    expect(pathsOf(noReason.body)).toEqual(['reason']);
    const outsider = await as.lc_duty!.post(`/api/tasks/${task.key}/transfer`, { to: 'lx_reporter', reason: '请协助办理' });
    expect(outsider.status).toBe(403);
    expect(pathsOf(outsider.body)).toEqual(['to']);
    const transferred = await as.lc_duty!.post(`/api/tasks/${task.key}/transfer`, { to: 'lc_duty_leader', reason: '本人外出，请黄磊签收' });
    expect(transferred.status, JSON.stringify(transferred.body)).toBe(200);
    expect(transferred.body).toEqual({ assignee: 'lc_duty_leader', assigneeName: '黄磊' });

    // then: only the new holder may act; the former holder gets 409
    expect((await as.lc_duty!.post(`/api/tasks/${task.key}/complete`, {})).status).toBe(409);
    const again = await as.lc_duty!.post(`/api/tasks/${task.key}/transfer`, { to: 'lc_duty_leader', reason: '再转一次' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('黄磊');
    expect((await as.lc_duty_leader!.post(`/api/tasks/${task.key}/complete`, { opinion: '已签收' })).status).toBe(204);
    const done = await as.lc_duty_leader!.post(`/api/tasks/${task.key}/transfer`, { to: 'lc_duty', reason: '已办结后转办' });
    expect(done.status).toBe(409);
    const entry = (await dossierOf(number)).timeline.find((e: { action: string }) => e.action === 'task.transferred');
    expect(entry).toMatchObject({ actor: '杨帆', detail: { toName: '黄磊', reason: '本人外出，请黄磊签收', kind: 'receive_city_direct' } });

    // 已办: the transfer in 杨帆's list, the 签收 in 黄磊's
    const mine = (await as.lc_duty!.get(`/api/worklists/done?q=${encodeURIComponent(number)}`)).body;
    expect(mine.items.map((i: { action: string }) => i.action)).toEqual(['task.transferred']);
    expect(mine.items[0]).toMatchObject({ toName: '黄磊', opinion: '本人外出，请黄磊签收', reportKind: 'first', title: '转办测试' });
    const theirs = (await as.lc_duty_leader!.get(`/api/worklists/done?action=task.completed&q=${encodeURIComponent(number)}`)).body;
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items[0]).toMatchObject({ taskKind: 'receive_city_direct', opinion: '已签收' });
  });

  it('委派: the leader asks the verifier, who gives it back with an opinion; meanwhile nobody completes it', async () => {
    // given: a report at 审签
    const { number } = await submit({ severity: 'IV', title: '委派测试' });
    const verify = await waitForTask(as.lx_verifier!, number, 'verify');
    expect((await as.lx_verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm' })).status).toBe(204);
    const signOff = await waitForTask(as.lx_leader!, number, 'sign_off');

    // when: the leader delegates to the verifier (same unit)
    const delegated = await as.lx_leader!.post(`/api/tasks/${signOff.key}/delegate`, { to: 'lx_verifier', reason: '请核对伤亡人数后提出意见' });
    expect(delegated.status, JSON.stringify(delegated.body)).toBe(200);

    // then: neither completes it while it is delegated; only the delegatee returns it
    const early = await as.lx_leader!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('该任务已委派给王芳，须待其办理归还');
    expect((await as.lx_verifier!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve' })).status).toBe(409);
    expect((await as.lx_leader!.post(`/api/tasks/${signOff.key}/return`, { opinion: '我来归还' })).status).toBe(403);
    const short = await as.lx_verifier!.post(`/api/tasks/${signOff.key}/return`, { opinion: '' });
    expect(short.status).toBe(400);
    expect(pathsOf(short.body)).toEqual(['opinion']);
    expect((await as.lx_verifier!.post(`/api/tasks/${signOff.key}/return`, { opinion: '伤亡人数已核对无误，建议同意' })).status).toBe(204);
    // back with the leader, the task is no longer the verifier's to see
    expect((await as.lx_verifier!.post(`/api/tasks/${signOff.key}/return`, { opinion: '再次归还' })).status).toBe(404);

    // the delegator decides
    const task = (await as.lx_leader!.get(`/api/tasks/${signOff.key}`)).body.task;
    expect(task.assignee).toBe('lx_leader');
    expect((await as.lx_leader!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意报送' })).status).toBe(204);
    const actions = (await dossierOf(number)).timeline.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a.startsWith('task.dele'))).toEqual(['task.delegated', 'task.delegation_returned']);
    const done = (await as.lx_leader!.get(`/api/worklists/done?q=${encodeURIComponent(number)}`)).body;
    expect(done.items.map((i: { action: string }) => i.action)).toEqual(['task.completed', 'task.delegated']);
  });

  it('批量签收 acknowledges each receipt on its own and says per item what happened', async () => {
    // given: two 越级 copies at the city duty office, and a task it cannot see
    const one = await submit({ severity: 'II', title: '批量签收一' });
    const two = await submit({ severity: 'II', title: '批量签收二' });
    const [a, b] = [await waitForTask(as.lc_duty!, one.number, 'receive_city_direct'), await waitForTask(as.lc_duty!, two.number, 'receive_city_direct')];
    const hidden = await waitForTask(as.lx_verifier!, one.number, 'verify');

    // when
    const empty = await as.lc_duty!.post('/api/tasks/acknowledge-batch', { keys: [] });
    expect(empty.status).toBe(400);
    expect(pathsOf(empty.body)).toEqual(['keys']);
    const batch = await as.lc_duty!.post('/api/tasks/acknowledge-batch', { keys: [a.key, b.key, hidden.key], opinion: '已收悉' });

    // then
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body).toMatchObject({ acknowledged: 2, failed: 1 });
    expect(batch.body.results.map((r: { key: string; status: number }) => [r.key, r.status])).toEqual([[a.key, 204], [b.key, 204], [hidden.key, 404]]);
    const again = await as.lc_duty!.post('/api/tasks/acknowledge-batch', { keys: [a.key] });
    expect(again.body.results[0]).toMatchObject({ ok: false, status: 409 });
    for (const number of [one.number, two.number]) {
      const entries = (await dossierOf(number)).timeline.filter((e: { action: string; detail: { kind?: string } }) => e.action === 'task.completed' && e.detail.kind === 'receive_city_direct');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: '杨帆', detail: { opinion: '已收悉' } });
    }
  });

  it('我发起的 lists my reports with where they wait, filtered and paged on the server', async () => {
    // given: the reports submitted above and one more
    const { number } = await submit({ severity: 'IV', title: '我发起的：新报告' });
    await waitForTask(as.lx_verifier!, number, 'verify');

    // when
    const page = (await as.lx_reporter!.get('/api/worklists/initiated?pageSize=2&reportKind=first')).body;
    const found = (await as.lx_reporter!.get(`/api/worklists/initiated?q=${encodeURIComponent('我发起的')}`)).body;
    const bad = await as.lx_reporter!.get('/api/worklists/initiated?reportKind=nonsense');

    // then
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ incidentNumber: number, reportKind: 'first', status: 'verifying', statusLabel: '核实中', waitingAt: [{ kind: 'verify', assignee: null }] });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body)).toEqual(['reportKind']);
    expect((await as.lx_verifier!.get('/api/worklists/initiated')).body.total).toBe(0);
    // the OpenAPI document describes every one of these operations
    const paths = Object.keys((await as.lx_reporter!.get('/api/openapi.json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/reports/{id}/withdraw', '/api/tasks/{key}/transfer', '/api/tasks/{key}/delegate', '/api/tasks/{key}/return', '/api/tasks/{key}/eligible',
      '/api/tasks/acknowledge-batch', '/api/worklists/done', '/api/worklists/initiated', '/api/worklists/copied',
    ]));
  });
});
