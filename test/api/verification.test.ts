import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/** 核报 over HTTP: the city duty office asks, the unit answers by phone and in writing, the office receives (ADR 0011). */
describe('核报 over HTTP', () => {
  let server: RunningServer;
  let reporter: Client;
  let verifier: Client;
  let cityDuty: Client;
  let number: string;
  beforeAll(async () => {
    server = await startTestServer();
    [reporter, verifier, cityDuty] = await Promise.all([login(server.url, 'lx_reporter'), login(server.url, 'lx_verifier'), login(server.url, 'lc_duty')]);
    number = (await reporter.post('/api/reports', firstReport({ severity: 'IV', sensitive: true }))).body.incidentNumber;
    await waitForTask(cityDuty, number, 'receive_city_direct'); // the 越级 copy lets the city duty office see it
  });
  afterAll(() => server.close());

  it('asks the unit, takes its phone and written answers, and shows requests, due times and timeliness in the dossier', async () => {
    // when: the city duty office asks
    const requested = await cityDuty.post(`/api/incidents/${number}/verification-requests`, { question: '请核实受伤人数及送医情况', targetUnitId: 'lx-yjj' });

    // then
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const phoneTask = await waitForTask(verifier, number, 'answer_verification');
    const { body: taskView } = await verifier.get(`/api/tasks/${phoneTask.key}`);
    expect(taskView.report).toMatchObject({ kind: 'verification', content: { question: '请核实受伤人数及送医情况', targetUnitId: 'lx-yjj', requestedByUnitId: 'lc-duty' } });
    const requestedAt = Date.parse((await cityDuty.get(`/api/incidents/${number}`)).body.verifications[0].requestedAt);

    // when: the unit answers by phone, then in writing
    expect((await verifier.post(`/api/tasks/${phoneTask.key}/complete`, { channel: 'phone', reply: '电话反馈：2 人轻伤，已送医' })).status).toBe(204);
    let writtenTask = await waitForTask(verifier, number, 'answer_verification');
    for (let i = 0; writtenTask.key === phoneTask.key && i < 100; i++) writtenTask = await waitForTask(verifier, number, 'answer_verification');
    expect((await verifier.post(`/api/tasks/${writtenTask.key}/complete`, { channel: 'written', reply: '书面反馈：2 人轻伤，均已送临沧市人民医院' })).status).toBe(204);
    const receipt = await waitForTask(cityDuty, number, 'receive_verification');
    expect((await cityDuty.post(`/api/tasks/${receipt.key}/complete`, {})).status).toBe(204);

    // then
    const { body: dossier } = await cityDuty.get(`/api/incidents/${number}`);
    const [verification] = dossier.verifications;
    expect(verification).toMatchObject({
      question: '请核实受伤人数及送医情况',
      requestedBy: { id: 'lc-duty', name: '临沧市人民政府总值班室' },
      target: { id: 'lx-yjj', name: '临翔区应急管理局' },
      overdue: { phone: false, written: false },
      replies: [
        { channel: 'phone', text: '电话反馈：2 人轻伤，已送医', repliedBy: '王芳', measured: [{ channel: 'phone', late: false }] },
        { channel: 'written', repliedBy: '王芳', measured: [{ channel: 'written', late: false }] },
      ],
    });
    expect(Date.parse(verification.phoneDueAt) - requestedAt).toBeCloseTo(60 * 60_000, -4);
    expect(Date.parse(verification.writtenDueAt) - requestedAt).toBeCloseTo(150 * 60_000, -4);
    expect(dossier.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['verification.requested', 'verification.replied']));
    // the answering unit sees the dossier through its 核报
    expect((await verifier.get(`/api/incidents/${number}`)).status).toBe(200);
  });

  it('gives the 核报反馈 task to the reporter who filed the report as well (issue 20 defect 4)', async () => {
    // when: the city duty office asks the reporting unit again
    const requested = await cityDuty.post(`/api/incidents/${number}/verification-requests`, { question: '请核实火场面积', targetUnitId: 'lx-yjj' });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);

    // then: 李明, who filed the 首报, finds the answer task in his inbox beside the unit's verifiers, and answers it
    const task = await waitForTask(reporter, number, 'answer_verification');
    const { body: view } = await reporter.get(`/api/tasks/${task.key}`);
    expect(view.report).toMatchObject({ kind: 'verification', content: { question: '请核实火场面积' } });
    expect((await reporter.post(`/api/tasks/${task.key}/complete`, { channel: 'phone', reply: '电话反馈：过火面积约 3 亩' })).status).toBe(204);
    // the answer is recorded by the flow's next step
    type Verification = { question: string; replies: unknown[] };
    let answered: Verification | undefined;
    for (let i = 0; i < 300 && !answered?.replies.length; i++) {
      const { body: dossier } = await cityDuty.get(`/api/incidents/${number}`);
      answered = (dossier.verifications as Verification[]).find((v) => v.question === '请核实火场面积');
      if (!answered?.replies.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(answered?.replies).toEqual([expect.objectContaining({ channel: 'phone', text: '电话反馈：过火面积约 3 亩', repliedBy: '李明' })]);
  });

  it('lets only duty officers and leaders ask, only units below them, only on incidents they see', async () => {
    const question = { question: '请核实', targetUnitId: 'lx-yjj' };
    expect((await reporter.post(`/api/incidents/${number}/verification-requests`, question)).status).toBe(403);
    const outside = await cityDuty.post(`/api/incidents/${number}/verification-requests`, { question: '请核实', targetUnitId: 'yn-yjt' });
    expect(outside).toMatchObject({ status: 400, body: { errors: [{ path: 'targetUnitId' }] } });
    const stranger = await login(server.url, 'sj_duty');
    expect((await stranger.post(`/api/incidents/${number}/verification-requests`, { question: '请核实', targetUnitId: 'sj-yjj' })).status).toBe(404);
  });
});
