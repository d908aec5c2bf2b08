import { describe, expect, it, vi } from 'vitest';
import type { ActivatedJob } from '@kuaibao/engine';
import { adapters, eventually, fixture, supports, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'errors.bpmn');

describe.each(adapters)('BPMN errors, retries and incidents on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn]);

  const activate = async (): Promise<ActivatedJob | undefined> =>
    (await sut.engine.activateJobs({ type: 'contract.check', maxJobs: 1, timeoutMs: 60_000, worker: 'test' }))[0];

  it('routes a BPMN error with a modelled code to its error boundary event, with the error variables', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-errors' });
    const job = await activate();

    // when
    await sut.engine.throwError({ jobKey: job!.key, errorCode: 'NOT_AN_INCIDENT', errorMessage: '经核实不属于突发事件', variables: { closeReason: '误报' } });

    // then
    const done = await eventually(() => sut.engine.getInstance(instance.key), (i) => i?.state === 'completed');
    expect(done?.variables).toMatchObject({ closeReason: '误报' });
    expect(done?.incidents).toEqual([]);
  });

  it('raises an incident for an error code that nothing catches; the instance waits and can be retried', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-errors' });
    const job = await activate();

    // when
    await sut.engine.throwError({ jobKey: job!.key, errorCode: 'SOMETHING_ELSE' });

    // then
    const waiting = await sut.engine.getInstance(instance.key);
    expect(waiting).toMatchObject({ state: 'active', activeElements: [{ elementId: 'check' }] });
    expect(waiting?.incidents).toMatchObject([{ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'check', jobKey: job!.key }]);
    await sut.engine.resolveIncident(waiting!.incidents[0]!.key);
    const retried = await activate();
    expect(retried?.key).toBe(job!.key);
    await sut.engine.completeJob(retried!.key);
    expect((await sut.engine.getInstance(instance.key))?.state).toBe('completed');
  });

  it.runIf(supports(adapter, 'fakeClock'))('retries a failed job after its backoff and parks it as an incident when retries run out', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-errors' });
    const first = await activate();

    // when: the first failure asks for a one-minute backoff
    await sut.engine.failJob({ jobKey: first!.key, retries: 2, errorMessage: 'SMS gateway timeout', retryBackoffMs: 60_000 });

    // then: not before the backoff, then with the retries it was given
    expect(await activate()).toBeUndefined();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    const second = await activate();
    expect(second).toMatchObject({ key: first!.key, retries: 2 });

    // when: no retries left
    await sut.engine.failJob({ jobKey: second!.key, retries: 0, errorMessage: 'SMS gateway down' });

    // then: an incident, the instance waits; an admin gives it a retry and resolves the incident
    const waiting = await sut.engine.getInstance(instance.key);
    expect(waiting).toMatchObject({ state: 'active', incidents: [{ errorType: 'JOB_NO_RETRIES', errorMessage: 'SMS gateway down' }] });
    expect(await activate()).toBeUndefined();
    await sut.engine.updateJobRetries(first!.key, 1);
    await sut.engine.resolveIncident(waiting!.incidents[0]!.key);
    const third = await activate();
    await sut.engine.completeJob(third!.key);
    expect(await sut.engine.getInstance(instance.key)).toMatchObject({ state: 'completed', incidents: [] });
  });

  it('raises a new incident when an incident is resolved without giving the job retries', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-errors' });
    const job = await activate();
    await sut.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'down' });
    const [incident] = (await sut.engine.getInstance(instance.key))!.incidents;

    // when
    await sut.engine.resolveIncident(incident!.key);

    // then
    const [again] = (await sut.engine.getInstance(instance.key))!.incidents;
    expect(again).toMatchObject({ errorType: 'JOB_NO_RETRIES', jobKey: job!.key });
    expect(again!.key).not.toBe(incident!.key);
    await expect(sut.engine.resolveIncident(incident!.key)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it.runIf(supports(adapter, 'fakeClock'))('makes a job whose lock expired activatable again (at-least-once delivery)', async () => {
    // given
    await sut.engine.startInstance({ bpmnProcessId: 'contract-errors' });
    const job = (await sut.engine.activateJobs({ type: 'contract.check', maxJobs: 1, timeoutMs: 1_000, worker: 'crashed' }))[0];

    // when
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2_000 });
    await sut.processDue();

    // then
    expect(await activate()).toMatchObject({ key: job!.key, worker: 'test' });
  });
});
