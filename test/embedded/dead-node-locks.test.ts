import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine, currentProcessScope, type NodeOptions } from '@kuaibao/engine';
import { fixture } from '../engine-contract/harness';

/**
 * Several engines on one database, as `npm run api` and `npm run worker` share PostgreSQL (docs/adr/0013):
 * each is a node with a heartbeat, and a live node releases the job locks of a node whose heartbeat went
 * stale, long before the locks' deadline; a live node keeps its locks however long its handler takes.
 * Every engine here runs on one fake clock and writes its heartbeat only when the test says so.
 */
const bpmn = fixture(`${import.meta.dirname}/../engine-contract`, 'service-task.bpmn');
const HOUR = 3_600_000;
const NODE_TIMEOUT_MS = 5_000;

interface JobRow { key: string; state: string; worker: string | null; lock_owner: string | null }

describe('embedded engines sharing a database: job locks of dead nodes', () => {
  let db: Database;
  let now: number;
  const engines: EmbeddedEngine[] = [];
  const errors: unknown[] = [];

  /** An engine on the shared database and clock; joined (started) unless told otherwise, its loops too slow to fire during a test. */
  const engine = (options: { join?: boolean; node?: NodeOptions } = {}) => {
    const created = new EmbeddedEngine({
      store: createEngineStore(db.prisma),
      clock: () => now,
      schedulerIntervalMs: HOUR,
      node: { heartbeatIntervalMs: HOUR, timeoutMs: NODE_TIMEOUT_MS, ...options.node },
      onError: (error) => errors.push(error),
    });
    engines.push(created);
    return options.join === false ? created : created.start();
  };
  const jobs = () => db.driver.query<JobRow>('SELECT key::text, state, worker, lock_owner FROM engine_job ORDER BY key');
  const job = async (key: string) => (await jobs()).find((j) => j.key === key);
  const nodes = async () => (await db.driver.query<{ id: string }>('SELECT id FROM engine_node ORDER BY id')).map((n) => n.id);
  const startInstances = async (via: EmbeddedEngine, count: number) => {
    for (let i = 0; i < count; i++) {
      await via.startInstance({ bpmnProcessId: 'contract-service-task', businessKey: `KB-${i}`, variables: { dead: 1, injured: 0 } });
    }
  };
  const activateOne = async (via: EmbeddedEngine, worker: string) =>
    (await via.activateJobs({ type: 'contract.grade', maxJobs: 1, timeoutMs: HOUR, worker }))[0]!;

  beforeAll(async () => void (db = await createTestDatabase()));
  afterAll(() => db?.close());
  beforeEach(() => void (now = Date.parse('2026-12-01T08:00:00Z')));
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.close()));
    await db.driver.query('TRUNCATE engine_instance, engine_node CASCADE');
    expect(errors.splice(0)).toEqual([]);
  });

  it('releases the locks of a node whose heartbeat went stale, and only once it is stale', async () => {
    // given: a node that will die and a node whose handler is slow, each holding a job locked for an hour
    const dying = engine();
    const slow = engine();
    const observer = engine();
    await dying.deploy([bpmn]);
    await startInstances(dying, 2);
    const lost = await activateOne(dying, 'dying');
    const held = await activateOne(slow, 'slow');
    expect(await job(lost.key)).toMatchObject({ state: 'activated', lock_owner: dying.nodeId });
    expect(await job(held.key)).toMatchObject({ state: 'activated', lock_owner: slow.nodeId });

    // when: the dying node stops beating; the others beat every second (the slow one's handler still runs)
    const beatFor = async (ms: number) => {
      for (let t = 0; t < ms; t += 1_000) {
        now += 1_000;
        await Promise.all([slow.heartbeat(), observer.heartbeat()]);
      }
    };
    await beatFor(4_000);
    const early = await observer.processDue();
    await beatFor(2_000);
    const late = await observer.processDue();

    // then: nothing was released while its last heartbeat was younger than the node timeout
    expect(early).toMatchObject({ deadNodes: 0, jobsReleased: 0 });
    // after it: the dead node's job is activatable again and its row is gone; the slow node keeps its lock
    expect(late).toMatchObject({ deadNodes: 1, jobsReleased: 1 });
    expect(await job(lost.key)).toMatchObject({ state: 'activatable', worker: null, lock_owner: null });
    expect(await job(held.key)).toMatchObject({ state: 'activated', worker: 'slow', lock_owner: slow.nodeId });
    expect(await nodes()).toEqual([slow.nodeId, observer.nodeId].sort());

    // and the job goes on in a live node, while the slow handler finishes its own job undisturbed
    const again = await activateOne(observer, 'observer');
    expect(again.key).toBe(lost.key);
    await observer.completeJob(again.key, { result: { level: 'II' } });
    await slow.completeJob(held.key, { result: { level: 'II' } });
    expect((await jobs()).map((j) => j.state)).toEqual(['completed', 'completed']);
  });

  it('never takes a lock from a live node, however long its handler runs (until the lock deadline)', async () => {
    // given
    const slow = engine();
    const observer = engine();
    await slow.deploy([bpmn]);
    await startInstances(slow, 1);
    const held = await activateOne(slow, 'slow');

    // when: two minutes pass, both beating every 4 s (just within the timeout), the observer looking for dead nodes all along
    for (let t = 0; t < 2 * 60_000; t += 4_000) {
      now += 4_000;
      await Promise.all([slow.heartbeat(), observer.heartbeat()]);
      expect(await observer.processDue()).toMatchObject({ deadNodes: 0, jobsReleased: 0 });
    }

    // then: still the slow node's; its lock ends at its deadline as before (the job timeout, as on Zeebe)
    expect(await job(held.key)).toMatchObject({ state: 'activated', lock_owner: slow.nodeId });
    now += HOUR;
    await slow.heartbeat();
    expect(await observer.processDue()).toMatchObject({ deadNodes: 0, jobsReleased: 1 });
  });

  it.runIf(currentProcessScope() !== null)('a node of this process scope whose process is gone is dead at once, however fresh its heartbeat', async () => {
    // given: a node holding a job whose process has exited (as after kill -9), its heartbeat a moment old; a
    // node of another scope (another host, say) whose pid does not exist here, just as fresh
    const killed = engine();
    const elsewhere = engine({ node: { processScope: 'another-boot/pid:[1]' } });
    await killed.deploy([bpmn]);
    await startInstances(killed, 2);
    const lost = await activateOne(killed, 'killed');
    const remote = await activateOne(elsewhere, 'elsewhere');
    const gonePid = spawnSync(process.execPath, ['-e', '']).pid;
    await db.driver.query('UPDATE engine_node SET pid = $1 WHERE id IN ($2, $3)', [gonePid, killed.nodeId, elsewhere.nodeId]);

    // when: the process starts again and makes its first pass (not joined here, so that no pass runs in the background), no time having passed
    const restarted = engine({ join: false });
    const first = await restarted.processDue();

    // then: the gone process's locks are free at once; the other scope's node waits for its heartbeat timeout
    expect(first).toMatchObject({ deadNodes: 1, jobsReleased: 1 });
    expect(await job(lost.key)).toMatchObject({ state: 'activatable', lock_owner: null });
    expect(await job(remote.key)).toMatchObject({ state: 'activated', lock_owner: elsewhere.nodeId });
    expect(await nodes()).toEqual([elsewhere.nodeId]);
    // and only the first pass looks (the check is for a restart; later deaths wait for the heartbeat timeout)
    await db.driver.query('UPDATE engine_node SET process_scope = $1 WHERE id = $2', [currentProcessScope(), elsewhere.nodeId]);
    expect(await restarted.processDue()).toMatchObject({ deadNodes: 0, jobsReleased: 0 });
  });

  it('a node that leaves cleanly releases the locks it still holds at once', async () => {
    // given
    const leaving = engine();
    const staying = engine();
    await leaving.deploy([bpmn]);
    await startInstances(leaving, 1);
    const held = await activateOne(leaving, 'leaving');

    // when
    await leaving.close();
    engines.splice(engines.indexOf(leaving), 1);

    // then
    expect(await job(held.key)).toMatchObject({ state: 'activatable', lock_owner: null });
    expect(await nodes()).toEqual([staying.nodeId]);
    expect((await activateOne(staying, 'staying')).key).toBe(held.key);
  });

  it('a node taken for dead while alive joins again with its next heartbeat', async () => {
    // given: a node stalled for longer than the timeout
    const stalled = engine();
    const observer = engine();
    await stalled.heartbeat();
    now += NODE_TIMEOUT_MS + 1;
    await observer.heartbeat();
    expect(await observer.processDue()).toMatchObject({ deadNodes: 1 });

    // when
    await stalled.heartbeat();

    // then: it is a node again, and the jobs it locks from now on name it
    expect(await nodes()).toEqual([stalled.nodeId, observer.nodeId].sort());
    await stalled.deploy([bpmn]);
    await startInstances(stalled, 1);
    expect((await activateOne(stalled, 'stalled')).key).toBeDefined();
    expect((await jobs())[0]).toMatchObject({ state: 'activated', lock_owner: stalled.nodeId });
  });

  it('an engine that never joined locks jobs without an owner: only their deadline releases them', async () => {
    // given
    const unjoined = engine({ join: false });
    const observer = engine();
    await unjoined.deploy([bpmn]);
    await startInstances(unjoined, 1);
    const held = await activateOne(unjoined, 'unjoined');

    // when: much longer than the node timeout passes
    now += 10 * NODE_TIMEOUT_MS;
    await observer.heartbeat();

    // then
    expect(await observer.processDue()).toMatchObject({ deadNodes: 0, jobsReleased: 0 });
    expect(await job(held.key)).toMatchObject({ state: 'activated', lock_owner: null });
    expect(await nodes()).toEqual([observer.nodeId]);
  });
});
