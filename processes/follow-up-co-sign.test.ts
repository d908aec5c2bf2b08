import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuntimeKind } from '@kuaibao/engine';
import { createFlowHarness, submitLaterReport, type FlowHarness } from './test-support/flow-harness';

/**
 * 加签 in follow-up-report.bpmn (docs/adr/0060), the loop of incident-report.bpmn's (ADR 0041) at the 续报/终报's
 * 审签: 前加签 comes back to the sign-off, 后加签's approval sends the report to both recipients, and a co-signer's 退回
 * returns it to its reporter as the leader's does. Through the engine port, on the token executor and on bpmn-engine.
 */
describe.each<RuntimeKind>(['token', 'bpmn-engine'])('加签 in follow-up-report.bpmn on %s', (runtime) => {
  let h: FlowHarness;
  beforeEach(async () => {
    h = await createFlowHarness({ bpmn: ['follow-up-report.bpmn'], runtime });
  });
  afterEach(() => h.close());

  /** A 续报 (or 终报) at its leader's sign-off, which allows 加签 before and after. */
  async function atSignOff(kind: 'follow_up' | 'final' = 'follow_up') {
    const submitted = await submitLaterReport(h, kind);
    const [signOff] = await h.nextTasks(submitted.instanceKey);
    expect(signOff).toMatchObject({ elementId: 'sign-off', customHeaders: { kind: 'sign_off', coSign: 'before,after' } });
    return { ...submitted, signOff: signOff! };
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
  const receipts = async (instanceKey: string) => (await h.nextTasks(instanceKey, 2)).map((t) => t.elementId);

  it('前加签: the co-signer signs first, then the sign-off opens again and the leader sends the 续报', async () => {
    // given
    const { instanceKey, signOff } = await atSignOff();

    // when
    await h.engine.completeUserTask(signOff.key, { signOffDecision: 'co_sign_before', signOffOpinion: '请先行审签', coSign: coSign('before') });
    const co = await open(instanceKey, 'co-sign');
    await h.engine.completeUserTask(co.key, { signOffDecision: 'co_signed', signOffOpinion: '同意' });
    const again = await open(instanceKey, 'sign-off');
    await h.engine.completeUserTask(again.key, { signOffDecision: 'approve', signOffOpinion: '同意续报' });

    // then
    expect(co).toMatchObject({ candidateUsers: ['lc_yjj_leader'], candidateGroups: [], customHeaders: { kind: 'sector_sign_off' } });
    expect(again.key).not.toBe(signOff.key);
    expect(await receipts(instanceKey)).toEqual(['acknowledge-government', 'acknowledge-superior']);
  });

  it('后加签: the co-signer\'s approval sends the 终报; a co-signer\'s 退回 returns the 续报 to its reporter, unsent', async () => {
    // given
    const sent = await atSignOff('final');
    const returned = await atSignOff();

    // when
    await h.engine.completeUserTask(sent.signOff.key, { signOffDecision: 'co_sign_after', signOffOpinion: '同意，请加签', coSign: coSign('after') });
    await h.engine.completeUserTask(returned.signOff.key, { signOffDecision: 'co_sign_after', signOffOpinion: '同意，请加签', coSign: coSign('after') });
    await h.engine.completeUserTask((await open(sent.instanceKey, 'co-sign')).key, { signOffDecision: 'approve', signOffOpinion: '同意' });
    await h.engine.completeUserTask((await open(returned.instanceKey, 'co-sign')).key, { signOffDecision: 'return', signOffOpinion: '伤亡数字请再核' });

    // then
    expect(await receipts(sent.instanceKey)).toEqual(['acknowledge-government', 'acknowledge-superior']);
    await h.completed(returned.instanceKey);
    expect(await h.incidents.recipientsOf(returned.number)).toEqual([]);
    expect((await h.incidents.get(returned.number))?.reports[1]?.status).toBe('returned');
    expect((await h.audit.forIncident(returned.number)).at(-1)).toMatchObject({ action: 'report.returned', detail: { opinion: '伤亡数字请再核' } });
  });
});
