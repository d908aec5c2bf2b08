import { describe, expect, it } from 'vitest';
import { fail } from '@kuaibao/engine';
import { adapters, eventually, fixture, supports, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'execution-error.bpmn');

describe.each(adapters)('incidents that keep the instance alive on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn]);

  const activate = async () => (await sut.engine.activateJobs({ type: 'contract.grade-strict', maxJobs: 1, timeoutMs: 60_000, worker: 'test' }))[0];

  it.runIf(supports(adapter, 'stepRollback'))('turns a step that cannot continue (no gateway condition holds) into an incident, keeps the last good state, and retries', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-execution-error' });
    const job = await activate();

    // when
    await expect(sut.engine.completeJob(job!.key, { severity: 'III' })).rejects.toMatchObject({ code: 'STEP_FAILED' });

    // then: nothing of the failed step was kept
    const waiting = await sut.engine.getInstance(instance.key);
    expect(waiting).toMatchObject({ state: 'active', activeElements: [{ elementId: 'grade' }] });
    expect(waiting?.variables).not.toHaveProperty('severity');
    expect(waiting?.incidents).toMatchObject([{ errorType: 'EXECUTION_ERROR', elementId: 'grade', jobKey: job!.key }]);

    // when: an admin resolves it and the worker answers again
    await sut.engine.resolveIncident(waiting!.incidents[0]!.key);
    const retried = await activate();
    await sut.engine.completeJob(retried!.key, { severity: 'IV' });

    // then
    expect(await sut.engine.getInstance(instance.key)).toMatchObject({ state: 'completed', incidents: [] });
  });

  it('retries a handler that throws with backoff, then raises an incident when its retries are used up', async () => {
    // given
    let calls = 0;
    const worker = sut.engine.createWorker({
      taskType: 'contract.grade-strict',
      retryBackoffMs: 1,
      pollIntervalMs: 20,
      handler: async () => {
        calls++;
        throw new Error('短信网关不可用');
      },
    });
    try {
      // when
      const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-execution-error' });

      // then
      const parked = await eventually(() => sut.engine.getInstance(instance.key), (i) => (i?.incidents.length ?? 0) > 0);
      expect(parked?.incidents).toMatchObject([{ errorType: 'JOB_NO_RETRIES', errorMessage: '短信网关不可用' }]);
      expect(calls).toBe(3);
    } finally {
      await worker.close();
    }
  });

  it('lets a handler fail a job on purpose with its own retries', async () => {
    // given
    const worker = sut.engine.createWorker({ taskType: 'contract.grade-strict', handler: async () => fail('permanent: unknown unit', { retries: 0 }) });
    try {
      // when
      const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-execution-error' });

      // then
      const parked = await eventually(() => sut.engine.getInstance(instance.key), (i) => (i?.incidents.length ?? 0) > 0);
      expect(parked?.incidents[0]?.errorMessage).toBe('permanent: unknown unit');
    } finally {
      await worker.close();
    }
  });
});
