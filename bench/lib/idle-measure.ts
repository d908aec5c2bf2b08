import { readFileSync } from 'node:fs';
import { createEngineStore, type Database } from '@kuaibao/db';
import { DEFAULT_HOT_INSTANCES, EmbeddedEngine } from '@kuaibao/engine';
import { KB, MB, sampleRss, settledMemory } from './memory';

export const IDLE_PROCESS_ID = 'bench-idle';
const FIXTURE = { name: 'idle-instances.bpmn', content: readFileSync(new URL('../idle-instances.bpmn', import.meta.url), 'utf8') };

export interface IdleOptions {
  instances: number;
  /** Instances started before the baseline: JIT, Prisma and database caches warm up on them. */
  warmup: number;
  /** startInstance calls in flight at once. */
  concurrency: number;
  /** Longest quiet time before each memory reading (see settledMemory); 0 when only the heap matters. */
  idleMs: number;
  onProgress?: (message: string) => void;
}

/** What 10,000 (or `instances`) instances waiting at a user task cost the engine process. */
export interface IdleResult {
  database: 'pglite' | 'postgres';
  instances: number;
  rssDeltaMb: number;
  peakRssDeltaMb: number;
  heapDeltaMb: number;
  externalDeltaMb: number;
  rssPerInstanceKb: number;
  heapPerInstanceKb: number;
  /** Average octet_length(engine_state::text) of the waiting instances. */
  stateBytesPerInstance: number;
  /** engine_instance + engine_user_task, rows and indexes, per waiting instance. */
  diskBytesPerInstance: number;
  startSeconds: number;
  instancesPerSecond: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  waitingUserTasks: number;
}

export async function measureIdleInstances(db: Database, { instances, warmup, concurrency, idleMs, onProgress = () => undefined }: IdleOptions): Promise<IdleResult> {
  // The hot instances (docs/adr/0015) are a bounded cache, not a cost per idle instance: the warm-up fills it and nothing
  // expires from it, so both readings hold it equally full. With the default 5 s expiry the baseline held fewer
  // whenever the warm-up took longer than that (a busy machine), and ~0.9 MB per missing runtime read as a cost per instance.
  const hotInstances = { max: Math.min(warmup, DEFAULT_HOT_INSTANCES.max), idleMs: 24 * 60 * 60_000 };
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), hotInstances, onError: (error) => console.error('[engine]', error) });
  await engine.deploy([FIXTURE]);
  const startMany = async (count: number, offset: number) => {
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < count; i = next++) {
        const n = offset + i;
        if (offset > 0 && i > 0 && i % 2_000 === 0) onProgress(`${i}/${count} instances started`);
        await engine.startInstance({
          bpmnProcessId: IDLE_PROCESS_ID,
          businessKey: `KB-2026-${String(n).padStart(6, '0')}`,
          variables: { unitId: `530902-${n % 17}`, title: '临翔区道路交通事故', casualties: { dead: n % 3, injured: n % 7 }, reportedBy: `user-${n % 50}` },
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  };

  await startMany(warmup, 0);
  onProgress(`${warmup} warm-up instances started; settling`);
  const before = await settledMemory(idleMs);
  const sampler = sampleRss();
  const startedAt = performance.now();
  await startMany(instances, warmup);
  const startSeconds = (performance.now() - startedAt) / 1000;
  const peakRss = sampler.stop();
  onProgress(`${instances} instances started in ${startSeconds.toFixed(1)} s; settling`);
  const after = await settledMemory(idleMs);

  const [tasks] = await db.driver.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM engine_user_task t JOIN engine_instance i ON i.key = t.instance_key
     WHERE t.state = 'created' AND t.element_id = 'verify' AND i.state = 'active' AND i.bpmn_process_id = $1`,
    [IDLE_PROCESS_ID],
  );
  const [stored] = await db.driver.query<{ state: number; disk: number }>(
    `SELECT avg(octet_length(engine_state::text))::float AS state,
            (pg_total_relation_size('engine_instance') + pg_total_relation_size('engine_user_task'))::float / count(*) AS disk
     FROM engine_instance WHERE state = 'active'`,
  );
  await engine.close();

  const waitingUserTasks = tasks!.n;
  if (waitingUserTasks !== instances + warmup) {
    throw new Error(`Expected ${instances + warmup} waiting user tasks, found ${waitingUserTasks}`);
  }
  return {
    database: db.kind,
    instances,
    rssDeltaMb: (after.rss - before.rss) / MB,
    peakRssDeltaMb: (peakRss - before.rss) / MB,
    heapDeltaMb: (after.heapUsed - before.heapUsed) / MB,
    externalDeltaMb: (after.external - before.external) / MB,
    rssPerInstanceKb: (after.rss - before.rss) / KB / instances,
    heapPerInstanceKb: (after.heapUsed - before.heapUsed) / KB / instances,
    stateBytesPerInstance: stored!.state,
    diskBytesPerInstance: stored!.disk,
    startSeconds,
    instancesPerSecond: instances / startSeconds,
    rssBeforeMb: before.rss / MB,
    rssAfterMb: after.rss / MB,
    waitingUserTasks,
  };
}
