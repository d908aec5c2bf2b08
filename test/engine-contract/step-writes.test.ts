import { describe, expect, it } from 'vitest';
import type { StepCommand, StepTransaction, StepWrites } from '@kuaibao/engine';
import { adapters, eventually, fixture, openTasks, useEngineUnderTest } from './harness';

const userTaskBpmn = fixture(import.meta.dirname, 'user-task.bpmn');
const serviceTaskBpmn = fixture(import.meta.dirname, 'service-task.bpmn');

/**
 * A caller's business writes as the port sees them, recording how the engine ran them: inside its step
 * (`within`, the embedded engine) or first with a record of the command (`before` … `after`, Zeebe).
 */
function recordingWrites(options: { failWith?: Error } = {}) {
  const calls: string[] = [];
  const commands: StepCommand[] = [];
  const write = async (how: string) => {
    if (options.failWith) throw options.failWith;
    calls.push(how);
  };
  const writes: StepWrites = {
    within: (_tx: StepTransaction) => write('within'),
    before: (command) => {
      commands.push(command);
      return write('before');
    },
    after: async (command) => {
      commands.push(command);
      calls.push('after');
    },
  };
  return { writes, calls, commands };
}

/** The business writes went with the completion exactly once, by one of the two ways the port allows. */
const wroteOnce = (calls: string[]) => expect([['within'], ['before', 'after']]).toContainEqual(calls);

describe.each(adapters)('business writes that commit with a completion on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [userTaskBpmn, serviceTaskBpmn]);

  const startUserTask = async () => {
    const instance = await sut.engine.startInstance({
      bpmnProcessId: 'contract-user-task',
      businessKey: 'KB-530902-20261122-0001',
      variables: { unitId: 'lx-yjj', verifyDue: '2026-11-23T10:00:00Z', leader: 'wangwu' },
    });
    const [task] = await eventually(() => openTasks(sut.engine, instance.key), (tasks) => tasks.length === 1);
    return { instance, task: task! };
  };

  const activateGrade = async () => {
    await sut.engine.startInstance({ bpmnProcessId: 'contract-service-task', businessKey: 'KB-1', variables: { dead: 2, injured: 3 } });
    const jobs = await eventually(() => sut.engine.activateJobs({ type: 'contract.grade', maxJobs: 1, timeoutMs: 10_000, worker: 'test' }), (j) => j.length === 1);
    return jobs[0]!;
  };

  it('completes a user task together with the caller\'s writes, run once', async () => {
    // given
    const { instance, task } = await startUserTask();
    const { writes, calls, commands } = recordingWrites();

    // when
    await sut.engine.completeUserTask(task.key, { decision: 'confirm' }, { writes });

    // then
    wroteOnce(calls);
    for (const command of commands) expect(command).toEqual({ kind: 'completeUserTask', key: task.key, variables: { decision: 'confirm' } });
    const [next] = await eventually(() => openTasks(sut.engine, instance.key), (tasks) => tasks.length === 1 && tasks[0]!.elementId === 'sign-off');
    expect(next?.elementId).toBe('sign-off');
  });

  it('refuses the completion when the writes fail: the task stays open and can be completed again', async () => {
    // given
    const { instance, task } = await startUserTask();
    const failing = recordingWrites({ failWith: new Error('the audit entry could not be written') });

    // when
    await expect(sut.engine.completeUserTask(task.key, { decision: 'confirm' }, { writes: failing.writes })).rejects.toThrow('the audit entry could not be written');

    // then
    expect(await sut.engine.getUserTask(task.key)).toMatchObject({ state: 'created' });
    expect(await openTasks(sut.engine, instance.key)).toMatchObject([{ elementId: 'verify' }]);
    const { writes, calls } = recordingWrites();
    await sut.engine.completeUserTask(task.key, { decision: 'confirm' }, { writes });
    wroteOnce(calls);
  });

  it('writes nothing for a task that is no longer open', async () => {
    // given
    const { task } = await startUserTask();
    await sut.engine.completeUserTask(task.key, { decision: 'confirm' });
    const { writes, calls } = recordingWrites();

    // when
    await expect(sut.engine.completeUserTask(task.key, { decision: 'confirm' }, { writes })).rejects.toMatchObject({ code: 'INVALID_STATE' });

    // then: nothing written, or (written first) the record of the command dropped
    expect([[], ['before', 'after']]).toContainEqual(calls);
  });

  it('completes a job together with the handler\'s writes, and keeps the job open when they fail', async () => {
    // given
    const job = await activateGrade();
    const failing = recordingWrites({ failWith: new Error('the delivery could not be recorded') });

    // when
    await expect(sut.engine.completeJob(job.key, { result: { level: 'II' } }, { writes: failing.writes })).rejects.toThrow('the delivery could not be recorded');
    expect(await sut.engine.getInstance(job.instanceKey)).toMatchObject({ state: 'active' });
    const { writes, calls, commands } = recordingWrites();
    await sut.engine.completeJob(job.key, { result: { level: 'II' } }, { writes });

    // then
    wroteOnce(calls);
    for (const command of commands) expect(command).toEqual({ kind: 'completeJob', key: job.key, variables: { result: { level: 'II' } } });
    const done = await eventually(() => sut.engine.getInstance(job.instanceKey), (i) => i?.state === 'completed');
    expect(done?.variables).toMatchObject({ severity: 'II' });
  });
  it('cancels an instance together with the caller\'s writes, and keeps it running when they fail (撤回, docs/adr/0041)', async () => {
    // given
    const { instance } = await startUserTask();
    const failing = recordingWrites({ failWith: new Error('the report could not be marked withdrawn') });

    // when: the writes fail
    await expect(sut.engine.cancelInstance(instance.key, { writes: failing.writes })).rejects.toThrow('the report could not be marked withdrawn');

    // then: nothing was canceled, the task is still open
    expect(await sut.engine.getInstance(instance.key)).toMatchObject({ state: 'active' });
    expect(await openTasks(sut.engine, instance.key)).toMatchObject([{ elementId: 'verify' }]);

    // when: they succeed
    const { writes, calls, commands } = recordingWrites();
    await sut.engine.cancelInstance(instance.key, { writes });

    // then: written once, canceled, nothing open; a second cancel writes nothing (or drops its record)
    wroteOnce(calls);
    for (const command of commands) expect(command).toEqual({ kind: 'cancelInstance', key: instance.key, variables: {} });
    expect(await sut.engine.getInstance(instance.key)).toMatchObject({ state: 'canceled' });
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(0);
    const again = recordingWrites();
    await expect(sut.engine.cancelInstance(instance.key, { writes: again.writes })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect([[], ['before', 'after']]).toContainEqual(again.calls);
  });
});
