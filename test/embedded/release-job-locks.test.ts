import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import { fixture } from '../engine-contract/harness';

const bpmn = fixture(`${import.meta.dirname}/../engine-contract`, 'service-task.bpmn');

describe('embedded engine started alone on its database', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.close());

  it('hands out again, at once, a job a dead process had activated', async () => {
    // given: a process activated a job with a long lock, then died
    const dead = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
    await dead.deploy([bpmn]);
    await dead.startInstance({ bpmnProcessId: 'contract-service-task', businessKey: 'KB-1', variables: { dead: 1, injured: 0 } });
    const [locked] = await dead.activateJobs({ type: 'contract.grade', maxJobs: 1, timeoutMs: 3_600_000, worker: 'dead' });
    const restarted = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });

    // when
    const released = await restarted.releaseAllJobLocks();

    // then
    expect(released).toBe(1);
    const [again] = await restarted.activateJobs({ type: 'contract.grade', maxJobs: 1, timeoutMs: 10_000, worker: 'alive' });
    expect(again).toMatchObject({ key: locked!.key, worker: 'alive' });
    await restarted.completeJob(again!.key, { result: { level: 'II' } });
    expect((await restarted.getInstance(again!.instanceKey))?.state).toBe('completed');
  });
});
