import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuntimeKind } from '@kuaibao/engine';
import { createFlowHarness, submitFirstReport, type FlowHarness } from './test-support/flow-harness';

/**
 * 加签 in incident-report.bpmn (docs/adr/0041): the sign-off completed with `signOffDecision: co_sign_before |
 * co_sign_after` and `coSign` opens `co-sign` for the co-signer; 前加签 loops back to the sign-off, 后加签 sends the
 * report, a co-signer's 退回 goes back to 核实. Through the engine port, on the token executor (the default) and on
 * bpmn-engine (which finishes the instances it saved).
 */
describe.each<RuntimeKind>(['token', 'bpmn-engine'])('加签 in incident-report.bpmn on %s', (runtime) => {
  let h: FlowHarness;
  beforeEach(async () => {
    h = await createFlowHarness({ bpmn: ['incident-report.bpmn'], runtime });
  });
  afterEach(() => h.close());

  /** A 一般 (Ⅳ) report confirmed by 核实: its sign-off is open. */
  async function atSignOff() {
    const { instanceKey } = await submitFirstReport(h, { unitId: 'lx-yjj', divisionCode: '530902', severity: 'IV', title: '临翔区某地山火（加签）' });
    const [verify] = await h.nextTasks(instanceKey);
    await h.engine.completeUserTask(verify!.key, { verifyDecision: 'confirm', verifyOpinion: '属实' });
    const [signOff] = await h.nextTasks(instanceKey);
    expect(signOff).toMatchObject({ elementId: 'sign-off', customHeaders: { kind: 'sign_off', coSign: 'before,after' } });
    return { instanceKey, signOff: signOff! };
  }
  const coSign = (position: 'before' | 'after') => ({ signer: 'lc_yjj_leader', signerName: '邓华', position, requestedBy: 'lx_leader', requestedByName: '张伟' });
  const open = async (instanceKey: string, elementId: string) => {
    for (let i = 0; i < 500; i++) {
      const found = (await h.nextTasks(instanceKey)).find((t) => t.elementId === elementId);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no open ${elementId} on ${instanceKey}`);
  };

  it('前加签: the co-signer signs first, then the sign-off opens again and the leader sends the report', async () => {
    // given
    const { instanceKey, signOff } = await atSignOff();

    // when
    await h.engine.completeUserTask(signOff.key, { signOffDecision: 'co_sign_before', signOffOpinion: '请先行审签', coSign: coSign('before') });

    // then
    const co = await open(instanceKey, 'co-sign');
    expect(co).toMatchObject({ candidateUsers: ['lc_yjj_leader'], candidateGroups: [], customHeaders: { kind: 'sector_sign_off' } });
    await h.engine.completeUserTask(co.key, { signOffDecision: 'co_signed', signOffOpinion: '同意' });
    const again = await open(instanceKey, 'sign-off');
    expect(again.key).not.toBe(signOff.key);
    await h.engine.completeUserTask(again.key, { signOffDecision: 'approve', signOffOpinion: '同意报送' });
    const receipts = await h.nextTasks(instanceKey, 2);
    expect(receipts.map((t) => t.elementId)).toEqual(['acknowledge-government', 'acknowledge-superior']);
  });

  it('后加签: the co-signer\'s approval sends the report; a co-signer\'s 退回 goes back to 核实', async () => {
    // given
    const sent = await atSignOff();
    const returned = await atSignOff();

    // when
    await h.engine.completeUserTask(sent.signOff.key, { signOffDecision: 'co_sign_after', signOffOpinion: '同意，请加签', coSign: coSign('after') });
    await h.engine.completeUserTask(returned.signOff.key, { signOffDecision: 'co_sign_after', signOffOpinion: '同意，请加签', coSign: coSign('after') });
    await h.engine.completeUserTask((await open(sent.instanceKey, 'co-sign')).key, { signOffDecision: 'approve', signOffOpinion: '同意' });
    await h.engine.completeUserTask((await open(returned.instanceKey, 'co-sign')).key, { signOffDecision: 'return', signOffOpinion: '请重新核实' });

    // then
    expect((await h.nextTasks(sent.instanceKey, 2)).map((t) => t.elementId)).toEqual(['acknowledge-government', 'acknowledge-superior']);
    expect((await open(returned.instanceKey, 'verify')).elementId).toBe('verify');
  });
});
