import { describe, expect, it } from 'vitest';
import type { IdleResult } from '../../bench/lib/idle-measure';
import { spawnTsx } from '../support/json-lines-child';

const INSTANCES = 500;
/** Far below what a live bpmn-engine instance holds (~0.9 MB): only an evicted instance fits (500 live ones would add ~450 MB). */
const MAX_HEAP_PER_INSTANCE_KB = 20;

describe('idle instances on embedded', () => {
  it(`keeps ${INSTANCES} instances waiting at a user task in the database, not in the heap`, async () => {
    // given: a fresh process with an exposed GC (the idle-instances benchmark, on PGlite or DATABASE_URL)
    const child = spawnTsx('bench/idle-instances.ts', {
      nodeFlags: ['--expose-gc'],
      args: ['--instances', String(INSTANCES), '--warmup', '200', '--idle-ms', '0', '--pglite', 'memory', '--json'],
    });

    // when
    const exit = await child.exited;

    // then
    expect(exit, child.stderr()).toEqual({ code: 0, signal: null });
    const result = child.events.at(-1) as unknown as IdleResult;
    expect(result.waitingUserTasks).toBe(INSTANCES + 200);
    expect(result.heapPerInstanceKb).toBeLessThan(MAX_HEAP_PER_INSTANCE_KB);
    console.log(`[idle-memory] ${INSTANCES} idle instances on ${result.database}: heap +${result.heapDeltaMb.toFixed(2)} MB (${result.heapPerInstanceKb.toFixed(3)} KB/instance)`);
  }, 240_000);
});
