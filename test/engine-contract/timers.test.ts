import { describe, expect, it, vi } from 'vitest';
import { adapters, fixture, openTasks, supports, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'timers.bpmn');
const T0 = new Date('2026-11-22T08:00:00Z').getTime();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Statutory clocks are long; the engine's clock (global Date) is faked, nothing else. */
describe.each(adapters.filter((a) => supports(a, 'fakeClock')))('timers on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn], { before: () => vi.useFakeTimers({ toFake: ['Date'], now: T0 }) });

  const at = async (ms: number) => {
    vi.setSystemTime(T0 + ms);
    await sut.processDue();
  };
  /** Activates and completes the jobs of a type; returns what was there. */
  const jobs = async (type: string) => {
    const activated = await sut.engine.activateJobs({ type, maxJobs: 10, timeoutMs: 60_000, worker: 'test' });
    for (const job of activated) await sut.engine.completeJob(job.key);
    return activated;
  };
  const start = (variables: Record<string, unknown>) =>
    sut.engine.startInstance({ bpmnProcessId: 'contract-timers', variables: { remindCycle: 'R2/PT20M', deadline: 'PT1H', until: '2026-12-01T00:00:00Z', ...variables } });

  it('fires a non-interrupting cycle timer twice before the deadline and an interrupting duration timer at it', async () => {
    // given
    const instance = await start({});

    // when / then: nothing before the first reminder
    await at(19 * MINUTE);
    expect(await jobs('contract.remind')).toHaveLength(0);
    await at(20 * MINUTE);
    expect(await jobs('contract.remind')).toHaveLength(1);
    await at(40 * MINUTE);
    expect(await jobs('contract.remind')).toHaveLength(1);
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(1);
    await at(59 * MINUTE);
    expect(await jobs('contract.mark-late')).toHaveLength(0);
    await at(60 * MINUTE);
    expect(await jobs('contract.mark-late')).toHaveLength(1);
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(0);
    await at(120 * MINUTE);
    expect(await jobs('contract.remind')).toHaveLength(0);
  });

  it('cancels the boundary timers when the task completes, and waits for a date timer', async () => {
    // given
    const instance = await start({});
    const [task] = await openTasks(sut.engine, instance.key);

    // when
    await at(10 * MINUTE);
    await sut.engine.completeUserTask(task!.key);
    await at(2 * 60 * MINUTE);

    // then
    expect(await jobs('contract.mark-late')).toHaveLength(0);
    expect(await jobs('contract.remind')).toHaveLength(0);
    expect((await sut.engine.getInstance(instance.key))?.activeElements.map((e) => e.elementId)).toEqual(['wait-until']);
    await at(new Date('2026-11-30T23:59:00Z').getTime() - T0);
    expect((await sut.engine.getInstance(instance.key))?.state).toBe('active');
    await at(new Date('2026-12-01T00:00:00Z').getTime() - T0);
    expect((await sut.engine.getInstance(instance.key))?.state).toBe('completed');
  });

  it('keeps deadlines longer than 24.8 days (beyond setTimeout) and fires them on time', async () => {
    // given: a 40-day deadline and a reminder every 30 days
    const instance = await start({ deadline: 'P40D', remindCycle: 'R1/P30D' });

    // when / then
    await at(29 * DAY);
    expect(await jobs('contract.remind')).toHaveLength(0);
    await at(30 * DAY);
    expect(await jobs('contract.remind')).toHaveLength(1);
    await at(39 * DAY);
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(1);
    await at(40 * DAY);
    expect(await jobs('contract.mark-late')).toHaveLength(1);
  });
});
