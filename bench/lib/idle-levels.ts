import { readFileSync } from 'node:fs';
import { createEngineStore, type Database } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import { cloneInstance } from './clone-instances';
import { IDLE_PROCESS_ID } from './idle-measure';
import { KB, settledMemory, type MemorySnapshot } from './memory';

const FIXTURE = { name: 'idle-instances.bpmn', content: readFileSync(new URL('../idle-instances.bpmn', import.meta.url), 'utf8') };

export interface IdleLevelOptions {
  /** Instances started through the engine before the baseline (JIT, Prisma and database caches warm up on them). */
  warmup: number;
  /** Waiting instances at which RSS is read, ascending, e.g. [10000, 100000]. */
  levels: number[];
  /** Longest quiet time before each memory reading (see settledMemory). */
  idleMs: number;
  onProgress?: (message: string) => void;
}

export interface IdleLevel {
  instances: number;
  rssPerInstanceKb: number;
  heapPerInstanceKb: number;
  rssMb: number;
}

/**
 * What instances waiting at a user task cost the engine process (state lives in the database):
 * RSS after a full GC and a quiet spell, at each level, minus the baseline after the warm-up.
 * The warm-up instances are started through the engine; the rest are copies of one of them loaded by
 * SQL (cloneInstance), since 100,000 steps would not fit the suite's time. Before each reading the
 * engine completes 50 copied tasks and starts 50 instances, so the figures are of a working engine.
 */
export async function measureIdleLevels(db: Database, { warmup, levels, idleMs, onProgress = () => undefined }: IdleLevelOptions) {
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: (error) => console.error('[engine]', error) });
  await engine.deploy([FIXTURE]);
  let started = 0;
  const start = async (count: number) => {
    for (let i = 0; i < count; i++, started++) {
      await engine.startInstance({
        bpmnProcessId: IDLE_PROCESS_ID,
        businessKey: `KB-2026-${String(started).padStart(6, '0')}`,
        variables: { unitId: `530902-${started % 17}`, title: '临翔区道路交通事故', casualties: { dead: started % 3, injured: started % 7 }, reportedBy: `user-${started % 50}` },
      });
    }
  };
  const startedAt = performance.now();
  await start(warmup);
  const instancesPerSecond = warmup / ((performance.now() - startedAt) / 1000);
  const [template] = await engine.findInstances({ bpmnProcessId: IDLE_PROCESS_ID, state: 'active', limit: 1 });
  onProgress(`${warmup} instances started through the engine (${instancesPerSecond.toFixed(1)}/s); settling`);
  const baseline = await settledMemory(idleMs);

  const results: IdleLevel[] = [];
  let waiting = warmup;
  let cloned = 0;
  for (const level of levels) {
    const copies = level - waiting - 50;
    await cloneInstance(db, template!.key, copies, BigInt(1_000_000_000) + BigInt(cloned));
    cloned += copies;
    await start(50);
    const tasks = await db.driver.query<{ key: string }>(
      `SELECT key::text AS key FROM engine_user_task WHERE state = 'created' AND key < 2000000000 ORDER BY random() LIMIT 50`,
    );
    for (const task of tasks) await engine.completeUserTask(task.key, { verified: true });
    await start(50);
    waiting = level;
    onProgress(`${level} waiting instances (${cloned} loaded by SQL); settling`);
    const memory: MemorySnapshot = await settledMemory(idleMs);
    results.push({
      instances: level,
      rssPerInstanceKb: (memory.rss - baseline.rss) / KB / level,
      heapPerInstanceKb: (memory.heapUsed - baseline.heapUsed) / KB / level,
      rssMb: memory.rss / KB / KB,
    });
  }
  const [stored] = await db.driver.query<{ state: number; disk: number; active: number }>(
    `SELECT avg(octet_length(engine_state::text))::float AS state, count(*)::int AS active,
            (pg_total_relation_size('engine_instance') + pg_total_relation_size('engine_user_task'))::float / count(*) AS disk
     FROM engine_instance WHERE state = 'active'`,
  );
  await engine.close();
  return { baselineRssMb: baseline.rss / KB / KB, instancesPerSecond, levels: results, stateBytes: stored!.state, diskBytes: stored!.disk, active: stored!.active };
}
