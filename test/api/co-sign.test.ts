import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/** 加签 (issue 20, docs/adr/0041): a co-signer before or after the leader at 审签, through the flow, over HTTP. */
describe('加签 over HTTP', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_leader', 'sj_leader', 'lx_duty']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  /** A 首报 of 临翔区应急管理局 confirmed by its verifier: the leader's 审签 is open. */
  async function atSignOff(title: string) {
    const submitted = await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV', title }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number = submitted.body.incidentNumber as string;
    const verify = await waitForTask(as.lx_verifier!, number, 'verify');
    expect((await as.lx_verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm' })).status).toBe(204);
    return { number, signOff: await waitForTask(as.lx_leader!, number, 'sign_off') };
  }
  const dossierOf = async (number: string) => (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
  const pathsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  async function until(check: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 150; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('前加签: the superior department\'s leader signs first, then the sign-off comes back to the leader, who sends it', async () => {
    // given
    const { number, signOff } = await atSignOff('加签测试：前加签');
    const offered = (await as.lx_leader!.get(`/api/tasks/${signOff.key}/co-signers`)).body;
    expect(offered.positions).toEqual(['before', 'after']);
    expect(offered.people.map((p: { username: string }) => p.username)).toContain('lc_yjj_leader');
    expect(offered.people.map((p: { username: string }) => p.username)).not.toContain('lx_leader');

    // when
    const added = await as.lx_leader!.post(`/api/tasks/${signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'before', reason: '涉及森林防火，请市应急管理局邓华同志先行审签' });

    // then: the co-signer has a 加签审签 task; the leader's is done
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toEqual({ coSigner: 'lc_yjj_leader', coSignerName: '邓华', position: 'before' });
    expect((await as.lx_leader!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve' })).status).toBe(409);
    const coSign = await waitForTask(as.lc_yjj_leader!, number, 'sector_sign_off');
    expect((await dossierOf(number)).reports[0].status).toBe('signing');
    // the co-signer reads the dossier they are asked to sign; another county's leader still does not
    expect((await as.lc_yjj_leader!.get(`/api/incidents/${number}`)).status).toBe(200);
    expect((await as.sj_leader!.get(`/api/incidents/${number}`)).status).toBe(404);

    // when: the co-signer agrees
    expect((await as.lc_yjj_leader!.post(`/api/tasks/${coSign.key}/complete`, { decision: 'approve', opinion: '同意，请区局按程序报送' })).status).toBe(204);

    // then: 审签 is back with 张伟, who sends the report
    const back = await waitForTask(as.lx_leader!, number, 'sign_off');
    expect(back.key).not.toBe(signOff.key);
    expect((await as.lx_leader!.get(`/api/tasks/${back.key}`)).body.task.assignee).toBe('lx_leader');
    expect((await as.lx_leader!.post(`/api/tasks/${back.key}/complete`, { decision: 'approve', opinion: '同意报送' })).status).toBe(204);
    await waitForTask(as.lx_duty!, number, 'acknowledge_government');
    const completions = (await dossierOf(number)).timeline.filter((e: { action: string }) => e.action === 'task.completed').map((e: { actor: string; detail: { kind: string; decision: string } }) => [e.actor, e.detail.kind, e.detail.decision]);
    expect(completions).toEqual([['王芳', 'verify', 'confirm'], ['张伟', 'sign_off', 'co_sign_before'], ['邓华', 'sector_sign_off', 'approve'], ['张伟', 'sign_off', 'approve']]);
    const entry = (await dossierOf(number)).timeline.find((e: { detail: { decision?: string } }) => e.detail.decision === 'co_sign_before');
    expect(entry.detail).toMatchObject({ coSigner: 'lc_yjj_leader', coSignerName: '邓华', position: 'before', opinion: '涉及森林防火，请市应急管理局邓华同志先行审签' });
  });

  it('后加签: the leader agrees and the co-signer\'s approval sends the report; a co-signer\'s 退回 goes back to 核实', async () => {
    // given
    const after = await atSignOff('加签测试：后加签');
    const returned = await atSignOff('加签测试：加签人退回');

    // when
    expect((await as.lx_leader!.post(`/api/tasks/${after.signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'after', reason: '本人同意，请邓华同志加签' })).status).toBe(200);
    expect((await as.lx_leader!.post(`/api/tasks/${returned.signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'after', reason: '请邓华同志加签' })).status).toBe(200);
    const approveTask = await waitForTask(as.lc_yjj_leader!, after.number, 'sector_sign_off');
    const returnTask = await waitForTask(as.lc_yjj_leader!, returned.number, 'sector_sign_off');
    const noOpinion = await as.lc_yjj_leader!.post(`/api/tasks/${returnTask.key}/complete`, { decision: 'return' });
    expect(noOpinion.status).toBe(400);
    expect(pathsOf(noOpinion.body)).toEqual(['opinion']);
    expect((await as.lc_yjj_leader!.post(`/api/tasks/${approveTask.key}/complete`, { decision: 'approve' })).status).toBe(204);
    expect((await as.lc_yjj_leader!.post(`/api/tasks/${returnTask.key}/complete`, { decision: 'return', opinion: '过火面积与卫星监测不符，请重新核实' })).status).toBe(204);

    // then: the first goes out with no further sign-off; the second is at 核实 again
    await waitForTask(as.lx_duty!, after.number, 'acknowledge_government');
    await waitForTask(as.lx_verifier!, returned.number, 'verify');
    expect((await dossierOf(returned.number)).reports[0].status).toBe('verifying');
  });

  it('at a 续报\'s 审签 too (follow-up-report.bpmn): offered before and after; 后加签\'s approval sends the 续报', async () => {
    // given: a 首报 signed off and sent, then a 续报 at its leader's 审签
    const { number, signOff: first } = await atSignOff('加签测试：续报');
    expect((await as.lx_leader!.post(`/api/tasks/${first.key}/complete`, { decision: 'approve', opinion: '同意报送' })).status).toBe(204);
    await until(async () => (await dossierOf(number)).reports[0].status === 'reported', 'the 首报 to be sent');
    const filed = await as.lx_reporter!.post(`/api/incidents/${number}/reports`, { kind: 'follow_up', progress: '明火已扑灭，过火面积约 3 公顷。' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const signOff = await waitForTask(as.lx_leader!, number, 'sign_off');

    // when: the leader asks the superior department's leader to sign after; the co-signer agrees
    expect((await as.lx_leader!.get(`/api/tasks/${signOff.key}/co-signers`)).body.positions).toEqual(['before', 'after']);
    const added = await as.lx_leader!.post(`/api/tasks/${signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'after', reason: '请邓华同志加签续报' });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const coSign = await waitForTask(as.lc_yjj_leader!, number, 'sector_sign_off');
    expect((await dossierOf(number)).reports[1]).toMatchObject({ kind: 'follow_up', status: 'signing' });
    expect((await as.lc_yjj_leader!.post(`/api/tasks/${coSign.key}/complete`, { decision: 'approve', opinion: '同意续报' })).status).toBe(204);

    // then: the 续报 goes out with no further sign-off, and the trail names both signers
    await until(async () => (await dossierOf(number)).reports[1].status === 'reported', 'the 续报 to be sent');
    const completions = (await dossierOf(number)).timeline
      .filter((e: { action: string; reportId: string }) => e.action === 'task.completed' && e.reportId === filed.body.reportId)
      .map((e: { actor: string; detail: { decision: string } }) => [e.actor, e.detail.decision]);
    expect(completions).toEqual([['张伟', 'co_sign_after'], ['邓华', 'approve']]);
  });

  it('refuses what the flow or the org tree does not allow', async () => {
    // given
    const { number, signOff } = await atSignOff('加签测试：拒绝');

    // when / then: another county's leader, a wrong position, nobody, a step without 加签, someone not holding it
    const outsider = await as.lx_leader!.post(`/api/tasks/${signOff.key}/co-sign`, { to: 'sj_leader', position: 'before', reason: '请协助审签' });
    expect(outsider.status).toBe(403);
    expect(pathsOf(outsider.body)).toEqual(['to']);
    const badPosition = await as.lx_leader!.post(`/api/tasks/${signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'middle', reason: '请协助审签' });
    expect(badPosition.status).toBe(400);
    expect(pathsOf(badPosition.body)).toEqual(['position']);
    const self = await as.lx_leader!.post(`/api/tasks/${signOff.key}/co-sign`, { to: 'lx_leader', position: 'before', reason: '请协助审签' });
    expect(self.status).toBe(403);
    expect((await as.lx_verifier!.post(`/api/tasks/${signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'before', reason: '请协助审签' })).status).toBe(404);
    const other = await atSignOff('加签测试：核实环节');
    const verifyTask = await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV', title: '加签测试：核实环节不允许' }));
    const verify = await waitForTask(as.lx_verifier!, verifyTask.body.incidentNumber, 'verify');
    const atVerify = await as.lx_verifier!.post(`/api/tasks/${verify.key}/co-sign`, { to: 'lc_yjj_leader', position: 'before', reason: '请协助核实' });
    expect(atVerify.status).toBe(409);
    expect(atVerify.body.detail).toBe('此环节的流程不允许加签');
    expect((await as.lx_verifier!.get(`/api/tasks/${verify.key}/co-signers`)).body).toEqual({ positions: [], people: [] });

    // and once the state moved on: 409
    expect((await as.lx_leader!.post(`/api/tasks/${other.signOff.key}/complete`, { decision: 'approve' })).status).toBe(204);
    const late = await as.lx_leader!.post(`/api/tasks/${other.signOff.key}/co-sign`, { to: 'lc_yjj_leader', position: 'before', reason: '办结后再加签' });
    expect(late.status).toBe(409);
    expect((await dossierOf(number)).reports[0].status).toBe('signing');
    // the OpenAPI document describes both operations
    const paths = Object.keys((await as.lx_reporter!.get('/api/openapi.json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/tasks/{key}/co-sign', '/api/tasks/{key}/co-signers']));
  });
});
