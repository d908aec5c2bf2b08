import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlowHarness, submitFirstReport, XUCHANG_UNITS, type FlowHarness } from './test-support/flow-harness';

/** 越级 (000) and no 信息倒流 (004) in incident-report.bpmn, on the embedded engine with the real handlers and policies. */
describe('incident-report.bpmn routes', () => {
  let h: FlowHarness;
  beforeEach(async () => {
    h = await createFlowHarness({ bpmn: ['incident-report.bpmn'], extraUnits: XUCHANG_UNITS });
  });
  afterEach(() => h.close());

  const roles = async (number: string) => (await h.incidents.recipientsOf(number)).map((r) => [r.role, r.receiverUnitId]);

  async function verifyAndSign(instanceKey: string, alsoOpen = 0) {
    const tasks = await h.nextTasks(instanceKey, 1 + alsoOpen);
    const verify = tasks.find((t) => t.elementId === 'verify')!;
    await h.engine.completeUserTask(verify.key, { verifyDecision: 'confirm', verifyOpinion: '属实' });
    const signOff = (await h.nextTasks(instanceKey, 1 + alsoOpen)).find((t) => t.elementId === 'sign-off')!;
    await h.engine.completeUserTask(signOff.key, { signOffDecision: 'approve', signOffOpinion: '同意' });
  }

  it('越级: a sensitive 临沧 report goes to the city duty office at once, before verification, and on the level-by-level route', async () => {
    // given
    const { number, reportId, instanceKey } = await submitFirstReport(h, { unitId: 'lx-yjj', divisionCode: '530902', severity: 'IV', sensitive: true });

    // when: the recipients are resolved
    const [directReceipt, verify] = await h.nextTasks(instanceKey, 2);

    // then: the copy is already with the city duty office while the unit still verifies
    expect(directReceipt).toMatchObject({ elementId: 'receive-city-direct', candidateGroups: ['unit:lc-duty:duty_officer'], formKey: 'kuaibao:receive_city_direct' });
    expect(verify?.elementId).toBe('verify');
    expect(await roles(number)).toEqual([['cityDutyOfficeDirect', 'lc-duty']]);
    expect((await h.incidents.getReport(reportId))?.status).toBe('verifying'); // a copy leaves the report's status alone
    const trail = await h.audit.forIncident(number);
    expect(trail.filter((e) => e.action === 'report.dispatched')).toMatchObject([{ detail: { recipientRole: 'cityDutyOfficeDirect', recipientUnitId: 'lc-duty' } }]);

    // when: the copy is acknowledged and the ordinary route runs to its end
    await h.engine.completeUserTask(directReceipt!.key);
    await verifyAndSign(instanceKey);
    const [government, superior] = await h.nextTasks(instanceKey, 2);
    expect(superior?.elementId).toBe('acknowledge-superior'); // 临翔区 → 临沧市应急管理局: no approval needed
    await Promise.all([h.engine.completeUserTask(government!.key), h.engine.completeUserTask(superior!.key)]);
    const [city] = await h.nextTasks(instanceKey);
    await h.engine.completeUserTask(city!.key);

    // then
    await h.completed(instanceKey);
    expect((await roles(number)).map(([role]) => role).sort()).toEqual(['cityDutyOffice', 'cityDutyOfficeDirect', 'sameLevelGovernment', 'superiorDepartment']);
  });

  it.each([
    ['may become 较大 or worse', { severity: 'ungraded', mayEscalate: true }],
    ['graded 重大', { severity: 'II' }],
  ])('越级 too when the report %s', async (_case, report) => {
    const { number, instanceKey } = await submitFirstReport(h, { unitId: 'sj-yjj', divisionCode: '530925', ...report });
    const tasks = await h.nextTasks(instanceKey, 2);
    expect(tasks.map((t) => t.elementId)).toEqual(['receive-city-direct', 'verify']);
    expect(await roles(number)).toEqual([['cityDutyOfficeDirect', 'lc-duty']]);
  });

  it('no 越级 for an ordinary 一般 report', async () => {
    // given
    const { number, instanceKey } = await submitFirstReport(h, { unitId: 'lx-yjj', divisionCode: '530902', severity: 'IV' });

    // when
    const tasks = await h.nextTasks(instanceKey);
    await new Promise((r) => setTimeout(r, 200)); // give a wrong branch the time to show

    // then
    expect((await h.engine.searchUserTasks({ instanceKey, state: 'created' })).map((t) => t.elementId)).toEqual(['verify']);
    expect(tasks).toHaveLength(1);
    expect(await roles(number)).toEqual([]);
    expect((await h.engine.getInstance(instanceKey))?.variables.routes).toMatchObject({ directToCityDutyOffice: false, cityApprovalBeforeSuperior: false, policyCode: '530900' });
  });

  it('004: the 许昌 city bureau reports to the provincial department only after the city duty office approved', async () => {
    // given
    const { number, instanceKey } = await submitFirstReport(h, { unitId: 'xc-yjj', divisionCode: '411000', severity: 'IV' });
    await verifyAndSign(instanceKey);

    // when: signed off — the same-level government receives at once, the province waits for the approval
    const [government, approval] = await h.nextTasks(instanceKey, 2);
    await new Promise((r) => setTimeout(r, 300)); // give a premature dispatch the time to show

    // then
    expect(government).toMatchObject({ elementId: 'acknowledge-government', candidateGroups: ['unit:xc-duty:duty_officer'] });
    expect(approval).toMatchObject({ elementId: 'approve-upward', candidateGroups: ['unit:xc-duty:duty_officer'], formKey: 'kuaibao:approve_upward' });
    expect((await roles(number)).map(([role]) => role)).toEqual(['sameLevelGovernment']);
    expect((await h.engine.getInstance(instanceKey))?.activeElements.map((e) => e.elementId)).toContain('await-upward-clearance');

    // when: approved
    await h.engine.completeUserTask(approval!.key, { upwardOpinion: '同意报省应急管理厅' });
    const superior = (await h.nextTasks(instanceKey, 2)).find((t) => t.elementId === 'acknowledge-superior');

    // then: only now does the provincial department receive it
    expect(superior?.candidateGroups).toEqual(['unit:hn-yjt:duty_officer']);
    expect(await roles(number)).toContainEqual(['superiorDepartment', 'hn-yjt']);
    const trail = await h.audit.forIncident(number);
    expect(trail.find((e) => e.action === 'report.upward_cleared')).toMatchObject({ detail: { clearedBy: 'city_duty_office', opinion: '同意报省应急管理厅' } });
    await Promise.all([h.engine.completeUserTask(government!.key), h.engine.completeUserTask(superior!.key)]);
    const [city] = await h.nextTasks(instanceKey);
    expect(city?.elementId).toBe('receive-city');
    await h.engine.completeUserTask(city!.key);
    await h.completed(instanceKey);
  });

  it('no approval where the policy does not ask for it, even with a provincial superior department (临沧 city bureau)', async () => {
    // given: 临沧市应急管理局's superior department is 云南省应急管理厅
    const { instanceKey } = await submitFirstReport(h, { unitId: 'lc-yjj', divisionCode: '530900', severity: 'IV' });

    // when
    await verifyAndSign(instanceKey);

    // then
    const tasks = await h.nextTasks(instanceKey, 2);
    expect(tasks.map((t) => t.elementId)).toEqual(['acknowledge-government', 'acknowledge-superior']);
    expect(tasks[1]?.candidateGroups).toEqual(['unit:yn-yjt:duty_officer']);
  });
});
