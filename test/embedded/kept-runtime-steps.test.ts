import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine, EngineError, type StepWrites } from '@kuaibao/engine';
import { fixture } from '../engine-contract/harness';

const contract = `${import.meta.dirname}/../engine-contract`;
const bpmn = [fixture(contract, 'user-task.bpmn'), fixture(contract, 'service-task.bpmn'), fixture(contract, 'parallel.bpmn')];
const variables = { unitId: 'lx-yjj', verifyDue: '2026-11-23T10:00:00Z', leader: 'wangwu' };

/**
 * A step on an instance this process stepped a moment ago runs on the runtime it kept, without locking and reading the
 * row first; its write checks the row's revision and closes the claim (docs/adr/0074). Another process's write in
 * between is what it must not miss: the step then runs again from the row, or is refused as it would have been.
 */
describe('a step on a kept runtime', () => {
  let db: Database;
  let engine: EmbeddedEngine;
  const incidents: unknown[] = [];
  beforeEach(async () => {
    db = await createTestDatabase();
    engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: (error) => incidents.push(error) });
    await engine.deploy(bpmn);
  });
  afterEach(async () => {
    await engine.close();
    await db.close();
    incidents.length = 0;
  });

  const verifyTask = async (instanceKey: string) => {
    const [task] = await engine.searchUserTasks({ instanceKey, state: 'created' });
    return task!;
  };
  const revisionOf = async (instanceKey: string) =>
    (await db.prisma.$queryRaw<{ revision: number }[]>`SELECT revision FROM engine_instance WHERE key = ${BigInt(instanceKey)}`)[0]!.revision;
  /** Writes that count how often they ran and whether they were ever committed (a row in a scratch table). */
  const countingWrites = () => {
    let runs = 0;
    const writes: StepWrites = {
      within: async (tx) => {
        runs++;
        await (tx as unknown as { $executeRaw: typeof db.prisma.$executeRaw }).$executeRaw`INSERT INTO kept_step_write (at) VALUES (now())`;
      },
      before: async () => undefined,
      after: async () => undefined,
    };
    return { writes, runs: () => runs };
  };

  it('runs again from the row when another process moved the instance on, and takes the row’s variables', async () => {
    // given: the instance at its first task, kept here; another process then changes its variables (a new revision)
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const task = await verifyTask(instance.key);
    const before = await revisionOf(instance.key);
    await db.prisma.$executeRaw`UPDATE engine_instance SET variables = variables || '{"leader": "zhaoliu"}'::jsonb, revision = revision + 1
      WHERE key = ${BigInt(instance.key)}`;

    // when
    await engine.completeUserTask(task.key, { decision: 'confirm', opinion: '属实' });

    // then: the sign-off is assigned from the row's variables, not the kept runtime's
    const [signOff] = await engine.searchUserTasks({ instanceKey: instance.key, state: 'created' });
    expect(signOff).toMatchObject({ elementId: 'sign-off', assignee: 'zhaoliu' });
    expect(await revisionOf(instance.key)).toBe(before + 2);
  });

  it('refuses the completion of a job another process completed, writes nothing and raises no incident', async () => {
    // given: a job activated here (so its completion reads nothing before its step), then completed by another process,
    // which left the instance's row as it was
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-service-task', variables: { dead: 2, injured: 3 } });
    const [job] = await engine.activateJobs({ type: 'contract.grade', maxJobs: 1, timeoutMs: 10_000, worker: 'test' });
    const before = await revisionOf(instance.key);
    await db.prisma.$executeRaw`UPDATE engine_job SET state = 'completed' WHERE key = ${BigInt(job!.key)}`;
    await db.prisma.$executeRaw`CREATE TABLE kept_step_write (at timestamptz)`;
    const { writes, runs } = countingWrites();

    // when
    const refused = await engine.completeJob(job!.key, { result: { level: 'III' } }, { writes }).catch((error: unknown) => error);

    // then
    expect(refused).toBeInstanceOf(EngineError);
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect(await revisionOf(instance.key)).toBe(before);
    expect(runs()).toBe(0);
    expect(await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM kept_step_write`).toEqual([{ n: 0 }]);
    expect(await engine.listIncidents({ instanceKey: instance.key })).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('loses no branch when two processes complete the parallel jobs of the same instances, at once or one after the other', async () => {
    // given: a second engine on the same database (another process); instances started here, so each is kept here
    const other = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: (error) => incidents.push(error) });
    try {
      const started = await Promise.all(Array.from({ length: 8 }, () => engine.startInstance({ bpmnProcessId: 'contract-parallel', variables: {} })));
      const activate = (on: EmbeddedEngine, type: string) => on.activateJobs({ type, maxJobs: 8, timeoutMs: 60_000, worker: 'test' });
      const superior = await activate(engine, 'contract.to-superior');
      const government = await activate(other, 'contract.to-government');
      expect([superior.length, government.length]).toEqual([8, 8]);

      // when: this engine (runtime kept, no lock first) and the other (locks first) answer each instance's two branches:
      // for half of them at once, for the other half the other engine first (so what this one kept is stale)
      const bySuperior = (key: string) => superior.find((job) => job.instanceKey === key)!;
      const byGovernment = (key: string) => government.find((job) => job.instanceKey === key)!;
      const [together, otherFirst] = [started.slice(0, 4), started.slice(4)];
      await Promise.all(together.flatMap(({ key }) => [
        engine.completeJob(bySuperior(key).key, { superior: key }),
        other.completeJob(byGovernment(key).key, { government: key }),
      ]));
      for (const { key } of otherFirst) await other.completeJob(byGovernment(key).key, { government: key });
      for (const { key } of otherFirst) await engine.completeJob(bySuperior(key).key, { superior: key });

      // then: every instance joined both branches and ended, with both answers
      for (const { key } of started) {
        expect(await engine.getInstance(key)).toMatchObject({ state: 'completed', variables: { superior: key, government: key }, incidents: [] });
      }
      expect(incidents).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('runs the caller’s writes once, after the step’s write, and commits them with it', async () => {
    // given
    const instance = await engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const task = await verifyTask(instance.key);
    await db.prisma.$executeRaw`CREATE TABLE kept_step_write (at timestamptz)`;
    const { writes, runs } = countingWrites();

    // when
    await engine.completeUserTask(task.key, { decision: 'confirm' }, { writes });

    // then
    expect(runs()).toBe(1);
    expect(await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM kept_step_write`).toEqual([{ n: 1 }]);
    expect((await verifyTask(instance.key)).elementId).toBe('sign-off');
  });
});
