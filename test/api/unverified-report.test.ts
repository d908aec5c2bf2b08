import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/**
 * Issue 19 item 1, seed 000 and the 双江 lesson (its opening paragraph: "双江自治县未严格按审核程序，由县森林公安局单方面
 * 将有关情况上报"). A report goes up before 核实/审签 only where 000 allows an immediate report (二（三）, 三（二）二、三:
 * 重大/特别重大, sensitive); it is marked 未经核实 wherever shown; every unit that received it learns how 核实 ended;
 * a 不属实 closure ends every open task of the incident and leaves no instance active.
 */
describe('the 双江 lesson over HTTP (seed 000)', { timeout: 120_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lc_duty', 'sj_slga_reporter']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  const openDirectCopies = async (number: string) =>
    ((await as.lc_duty!.get('/api/tasks?kind=receive_city_direct&pageSize=200')).body.items as { incidentNumber: string; key: string }[]).filter((t) => t.incidentNumber === number);

  it('000 三（二）一: a 较大 report of 双江县森林公安局 does not reach the city duty office before it is verified and signed', async () => {
    // given
    const created = await as.sj_slga_reporter!.post('/api/reports', firstReport({
      title: '双江县勐库镇森林火灾', severity: 'III', reportingUnitId: 'sj-slga', place: { divisionCode: '530925', address: '勐库镇' },
    }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;

    // when: the unit's own 核实 is open
    await waitForTask(as.sj_slga_reporter!, number, 'verify');
    await new Promise((r) => setTimeout(r, 500)); // give a premature copy the time to show

    // then: no 越级 copy, and the city duty office cannot read the dossier
    expect(await openDirectCopies(number)).toEqual([]);
    expect((await as.lc_duty!.get(`/api/incidents/${number}`)).status).toBe(404);
  });

  it('000 三（二）二、三: a 重大 report goes up at once, marked 未经核实; 核实 confirming it is told to the city duty office', async () => {
    // given
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'II' }))).body.incidentNumber;
    await waitForTask(as.lc_duty!, number, 'receive_city_direct');
    const [copy] = await openDirectCopies(number);

    // then: marked 未经核实 on the inbox row, the task and the dossier the city duty office reads
    expect(copy).toMatchObject({ unverified: true, reportStatus: 'verifying' });
    const task = (await as.lc_duty!.get(`/api/tasks/${copy!.key}`)).body;
    expect(task.report).toMatchObject({ unverified: true, statusLabel: '核实中' });
    expect((await as.lc_duty!.get(`/api/incidents/${number}`)).body.reports[0].unverified).toBe(true);

    // when: 核实 confirms it
    const verify = await waitForTask(as.lx_verifier!, number, 'verify');
    expect((await as.lx_verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '电话联系现场，属实' })).status).toBe(204);

    // then: the city duty office is told (确认), and the dossier no longer says 未经核实
    const dossier = await dossierWhen(number, (d) => d.notifications.filter((n) => n.kind === 'verified').length >= 2); // one per duty officer, in turn
    expect(dossier.notifications.filter((n) => n.kind === 'verified').map((n) => n.recipientName).sort()).toEqual(['杨帆', '黄磊']);
    expect(dossier.timeline.map((e) => e.action)).toContain('report.verification_confirmed');
    expect(dossier.reports[0]!.unverified).toBe(false);
  });

  it('不属实: the 越级 copy’s 签收 ends with a 撤销 notice and no instance of the incident stays active', async () => {
    // given: a sensitive report copied to the city at once, and a 核报 the city duty office asked meanwhile
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
    await waitForTask(as.lc_duty!, number, 'receive_city_direct');
    const asked = await as.lc_duty!.post(`/api/incidents/${number}/verification-requests`, { targetUnitId: 'lx-yjj', question: '请核实是否有人员被困' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);

    // when: 核实 finds it is not an incident
    const verify = await waitForTask(as.lx_verifier!, number, 'verify');
    expect((await as.lx_verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'close', opinion: '系村民计划烧荒，不属实' })).status).toBe(204);

    // then
    const dossier = await dossierWhen(number, (d) => d.notifications.filter((n) => n.kind === 'revoked').length >= 2);
    expect(dossier.notifications.filter((n) => n.kind === 'revoked').map((n) => n.recipientName).sort()).toEqual(['杨帆', '黄磊']);
    expect(dossier.notifications.find((n) => n.kind === 'revoked')?.message).toContain('已撤销');
    for (let i = 0; i < 200 && (await openDirectCopies(number)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await openDirectCopies(number)).toEqual([]);
    const instances = await server.deps.engine.findInstances({ businessKey: number });
    expect(instances.filter((i) => i.state === 'active').map((i) => i.bpmnProcessId)).toEqual([]);
    expect(dossier.reports[0]!).toMatchObject({ status: 'revoked', statusLabel: '已撤销' });
  });

  type Dossier = {
    notifications: { kind: string; recipientName: string; message: string }[];
    timeline: { action: string }[];
    reports: { unverified: boolean; status: string; statusLabel: string }[];
  };
  async function dossierWhen(number: string, done: (d: Dossier) => boolean): Promise<Dossier> {
    for (let i = 0; ; i++) {
      const dossier: Dossier = (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
      if (done(dossier) || i > 300) return dossier;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});
