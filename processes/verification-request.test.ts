import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlowHarness, submitFirstReport, type FlowHarness } from './test-support/flow-harness';

/** 核报 on the embedded engine with the real handlers and the shipped 临沧 policy (000 三（四）: phone ≤ 1 h, written ≤ 2 h 30 min). */
describe('verification-request.bpmn', () => {
  let h: FlowHarness;
  beforeEach(async () => {
    h = await createFlowHarness({ bpmn: ['incident-report.bpmn', 'verification-request.bpmn'] });
  });
  afterEach(() => h.close());

  /** Beijing time on a fixed day: the times are data, so no clock needs faking. */
  const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`).toISOString();

  async function request(question = '请核实死亡人数') {
    const { number } = await submitFirstReport(h, { unitId: 'lx-yjj', divisionCode: '530902', severity: 'III' });
    const reportId = `v-${number}`;
    await h.incidents.addReport(
      { id: reportId, incidentNumber: number, kind: 'verification', status: 'requested', content: { question, targetUnitId: 'lx-yjj', requestedByUnitId: 'lc-duty', replies: [] }, createdById: 'user-lc_duty' },
      { actorName: '杨帆', action: 'verification.requested' },
    );
    const instance = await h.engine.startInstance({
      bpmnProcessId: 'verification-request',
      businessKey: number,
      variables: {
        reportId, incidentNumber: number, jurisdiction: '530900', reportKind: 'verification', severity: 'III',
        occurredAt: at('07:30'), receivedAt: at('10:00'),
        groups: { answer: ['unit:lx-yjj:verifier', 'unit:lx-yjj:leader'], requester: ['unit:lc-duty:duty_officer'] },
      },
    });
    return { number, reportId, instanceKey: instance.key };
  }
  const reply = (channel: 'phone' | 'written', repliedAt: string, replyText = '经电话核实，死亡 1 人') => ({ replyChannel: channel, replyText, repliedAt, repliedBy: '王芳' });

  it('asks the unit for a phone answer due in 1 h and a written one due in 2 h 30 min; a late written answer is 迟报 with its evidence', async () => {
    // given
    const { number, reportId, instanceKey } = await request();

    // when
    const [phone] = await h.nextTasks(instanceKey);

    // then: the unit's verifiers and leaders answer, by the policy's deadline
    expect(phone).toMatchObject({ elementId: 'answer-phone', candidateGroups: ['unit:lx-yjj:verifier', 'unit:lx-yjj:leader'], dueDate: at('11:00'), customHeaders: { kind: 'answer_verification', channel: 'phone' } });

    // when: the phone answer comes at 10:50 (on time), the written one at 12:45 (15 min late)
    await h.engine.completeUserTask(phone!.key, reply('phone', at('10:50')));
    const [written] = await h.nextTasks(instanceKey);
    expect(written).toMatchObject({ elementId: 'answer-written', dueDate: at('12:30') });
    await h.engine.completeUserTask(written!.key, reply('written', at('12:45'), '书面报告：死亡 1 人，重伤 2 人'));
    const [receipt] = await h.nextTasks(instanceKey);

    // then: the requester receives the answer; the dossier entry holds both answers, measured
    expect(receipt).toMatchObject({ elementId: 'receive-reply', candidateGroups: ['unit:lc-duty:duty_officer'] });
    const content = (await h.incidents.getReport(reportId))?.content as { replies: unknown[] };
    expect(content.replies).toEqual([
      expect.objectContaining({ channel: 'phone', repliedAt: at('10:50'), measured: [{ channel: 'phone', dueAt: at('11:00'), late: false }] }),
      expect.objectContaining({ channel: 'written', text: '书面报告：死亡 1 人，重伤 2 人', measured: [{ channel: 'written', dueAt: at('12:30'), late: true }] }),
    ]);
    const late = (await h.audit.forIncident(number)).find((e) => e.action === 'verification.replied_late');
    expect(late).toMatchObject({
      actorName: '王芳',
      detail: { channel: 'written', repliedAt: at('12:45'), policyCode: '530900', measured: [{ channel: 'written', dueAt: at('12:30'), late: true, rule: expect.stringContaining('2小时30分钟') }] },
    });

    // when
    await h.engine.completeUserTask(receipt!.key);

    // then
    await h.completed(instanceKey);
    expect((await h.incidents.getReport(reportId))?.status).toBe('received');
  });

  it('takes a written answer that comes first as meeting both clocks, and asks for nothing more', async () => {
    // given
    const { reportId, instanceKey } = await request();
    const [first] = await h.nextTasks(instanceKey);

    // when
    await h.engine.completeUserTask(first!.key, reply('written', at('11:20'), '书面报告：经核实死亡 1 人'));

    // then: late for the phone clock (11:00), on time for the written one (12:30); next is the requester's receipt
    const [next] = await h.nextTasks(instanceKey);
    expect(next?.elementId).toBe('receive-reply');
    const content = (await h.incidents.getReport(reportId))?.content as { replies: { measured: unknown }[] };
    expect(content.replies[0]?.measured).toEqual([
      { channel: 'phone', dueAt: at('11:00'), late: true },
      { channel: 'written', dueAt: at('12:30'), late: false },
    ]);
    expect((await h.incidents.getReport(reportId))?.status).toBe('answered');
  });
});
