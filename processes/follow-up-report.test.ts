import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlowHarness, submitLaterReport, type FlowHarness } from './test-support/flow-harness';

/** The 续报/终报 flow on the embedded engine with the real handlers and the demo org tree. */
describe('follow-up-report.bpmn', () => {
  let h: FlowHarness;
  const incidents = () => h.incidents;
  const trail = async (number: string) => (await h.audit.forIncident(number)).map((e) => e.action);

  beforeEach(async () => {
    h = await createFlowHarness({ bpmn: ['follow-up-report.bpmn'] });
  });
  afterEach(() => h.close());

  /** A dossier whose 首报 was delivered (a 较大 incident), and a later report of `kind` with its flow started. */
  const submit = (kind: 'follow_up' | 'final') => submitLaterReport(h, kind, 'II');

  const nextTasks = (instanceKey: string, count = 1) => h.nextTasks(instanceKey, count);
  const settled = (instanceKey: string) => h.completed(instanceKey);

  async function deliver(instanceKey: string) {
    const [signOff] = await nextTasks(instanceKey);
    expect(signOff).toMatchObject({ elementId: 'sign-off', candidateGroups: ['unit:lx-yjj:leader'], customHeaders: { kind: 'sign_off' } });
    await h.engine.completeUserTask(signOff!.key, { signOffDecision: 'approve', signOffOpinion: '同意续报' });
    const [government, superior] = await nextTasks(instanceKey, 2);
    expect(superior).toMatchObject({ elementId: 'acknowledge-superior', candidateGroups: ['unit:lc-yjj:duty_officer'] });
    expect(government).toMatchObject({ elementId: 'acknowledge-government', candidateGroups: ['unit:lx-duty:duty_officer'] });
    await Promise.all([h.engine.completeUserTask(superior!.key), h.engine.completeUserTask(government!.key)]);
    const [city] = await nextTasks(instanceKey);
    expect(city).toMatchObject({ elementId: 'receive-city', candidateGroups: ['unit:lc-duty:duty_officer'] });
    await h.engine.completeUserTask(city!.key);
    await settled(instanceKey);
  }

  it('takes a 续报 through sign-off to the same recipients as the 首报, leaving the incident open', async () => {
    // given
    const { number, reportId, instanceKey } = await submit('follow_up');

    // when
    await deliver(instanceKey);

    // then
    const recipients = await incidents().recipientsOf(number);
    expect(recipients.map((r) => [r.reportId, r.role, r.unitId, r.receiverUnitId]).sort()).toEqual([
      [reportId, 'cityDutyOffice', 'lc-duty', 'lc-duty'],
      [reportId, 'sameLevelGovernment', 'lx-gov', 'lx-duty'],
      [reportId, 'superiorDepartment', 'lc-yjj', 'lc-yjj'],
    ]);
    const dossier = await incidents().get(number);
    expect(dossier).toMatchObject({ status: 'open', reports: [{ kind: 'first' }, { kind: 'follow_up', status: 'received' }] });
    expect(await trail(number)).toEqual(['report.submitted', 'report.submitted', 'report.dispatched', 'report.dispatched', 'report.dispatched', 'report.completed']);
  });

  it('closes the incident once the city duty office received the 终报', async () => {
    // given
    const { number, instanceKey } = await submit('final');

    // when
    await deliver(instanceKey);

    // then
    const dossier = await incidents().get(number);
    expect(dossier).toMatchObject({ status: 'closed', closedAt: expect.any(Date), reports: [{ kind: 'first' }, { kind: 'final', status: 'concluded' }] });
    expect((await trail(number)).slice(-2)).toEqual(['report.completed', 'incident.closed']);
  });

  it('ends a returned report unsent, with the leader opinion, and nothing dispatched', async () => {
    // given
    const { number, instanceKey } = await submit('follow_up');
    const [signOff] = await nextTasks(instanceKey);

    // when
    await h.engine.completeUserTask(signOff!.key, { signOffDecision: 'return', signOffOpinion: '伤亡数字与卫健部门通报不一致，请核实后重报' });

    // then
    await settled(instanceKey);
    expect(await incidents().recipientsOf(number)).toEqual([]);
    expect((await incidents().get(number))?.reports[1]?.status).toBe('returned');
    const last = (await h.audit.forIncident(number)).at(-1);
    expect(last).toMatchObject({ action: 'report.returned', detail: { opinion: '伤亡数字与卫健部门通报不一致，请核实后重报' } });
  });
});
