import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CRASH_FIXTURE, CRASH_PROCESS_ID, CRASH_TASKS, STEPS_PER_INSTANCE, createCrashHandlers, readEffects, startCrashWorkers, startReviewer, type EffectRow,
} from '../support/crash-workload';
import { spawnTsx, type ChildEvent } from '../support/json-lines-child';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { eventually } from './harness';

const INSTANCES = 40;
/**
 * The lock the killed child puts on the jobs it holds: far longer than the test may take, so the jobs it
 * held can only be re-run because the recovering engine finds the child's node dead (docs/adr/0013).
 */
const JOB_TIMEOUT_MS = 30 * 60_000;
/** After how long without a heartbeat the recovering engine takes the killed child for dead. */
const NODE_TIMEOUT_MS = 2_000;
/** Kill once this share of all steps is done: well into the flow, far from its end. */
const KILL_AT = 0.4;

const steps = (events: ChildEvent[]) => events.filter((e) => ['started', 'handler-done', 'task-done'].includes(e.event)).length;
const rows = <T>(db: Database, sql: string) => db.driver.query<T>(sql);

interface JobRow { instance_key: string; element_id: string; element_instance: string; state: string; lock_owner: string | null; deadline: Date | null }
interface InstanceRow { key: string; business_key: string; state: string; variables: Record<string, unknown> }

