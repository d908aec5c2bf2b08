import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapters, fixture, openTasks, supports, type EngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'sub-process.bpmn');
const T0 = new Date('2026-11-22T08:00:00Z').getTime();
const MINUTE = 60_000;

/** Waits inside an embedded sub-process (user tasks, jobs) and a non-interrupting timer on the sub-process. */
describe.each(adapters.filter((a) => supports(a, 'fakeClock')))('embedded sub-process on $name', (adapter) => {
  let sut: EngineUnderTest;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    sut = await adapter.create();
    await sut.engine.deploy([bpmn]);
  });
  afterEach(async () => {
    await sut.close();
    vi.useRealTimers();
  });

  const jobs = async (type: string) => {
    const activated = await sut.engine.activateJobs({ type, maxJobs: 10, timeoutMs: 60_000, worker: 'test' });
    for (const job of activated) await sut.engine.completeJob(job.key);
    return activated;
  };

  it('opens the user task inside the sub-process, fires the timer on it without interrupting, and completes', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-sub-process', variables: { dueAt: new Date(T0 + 60 * MINUTE).toISOString() } });

    // when: the deadline passes with the task open
    const [task] = await openTasks(sut.engine, instance.key);
    vi.setSystemTime(T0 + 60 * MINUTE);
    await sut.processDue();

    // then: marked late, the task still open; completing it finishes the sub-process's job and the instance
    expect(task).toMatchObject({ elementId: 'verify', candidateGroups: ['verifiers'] });
    expect(await jobs('contract.sub.late')).toHaveLength(1);
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(1);
    await sut.engine.completeUserTask(task!.key);
    expect(await jobs('contract.sub.check')).toHaveLength(1);
    expect((await sut.engine.getInstance(instance.key))?.state).toBe('completed');
  });
});
