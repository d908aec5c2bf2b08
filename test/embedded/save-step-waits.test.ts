import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine, storedWaitsOf, type EngineStore, type StoredWaits, type WaitSnapshot } from '@kuaibao/engine';
import { fixture } from '../engine-contract/harness';

const bpmn = fixture(`${import.meta.dirname}/../engine-contract`, 'user-task.bpmn');
const variables = { unitId: 'lx-yjj', verifyDue: '2026-11-23T10:00:00Z', leader: 'wangwu' };
const DUE = new Date('2026-12-31T00:00:00Z');

/** One wait of each kind, keyed from `n` (element instance `e<n>-<kind>`). */
function waitsOf(n: number): WaitSnapshot {
  const at = (kind: string) => ({ key: `${n}${kind.length}0${n}`, elementId: `${kind}-${n}`, elementInstance: `e${n}-${kind}` });
  return {
    jobs: [{ ...at('job'), type: 'kuaibao.test', retries: 3, variables: {}, customHeaders: {} }],
    userTasks: [{ ...at('task'), name: '核实', assignee: null, candidateGroups: ['g'], candidateUsers: [], dueDate: null, followUpDate: null, formKey: null, customHeaders: {}, variables: {} }],
    timers: [{ ...at('timer'), dueAt: DUE }],
    subscriptions: [{ ...at('subscription'), messageName: 'kuaibao.clearance', correlationKey: `c${n}` }],
  };
}

/**
 * A step's write ends exactly the waits the instance no longer has, of every kind, whether the step knows which rows the
 * last one left (a hot instance: only the kinds that lost a wait are touched, docs/adr/0073) or not (a recovered one).
 */
describe('the waits a step writes', () => {
  let db: Database;
  let engine: EmbeddedEngine;
  let store: EngineStore;
  beforeEach(async () => {
    db = await createTestDatabase();
    store = createEngineStore(db.prisma);
    engine = new EmbeddedEngine({ store, onError: () => undefined });
    await engine.deploy([bpmn]);
  });
  afterEach(async () => {
    await engine.close();
    await db.close();
  });

  const openWaits = async (instanceKey: string) => {
    const rows = await db.prisma.$queryRaw<{ element_instance: string }[]>`
      SELECT element_instance FROM engine_job WHERE instance_key = ${BigInt(instanceKey)} AND state IN ('activatable', 'activated', 'failed')
      UNION ALL SELECT element_instance FROM engine_user_task WHERE instance_key = ${BigInt(instanceKey)} AND state = 'created'
      UNION ALL SELECT element_instance FROM engine_timer WHERE instance_key = ${BigInt(instanceKey)}
      UNION ALL SELECT element_instance FROM engine_subscription WHERE instance_key = ${BigInt(instanceKey)}`;
    return rows.map((r) => r.element_instance).filter((e) => /^e\d/.test(e)).sort();
  };

  const save = (instanceKey: string, waits: WaitSnapshot, stored?: StoredWaits) =>
    store.transaction(async (tx) => {
      const record = await tx.lockInstance(instanceKey);
      return tx.saveStep(record!, waits, new Date(), stored);
    });

  it.each([
    ['known (a hot instance)', true],
    ['unknown (a recovered instance)', false],
  ])('ends the vanished waits of each kind and keeps the others when the stored waits are %s', async (_, hot) => {
    // given: an instance waiting for one wait of each kind, twice over
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const [one, two] = [waitsOf(1), waitsOf(2)];
    const both: WaitSnapshot = { jobs: [...one.jobs, ...two.jobs], userTasks: [...one.userTasks, ...two.userTasks], timers: [...one.timers, ...two.timers], subscriptions: [...one.subscriptions, ...two.subscriptions] };
    await save(instance.key, both);
    const stored = storedWaitsOf(both);

    // when: a step keeps the second of each kind but the timer, and adds a third timer
    const next: WaitSnapshot = { ...two, timers: waitsOf(3).timers };
    await save(instance.key, next, hot ? stored : undefined);

    // then
    expect(await openWaits(instance.key)).toEqual(['e2-job', 'e2-subscription', 'e2-task', 'e3-timer']);
  });

  it('ends the done job and keeps the task, timer and subscription of a step that lost no wait of their kinds', async () => {
    // given
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const one = waitsOf(1);
    await save(instance.key, one);

    // when: the job is done and a new one is created; the task, timer and subscription stay
    const next: WaitSnapshot = { ...one, jobs: waitsOf(4).jobs };
    await save(instance.key, next, storedWaitsOf(one));

    // then
    expect(await openWaits(instance.key)).toEqual(['e1-subscription', 'e1-task', 'e1-timer', 'e4-job']);
  });
});
