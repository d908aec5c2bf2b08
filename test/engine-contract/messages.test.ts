import { describe, expect, it, vi } from 'vitest';
import { adapters, fixture, supports, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'messages.bpmn');

describe.each(adapters)('message correlation on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn]);

  const start = (incidentNumber: string) => sut.engine.startInstance({ bpmnProcessId: 'contract-messages', businessKey: incidentNumber, variables: { incidentNumber } });
  const dispatch = async () => {
    for (const job of await sut.engine.activateJobs({ type: 'contract.dispatch', maxJobs: 10, timeoutMs: 60_000, worker: 'test' })) {
      await sut.engine.completeJob(job.key);
    }
  };
  const state = async (key: string) => (await sut.engine.getInstance(key))?.state;

  it('correlates a message by its correlation key only, with output mappings', async () => {
    // given
    const a = await start('KB-A');
    const b = await start('KB-B');
    await dispatch();

    // when
    const result = await sut.engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-B', variables: { receivedBy: '市政府总值班室' } });

    // then
    expect(result.correlated).toBe(true);
    expect(await state(a.key)).toBe('active');
    expect(await sut.engine.getInstance(b.key)).toMatchObject({ state: 'completed', variables: { receiptBy: '市政府总值班室' } });
  });

  it('buffers an early message for its time to live and correlates it when the subscription opens', async () => {
    // given: the receipt arrives before the dispatch finished
    const a = await start('KB-EARLY');
    const published = await sut.engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-EARLY', timeToLiveMs: 60_000, variables: { receivedBy: '值班员' } });
    expect(published.correlated).toBe(false);

    // when
    await dispatch();

    // then
    expect(await sut.engine.getInstance(a.key)).toMatchObject({ state: 'completed', variables: { receiptBy: '值班员' } });
  });

  it.runIf(supports(adapter, 'fakeClock'))('drops a buffered message after its time to live, and does not buffer one without', async () => {
    // given
    const a = await start('KB-LATE');
    await sut.engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-LATE', timeToLiveMs: 1_000 });
    await sut.engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-LATE' });

    // when
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5_000 });
    await sut.processDue();
    await dispatch();

    // then
    expect(await state(a.key)).toBe('active');
    expect((await sut.engine.getInstance(a.key))?.activeElements.map((e) => e.elementId)).toEqual(['receipt']);
  });

  it('rejects a second message with the same id while the first is buffered', async () => {
    // given
    await sut.engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-X', timeToLiveMs: 60_000, messageId: 'receipt-1' });

    // when
    const again = sut.engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-X', timeToLiveMs: 60_000, messageId: 'receipt-1' });

    // then
    await expect(again).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
