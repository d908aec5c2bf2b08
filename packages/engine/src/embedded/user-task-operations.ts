import { EngineError, notFound } from '../errors';
import type { EngineStoreOps } from '../store';
import type { StepWrites, UserTask, UserTaskFilter, Variables } from '../types';
import type { StepRunner } from './step-runner';

/** User tasks (Zeebe native user tasks): search, assign, complete. */
export class UserTaskOperations {
  constructor(private readonly runner: StepRunner) {}

  search(filter: UserTaskFilter): Promise<UserTask[]> {
    return this.runner.store.searchUserTasks(filter);
  }

  get(userTaskKey: string): Promise<UserTask | null> {
    return this.runner.store.getUserTask(userTaskKey);
  }

  async assign(userTaskKey: string, assignee: string | null, allowOverride: boolean): Promise<void> {
    const { store, mutex } = this.runner;
    const task = await openUserTask(store, userTaskKey);
    await mutex.run(task.instanceKey, () =>
      store.transaction(async (tx) => {
        // the instance's row lock orders this against another process claiming the same task
        await tx.lockInstance(task.instanceKey);
        const current = await openUserTask(tx, userTaskKey);
        if (!allowOverride && current.assignee !== null && current.assignee !== assignee) {
          throw new EngineError('INVALID_STATE', `User task ${userTaskKey} is assigned to ${current.assignee}`, { assignee: current.assignee });
        }
        await tx.updateUserTask(userTaskKey, { assignee });
      }),
    );
  }

  /** Completes the task; the caller's `writes` run in the same step, so they commit (or roll back) with it. */
  async complete(userTaskKey: string, variables: Variables = {}, writes?: StepWrites): Promise<void> {
    const task = await openUserTask(this.runner.store, userTaskKey);
    const target = { elementId: task.elementId, elementInstance: task.elementInstanceKey, jobKey: null };
    // closed by the step's lock or write; the step rolls back if the instance then fails
    const claim = { userTask: userTaskKey, completedAt: new Date(this.runner.clock()) };
    await this.runner.step(task.instanceKey, target, async (runtime, _record, tx, claimed) => {
      if (!claimed) await openUserTask(tx, userTaskKey);
      await runtime.signal(task.elementInstanceKey, task.elementId, variables);
    }, { claim, writes });
  }
}

async function openUserTask(ops: EngineStoreOps, key: string): Promise<UserTask> {
  const task = await ops.getUserTask(key);
  if (!task) throw notFound('User task', key);
  if (task.state !== 'created') throw new EngineError('INVALID_STATE', `User task ${key} is ${task.state}`, { state: task.state });
  return task;
}