describe(`crash recovery on embedded (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite directory'})`, () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => void (scratch = await createScratchDatabase({ prefix: 'crash' })));
  afterAll(() => scratch?.dispose());

  it('loses no instance after SIGKILL mid-flow, re-runs only the jobs in flight, completes each job once', async () => {
    // given: a child runs the workload and is killed at 40% of the steps, right after a handler's side
    // effect and before the engine hears of it (the case an idempotency key is for)
    const startedAt = Date.now();
    const child = spawnTsx('test/support/engine-child.ts', {
      args: ['--instances', String(INSTANCES), '--job-timeout-ms', String(JOB_TIMEOUT_MS)],
      env: scratch.env,
    });
    const killPoint = await child
      .waitFor(
        (e, all) => e.event === 'handler-done' && all.some((a) => a.event === 'all-started') && steps(all) >= KILL_AT * INSTANCES * STEPS_PER_INSTANCE,
        120_000,
      )
      .finally(() => child.kill('SIGKILL'));
    expect((await child.exited).signal).toBe('SIGKILL');
    const stepsBeforeKill = steps(child.events);
    const killedAt = Date.now();

    // when: a fresh engine opens the same database and runs the same workers and reviewer
    const db = await scratch.open();
    try {
      const locked = await rows<JobRow>(db, `SELECT element_instance, lock_owner, deadline FROM engine_job WHERE state = 'activated'`);
      const atCrash = {
        instances: await rows<{ state: string }>(db, 'SELECT state FROM engine_instance'),
        inFlight: new Set(locked.map((j) => j.element_instance)),
        nodes: await rows<{ id: string }>(db, 'SELECT id FROM engine_node'),
      };
      const errors: unknown[] = [];
      const engine = new EmbeddedEngine({
        store: createEngineStore(db.prisma),
        schedulerIntervalMs: 200,
        node: { heartbeatIntervalMs: 500, timeoutMs: NODE_TIMEOUT_MS },
        onError: (e) => errors.push(e),
      }).start();
      const rerun = new Map<string, number>();
      const handlers = createCrashHandlers({
        db,
        delayMs: [2, 8],
        onRun: (event, job) => event === 'handler-start' && !rerun.has(job.elementInstanceKey) && rerun.set(job.elementInstanceKey, Date.now()),
      });
      const workers = startCrashWorkers(engine, handlers, { timeoutMs: 30_000, name: 'recovery' });
      const reviewer = startReviewer(engine);
      try {
        await eventually(() => rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM engine_instance WHERE state <> 'completed'`), ([r]) => r?.n === 0, 90_000);
      } finally {
        await reviewer.stop();
        await Promise.all(workers.map((w) => w.close()));
        await engine.close();
      }
      const recoveredIn = Date.now() - killedAt;

      // then: the crash hit mid-flow, with jobs in hand
      expect(atCrash.instances).toHaveLength(INSTANCES);
      expect(atCrash.instances.filter((i) => i.state === 'active').length).toBeGreaterThan(0);
      expect(atCrash.inFlight.size).toBeGreaterThan(0);
      // the child was a node, and its locks named it
      expect(atCrash.nodes).toHaveLength(1);
      expect(new Set(locked.map((j) => j.lock_owner))).toEqual(new Set([atCrash.nodes[0]!.id]));

      // every instance completed, none lost, no incident, nothing left open
      const instances = await rows<InstanceRow>(db, 'SELECT key::text, business_key, state, variables FROM engine_instance');
      expect(instances.map((i) => i.business_key).sort()).toEqual(Array.from({ length: INSTANCES }, (_, i) => `crash-${i}`).sort());
      expect(instances.every((i) => i.state === 'completed')).toBe(true);
      expect(await rows(db, 'SELECT key FROM engine_incident')).toEqual([]);
      expect(errors).toEqual([]);

      // one job row per service-task element instance, completed; one review task per instance, completed
      const jobs = await rows<JobRow>(db, 'SELECT instance_key::text, element_id, element_instance, state FROM engine_job');
      expect(jobs).toHaveLength(INSTANCES * 3);
      expect(new Set(jobs.map((j) => `${j.instance_key}/${j.element_id}`)).size).toBe(INSTANCES * 3);
      expect(jobs.filter((j) => j.state !== 'completed')).toEqual([]);
      expect(await rows(db, `SELECT key FROM engine_user_task WHERE state <> 'completed'`)).toEqual([]);
      expect(await rows(db, 'SELECT key FROM engine_user_task')).toHaveLength(INSTANCES);

      // at-least-once: every job in a worker's hands at the crash ran again, long before its lock's deadline:
      // the recovering engine found the child's node dead; a side effect ran twice only for such a job, and
      // the re-run found the first run's receipt
      const effects = await readEffects(db);
      expect(effects).toHaveLength(INSTANCES * 3);
      for (const { element_instance, deadline } of locked) {
        expect(rerun.has(element_instance)).toBe(true);
        expect(rerun.get(element_instance)!).toBeLessThan(new Date(deadline!).getTime() - JOB_TIMEOUT_MS / 2);
      }
      expect(await rows(db, 'SELECT id FROM engine_node')).toEqual([]); // the recovering engine left cleanly
      const repeated = effects.filter((e) => e.runs > 1);
      expect(repeated.filter((e) => !atCrash.inFlight.has(e.element_instance) || e.runs > 2)).toEqual([]);

      // variables: what each handler's (first) run produced, what the reviewer saw, nothing else
      const effectOf = new Map(effects.map((e) => [`${e.instance_key}/${e.element_id}`, e]));
      for (const instance of instances) {
        expect(instance.variables).toEqual(expectedVariables(instance, effectOf));
        expect(instance.variables.superiorReceipt).toBe(effectOf.get(`${instance.key}/to-superior`)?.receipt);
        expect(instance.variables.governmentReceipt).toBe(effectOf.get(`${instance.key}/to-government`)?.receipt);
      }

      console.log(
        `[crash-recovery] ${INSTANCES} instances, ${scratch.kind}: killed after ${killedAt - startedAt} ms at step ${stepsBeforeKill}/${INSTANCES * STEPS_PER_INSTANCE} ` +
          `(kill point: ${killPoint.event} ${String(killPoint.elementId)}); at crash ${atCrash.instances.filter((i) => i.state === 'completed').length} completed, ` +
          `${atCrash.inFlight.size} jobs in flight, all re-run after the crash, ${repeated.length} of them after their side effect had run (idempotency key hit); ` +
          `recovered in ${recoveredIn} ms (job lock ${JOB_TIMEOUT_MS} ms, node timeout ${NODE_TIMEOUT_MS} ms)`,
      );
    } finally {
      await db.close();
    }
  }, 240_000);
});

describe('restart on embedded', () => {
  it('continues, in a fresh engine on the same database, an instance it has never seen', async () => {
    // given: an instance started by an engine that is gone (its successor has an empty model cache)
    const db = await createTestDatabase();
    try {
      const first = new EmbeddedEngine({ store: createEngineStore(db.prisma) });
      await first.deploy([CRASH_FIXTURE]);
      const instance = await first.startInstance({ bpmnProcessId: CRASH_PROCESS_ID, variables: { index: 7 } });
      await first.close();
      const second = new EmbeddedEngine({ store: createEngineStore(db.prisma) });

      // when
      const [job] = await second.activateJobs({ type: 'crash.register', maxJobs: 1, timeoutMs: 10_000, worker: 'second' });
      await second.completeJob(job!.key, { registrationNo: 'KB-7' });

      // then
      expect(job?.instanceKey).toBe(instance.key);
      const [task] = await second.searchUserTasks({ instanceKey: instance.key, state: 'created' });
      expect(task).toMatchObject({ elementId: 'review', variables: { reportIndex: 7, registrationNo: 'KB-7' } });
      await second.close();
    } finally {
      await db.close();
    }
  });
});

/** The variables an instance must end with: its index, the receipts of its jobs' side effects, the review. */
function expectedVariables(instance: InstanceRow, effectOf: Map<string, EffectRow>) {
  const receipt = (elementId: string) => effectOf.get(`${instance.key}/${elementId}`)?.receipt;
  const index = Number(instance.business_key.replace('crash-', ''));
  const registrationNo = receipt('register');
  return {
    index,
    [CRASH_TASKS['crash.register']]: registrationNo,
    approval: { by: 'duty-officer-1', index, registrationNo },
    // the reporting jobs embed the registration number they were given: they saw the recovered state
    [CRASH_TASKS['crash.to-superior']]: expect.stringMatching(`^crash\\.to-superior:${registrationNo}:`) as unknown,
    [CRASH_TASKS['crash.to-government']]: expect.stringMatching(`^crash\\.to-government:${registrationNo}:`) as unknown,
  };
}
