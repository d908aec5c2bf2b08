import { describe, expect, it, vi } from 'vitest';
import { adapters, fixture, openTasks, supports, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'events.bpmn');
const T0 = new Date('2026-11-22T08:00:00Z').getTime();
const MINUTE = 60_000;

/** Event sub-processes, error end events, message boundary events, inclusive gateways and terminate end events (docs/adr/0032). */
describe.each(adapters.filter((a) => supports(a, 'events')))('events and gateways on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn], { before: () => supports(adapter, 'fakeClock') && vi.useFakeTimers({ toFake: ['Date'], now: T0 }) });

  const activate = (type: string) => sut.engine.activateJobs({ type, maxJobs: 10, timeoutMs: 60_000, worker: 'test' });
  const state = async (key: string) => (await sut.engine.getInstance(key))?.state;

  it('starts a non-interrupting event sub-process for each correlated message, the main flow going on', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-event-subprocess', variables: { caseId: 'C-1' } });

    // when
    await sut.engine.publishMessage({ name: 'case-note', correlationKey: 'C-1', variables: { note: '现场已封控' } });
    await sut.engine.publishMessage({ name: 'case-note', correlationKey: 'C-1', variables: { note: '伤员已转运' } });

    // then
    const notes = await activate('contract.events.note');
    expect(notes).toHaveLength(2);
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(1);
    for (const job of notes) await sut.engine.completeJob(job.key);
    const [task] = await openTasks(sut.engine, instance.key);
    await sut.engine.completeUserTask(task!.key);
    expect(await state(instance.key)).toBe('completed');
  });

  it.runIf(supports(adapter, 'fakeClock'))('lets an interrupting timer event sub-process end the main flow', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-event-subprocess', variables: { caseId: 'C-2' } });

    // when
    vi.setSystemTime(T0 + 60 * MINUTE);
    await sut.processDue();

    // then
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(0);
    const [job] = await activate('contract.events.escalate');
    expect(job).toBeDefined();
    await sut.engine.completeJob(job!.key);
    expect(await state(instance.key)).toBe('completed');
  });

  it('catches an error end event of a sub-process at the error boundary event on it', async () => {
    // given
    const invalid = await sut.engine.startInstance({ bpmnProcessId: 'contract-error-end' });
    const valid = await sut.engine.startInstance({ bpmnProcessId: 'contract-error-end' });
    const checks = await activate('contract.events.check');
    const jobOf = (key: string) => checks.find((j) => j.instanceKey === key)!;

    // when
    await sut.engine.completeJob(jobOf(invalid.key).key, { valid: false });
    await sut.engine.completeJob(jobOf(valid.key).key, { valid: true });

    // then
    expect(await state(valid.key)).toBe('completed');
    const [reject] = await activate('contract.events.reject');
    expect(reject).toMatchObject({ instanceKey: invalid.key });
    await sut.engine.completeJob(reject!.key);
    expect(await state(invalid.key)).toBe('completed');
  });

  it('interrupts a user task by a correlated message at its boundary', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-message-boundary', variables: { caseId: 'C-3' } });

    // when
    const result = await sut.engine.publishMessage({ name: 'case-withdrawn', correlationKey: 'C-3' });

    // then
    expect(result.correlated).toBe(true);
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(0);
    const [job] = await activate('contract.events.withdraw');
    await sut.engine.completeJob(job!.key);
    expect(await state(instance.key)).toBe('completed');
  });

  it('forks on every true condition of an inclusive gateway, and a terminate end event ends the rest', async () => {
    // given
    const both = await sut.engine.startInstance({ bpmnProcessId: 'contract-message-boundary', variables: { caseId: 'C-4' } });
    const none = await sut.engine.startInstance({ bpmnProcessId: 'contract-message-boundary', variables: { caseId: 'C-5' } });

    // when
    await sut.engine.completeUserTask((await openTasks(sut.engine, both.key))[0]!.key, { sms: true, email: true });
    await sut.engine.completeUserTask((await openTasks(sut.engine, none.key))[0]!.key, { sms: false, email: false });

    // then
    expect(await state(none.key)).toBe('completed');
    const [sms] = await activate('contract.events.sms');
    const [email] = await activate('contract.events.email');
    expect(sms).toMatchObject({ instanceKey: both.key });
    expect(email).toMatchObject({ instanceKey: both.key });
    await sut.engine.completeJob(sms!.key);
    expect(await state(both.key)).toBe('completed');
    await expect(sut.engine.completeJob(email!.key)).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_STATE|NOT_FOUND/) });
  });
});
