import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine, fail, type JobWorker } from '@kuaibao/engine';
import { eventually, fixture } from '../engine-contract/harness';

const bpmn = fixture(`${import.meta.dirname}/../engine-contract`, 'service-task.bpmn');

/**
 * While the scheduler runs, a worker's own poll is a 10 s fallback: the jobs it must still see at once are
 * those no step of its process announced — another process's, and its own retried after a backoff.
 */
describe('workers of a running embedded engine', () => {
  let db: Database;
  let api: EmbeddedEngine;
  let worker: EmbeddedEngine;
  let workers: JobWorker[];
  beforeEach(async () => {
    db = await createTestDatabase();
    api = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
    worker = new EmbeddedEngine({ store: createEngineStore(db.prisma), schedulerIntervalMs: 100, onError: () => undefined }).start();
    workers = [];
    await api.deploy([bpmn]);
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all([api.close(), worker.close()]);
    await db.close();
  });

  it('take a job another process created, woken by the scheduler within its pass', async () => {
    // given: the worker process is idle (its first look found nothing)
    let calls = 0;
    workers.push(worker.createWorker({ taskType: 'contract.grade', handler: async () => (calls++, { complete: true, variables: { result: { level: 'II' } } }) }));
    await new Promise((r) => setTimeout(r, 300));

    // when: the api process starts an instance: its job is announced only in the api process
    const instance = await api.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 1, injured: 0 } });

    // then: done long before the 10 s fallback poll
    await eventually(() => api.getInstance(instance.key), (i) => i?.state === 'completed', 3_000);
    expect(calls).toBe(1);
  });

  it('retry a job after its backoff without waiting for the fallback poll', async () => {
    // given
    let calls = 0;
    workers.push(worker.createWorker({
      taskType: 'contract.grade',
      handler: async () => (++calls === 1 ? fail('短信网关暂不可用', { retries: 1, retryBackoffMs: 300 }) : { complete: true, variables: { result: { level: 'II' } } }),
    }));

    // when
    const instance = await worker.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 1, injured: 0 } });

    // then
    await eventually(() => worker.getInstance(instance.key), (i) => i?.state === 'completed', 3_000);
    expect(calls).toBe(2);
  });
});
