import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine, type JobWorker } from '@kuaibao/engine';
import { eventually, fixture } from '../engine-contract/harness';

const bpmn = fixture(`${import.meta.dirname}/../engine-contract`, 'service-task.bpmn');
const graded = { complete: true, variables: { result: { level: 'II' } } } as const;

/**
 * A worker asks for jobs when it is told there are some, and once more only when its last answer may
 * have left some behind: a full batch, or jobs announced while it asked or handled. Never polls in these
 * tests (60 s), so every activation counted is one the worker chose to make.
 */
describe('activations of an embedded engine worker', () => {
  let db: Database;
  let engine: EmbeddedEngine;
  let worker: JobWorker | null;
  beforeEach(async () => {
    db = await createTestDatabase();
    engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
    worker = null;
    await engine.deploy([bpmn]);
  });
  afterEach(async () => {
    await worker?.close();
    await engine.close();
    await db.close();
  });

  const start = () => engine.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 1, injured: 0 } });

  it('after taking fewer jobs than it may, waits for the next announcement instead of asking again at once', async () => {
    // given: an idle worker (its first activation found nothing)
    const activations = vi.spyOn(engine, 'activateJobs');
    worker = engine.createWorker({ taskType: 'contract.grade', pollIntervalMs: 60_000, handler: async () => graded });
    await eventually(async () => activations.mock.calls.length, (n) => n === 1, 2_000);

    // when
    const instance = await start();
    await eventually(() => engine.getInstance(instance.key), (i) => i?.state === 'completed', 3_000);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // then: the announcement's activation only (a second one would have found nothing)
    expect(activations.mock.calls.length).toBe(2);
  });

  it('asks again at once after a full batch', async () => {
    // given: two jobs waiting, a worker taking one at a time
    const activations = vi.spyOn(engine, 'activateJobs');
    const instances = [await start(), await start()];

    // when
    worker = engine.createWorker({ taskType: 'contract.grade', maxJobsToActivate: 1, pollIntervalMs: 60_000, handler: async () => graded });

    // then: both done without an announcement, then one activation that finds nothing
    for (const instance of instances) await eventually(() => engine.getInstance(instance.key), (i) => i?.state === 'completed', 3_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(activations.mock.calls.length).toBe(3);
  });

  it('takes a job announced while it handled the last one at once', async () => {
    // given: the handler of the first job starts a second instance, whose job is announced mid-handling
    let second: Promise<{ key: string }> | null = null;
    worker = engine.createWorker({
      taskType: 'contract.grade',
      pollIntervalMs: 60_000,
      handler: async () => {
        second ??= start();
        await second;
        return graded;
      },
    });

    // when
    const first = await start();

    // then: both done long before the 60 s poll
    await eventually(() => engine.getInstance(first.key), (i) => i?.state === 'completed', 3_000);
    const { key } = await second!;
    await eventually(() => engine.getInstance(key), (i) => i?.state === 'completed', 3_000);
  });

  it('of a started engine, takes the job a step creates from the step itself, locked by this node (no activation)', async () => {
    // given: a started engine (a node on the database) and its idle worker
    await engine.close();
    engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined }).start();
    await engine.heartbeat();
    const activations = vi.spyOn(engine, 'activateJobs');
    let seen: { deadline: string; worker: string } | null = null;
    let row: { state: string; worker: string | null; lock_owner: string | null } | undefined;
    worker = engine.createWorker({
      taskType: 'contract.grade',
      name: 'grader',
      pollIntervalMs: 60_000,
      handler: async (job) => {
        seen = { deadline: job.deadline, worker: job.worker };
        [row] = await db.driver.query<{ state: string; worker: string | null; lock_owner: string | null }>(
          'SELECT state, worker, lock_owner FROM engine_job WHERE key = $1::bigint', [job.key]);
        return graded;
      },
    });
    await eventually(async () => activations.mock.calls.length, (n) => n === 1, 2_000);

    // when
    const instance = await start();

    // then: done with the worker's first (empty) activation only; the job was locked for it as an activation locks it
    await eventually(() => engine.getInstance(instance.key), (i) => i?.state === 'completed', 3_000);
    expect(activations.mock.calls.length).toBe(1);
    expect(row).toEqual({ state: 'activated', worker: 'grader', lock_owner: engine.nodeId });
    expect(seen).toMatchObject({ worker: 'grader' });
    expect(Date.parse(seen!.deadline)).toBeGreaterThan(Date.now());
  });
});
