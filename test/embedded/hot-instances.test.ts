import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import { fixture, openTasks } from '../engine-contract/harness';

const bpmn = fixture(`${import.meta.dirname}/../engine-contract`, 'user-task.bpmn');
const variables = { unitId: 'lx-yjj', verifyDue: '2026-11-23T10:00:00Z', leader: 'wangwu' };

/** Two engine processes on one database, as `npm run api` and `npm run worker` on PostgreSQL (ADR 0008, 0015). */
describe('hot instances of the embedded engine', () => {
  let db: Database;
  let first: EmbeddedEngine;
  let second: EmbeddedEngine;
  beforeEach(async () => {
    db = await createTestDatabase();
    first = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
    second = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
    await first.deploy([bpmn]);
  });
  afterEach(async () => {
    await Promise.all([first.close(), second.close()]);
    await db.close();
  });

  it('recovers from the database an instance another process stepped since, instead of its stale copy in memory', async () => {
    // given: the first process started the instance (it keeps it hot); the second one verified it
    const instance = await first.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const [verify] = await openTasks(second, instance.key);
    await second.completeUserTask(verify!.key, { decision: 'confirm', opinion: '属实' });

    // when: the first process completes the sign-off that its hot copy has never seen
    const [signOff] = await openTasks(first, instance.key);
    expect(signOff).toMatchObject({ elementId: 'sign-off' });
    await first.completeUserTask(signOff!.key, { approved: true });

    // then
    expect(await first.getInstance(instance.key)).toMatchObject({
      state: 'completed',
      variables: { verified: true, verifyOpinion: '属实', approved: true },
    });
  });

  it('keeps stepping the hot copy while this process is the only writer, with the same result as recovering every step', async () => {
    // given
    const cold = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined, hotInstances: { max: 0, idleMs: 0 } });
    const run = async (engine: EmbeddedEngine) => {
      const instance = await engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });
      for (const answer of [{ decision: 'confirm', opinion: '属实' }, { approved: false }, { decision: 'confirm', opinion: '已补充' }, { approved: true }]) {
        const [task] = await openTasks(engine, instance.key);
        await engine.completeUserTask(task!.key, answer);
      }
      return engine.getInstance(instance.key);
    };

    // when
    const [hot, recovered] = [await run(first), await run(cold)];
    await cold.close();

    // then
    expect(hot).toMatchObject({ state: 'completed', variables: recovered!.variables });
    expect(hot?.variables).toMatchObject({ verified: true, verifyOpinion: '已补充', approved: true });
  });

  it('reads the saved state after all when the kept runtime, whose revision spared the lock reading it, is gone by the step', async () => {
    // given: an instance kept hot; its runtime dropped (the idle sweep) after the lock left the state out
    const instance = await first.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const hot = (first as unknown as { runner: { hot: { take(key: string, revision: number): unknown } } }).runner.hot;
    hot.take = () => null;

    // when
    const [verify] = await openTasks(first, instance.key);
    await first.completeUserTask(verify!.key, { decision: 'confirm', opinion: '属实' });

    // then: recovered from the database and stepped on
    expect((await openTasks(first, instance.key)).map((t) => t.elementId)).toEqual(['sign-off']);
    expect((await first.getInstance(instance.key))?.variables).toMatchObject({ verified: true, verifyOpinion: '属实' });
  });
});
