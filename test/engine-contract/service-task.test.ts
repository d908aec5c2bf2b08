import { describe, expect, it } from 'vitest';
import { adapters, eventually, fixture, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'service-task.bpmn');

describe.each(adapters)('service tasks, mappings and conditions on $name', (adapter) => {
  const it_ = useEngineUnderTest(adapter, [bpmn]);

  it('creates a job with its type, headers, retries and input mappings; output mapping feeds the FEEL condition', async () => {
    // given
    const { engine } = it_;
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-service-task', businessKey: 'KB-1', variables: { dead: 2, injured: 3 } });

    // when
    const [job] = await engine.activateJobs({ type: 'contract.grade', maxJobs: 5, timeoutMs: 10_000, worker: 'test' });

    // then
    expect(job).toMatchObject({
      type: 'contract.grade',
      instanceKey: instance.key,
      businessKey: 'KB-1',
      retries: 2,
      elementId: 'grade',
      customHeaders: { policy: 'lincang' },
      variables: { dead: 2, injured: 3, casualties: 5 },
    });
    await engine.completeJob(job!.key, { result: { level: 'II' } });
    const done = await eventually(() => engine.getInstance(instance.key), (i) => i?.state === 'completed');
    expect(done?.variables).toMatchObject({ severity: 'II', dead: 2 });
    expect(done?.variables).not.toHaveProperty('result');
  });

  it('takes the default flow when no condition holds', async () => {
    // given
    const { engine } = it_;
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 0, injured: 1 } });
    const [job] = await engine.activateJobs({ type: 'contract.grade', maxJobs: 1, timeoutMs: 10_000, worker: 'test' });

    // when
    await engine.completeJob(job!.key, { result: { level: 'IV' } });

    // then
    const done = await eventually(() => engine.getInstance(instance.key), (i) => i?.state === 'completed');
    expect(done?.variables.severity).toBe('IV');
  });

  it('does not hand out an activated job twice and refuses to complete a job twice', async () => {
    // given
    const { engine } = it_;
    await engine.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 0, injured: 0 } });
    const first = await engine.activateJobs({ type: 'contract.grade', maxJobs: 5, timeoutMs: 10_000, worker: 'a' });

    // when
    const second = await engine.activateJobs({ type: 'contract.grade', maxJobs: 5, timeoutMs: 10_000, worker: 'b' });
    await engine.completeJob(first[0]!.key, { result: { level: 'IV' } });

    // then
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    await expect(engine.completeJob(first[0]!.key, {})).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('runs a worker that answers every job', async () => {
    // given
    const { engine } = it_;
    const worker = engine.createWorker({
      taskType: 'contract.grade',
      handler: async (job) => ({ complete: true, variables: { result: { level: (job.variables.casualties as number) > 3 ? 'II' : 'IV' } } }),
    });
    try {
      // when
      const instance = await engine.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 4, injured: 0 } });

      // then
      const done = await eventually(() => engine.getInstance(instance.key), (i) => i?.state === 'completed');
      expect(done?.variables.severity).toBe('II');
    } finally {
      await worker.close();
    }
  });
});
