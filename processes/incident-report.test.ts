import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlowHarness, submitFirstReport, type FlowHarness } from './test-support/flow-harness';

/** The default flow on the embedded engine with the real handlers and the demo org tree. */
describe('incident-report.bpmn', () => {
  let h: FlowHarness;
  const incidents = () => h.incidents;
  beforeEach(async () => {
    h = await createFlowHarness({ bpmn: ['incident-report.bpmn'] });
  });
  afterEach(() => h.close());

  /** A 重大 (Ⅱ) report (越级 and 004 in depth: report-routes.test.ts). */
  async function submit() {
    const { number, instanceKey } = await submitFirstReport(h, { unitId: 'lx-yjj', divisionCode: '530902', severity: 'II', title: '临翔区马台乡森林火灾' });
    return { number, instance: { key: instanceKey } };
  }
  const nextTasks = (instanceKey: string, count = 1) => h.nextTasks(instanceKey, count);

  it('goes submit → verify → sign-off (returned once) → both recipients → city duty office, with groups from the org tree', async () => {
    // given
    const { number, instance } = await submit();

    // when / then: a 重大 report reaches the city duty office at once (越级), and goes to verification
    const [direct, verify] = await nextTasks(instance.key, 2);
    expect(direct).toMatchObject({ elementId: 'receive-city-direct', candidateGroups: ['unit:lc-duty:duty_officer'] });
    await h.engine.completeUserTask(direct!.key);
    expect(verify).toMatchObject({ elementId: 'verify', candidateGroups: ['unit:lx-yjj:verifier'], formKey: 'kuaibao:verify' });
    expect(verify!.dueDate, 'held to the written deadline of 临沧 (Ⅱ: 1 h)').toBeTruthy();
    await h.engine.completeUserTask(verify!.key, { verifyDecision: 'confirm', verifyOpinion: '经电话核实属实' });

    const [signOff] = await nextTasks(instance.key);
    expect(signOff).toMatchObject({ elementId: 'sign-off', candidateGroups: ['unit:lx-yjj:leader'] });
    await h.engine.completeUserTask(signOff!.key, { signOffDecision: 'return', signOffOpinion: '请补充过火面积' });

    const [verifyAgain] = await nextTasks(instance.key);
    expect(verifyAgain?.elementId).toBe('verify');
    await h.engine.completeUserTask(verifyAgain!.key, { verifyDecision: 'confirm', verifyOpinion: '已补充' });
    const [signAgain] = await nextTasks(instance.key);
    await h.engine.completeUserTask(signAgain!.key, { signOffDecision: 'approve', signOffOpinion: '同意报送' });

    // 双重上报: both at once, each to its own duty officers
    const [government, superior] = await nextTasks(instance.key, 2);
    expect(superior).toMatchObject({ elementId: 'acknowledge-superior', candidateGroups: ['unit:lc-yjj:duty_officer'] });
    expect(government).toMatchObject({ elementId: 'acknowledge-government', candidateGroups: ['unit:lx-duty:duty_officer'] });
    await Promise.all([h.engine.completeUserTask(superior!.key), h.engine.completeUserTask(government!.key)]);

    const [city] = await nextTasks(instance.key);
    expect(city).toMatchObject({ elementId: 'receive-city', candidateGroups: ['unit:lc-duty:duty_officer'] });
    await h.engine.completeUserTask(city!.key);

    // then
    await h.completed(instance.key);
    const everything = await h.audit.forIncident(number);
    // 000: the city duty office, holding the 越级 copy, was told each time 核实 confirmed it (twice: returned once)
    const announced = (e: { action: string }) => e.action === 'report.verification_confirmed' || e.action === 'notification.verified';
    expect(everything.filter(announced).map((e) => e.action)).toEqual(['report.verification_confirmed', 'notification.verified', 'report.verification_confirmed', 'notification.verified']);
    const trail = everything.filter((e) => !announced(e));
    expect(trail.map((e) => [e.action, (e.detail as { recipientRole?: string }).recipientRole ?? null])).toEqual([
      ['report.submitted', null],
      ['clock.resolved', null],
      ['report.dispatched', 'cityDutyOfficeDirect'],
      ['clock.met', null],
      ['clock.met', null],
      ['report.dispatched', expect.any(String)],
      ['report.dispatched', expect.any(String)],
      ['report.dispatched', 'cityDutyOffice'],
      ['report.completed', null],
    ]);
    expect((await incidents().get(number))?.reports[0]?.status).toBe('received');
  });

  it('closes the report when verification finds it is not an incident', async () => {
    // given
    const { number, instance } = await submit();
    const [direct, verify] = await nextTasks(instance.key, 2);
    await h.engine.completeUserTask(direct!.key); // the 越级 copy, acknowledged by the city duty office

    // when
    await h.engine.completeUserTask(verify!.key, { verifyDecision: 'close', verifyOpinion: '经核实为计划烧除，非突发事件' });

    // then
    await h.completed(instance.key);
    const dossier = await incidents().get(number);
    expect(dossier).toMatchObject({ status: 'closed', reports: [{ status: 'revoked' }] });
    const trail = await h.audit.forIncident(number);
    expect(trail.find((e) => e.action === 'report.closed')).toMatchObject({ detail: { reason: '经核实为计划烧除，非突发事件' } });
    expect(trail.at(-2)).toMatchObject({ action: 'report.revoked', detail: { outcome: 'revoked', notifiedUnitIds: ['lc-duty'] } }); // 000: the copy's recipient is told
    expect(trail.at(-1)).toMatchObject({ action: 'notification.revoked' });
  });
});
