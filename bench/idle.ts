/**
 * `npm run bench -- idle [--levels 10000,100000] [--warmup 300] [--idle-ms 12000]`
 * RSS per instance waiting at a user task, at each level, and persisted state per instance.
 * PostgreSQL (a scratch schema) when DATABASE_URL is set, else PGlite in memory, inside this process:
 * there PGlite's buffers count in the RSS too. Needs `node --expose-gc` (bench/run.ts passes it).
 * bench/idle-instances.ts measures the same with every instance started through the engine (slower).
 */
import { parseArgs } from 'node:util';
import { openBenchDatabase } from './lib/bench-database';
import { measureIdleLevels } from './lib/idle-levels';
import { emitResult } from './lib/stats';

const { values } = parseArgs({
  options: { levels: { type: 'string', default: '10000,100000' }, warmup: { type: 'string', default: '300' }, 'idle-ms': { type: 'string', default: '12000' } },
});

async function main() {
  const { db, drop } = await openBenchDatabase('idle');
  try {
    const levels = values.levels.split(',').map(Number);
    const r = await measureIdleLevels(db, {
      warmup: Number(values.warmup),
      levels,
      idleMs: Number(values['idle-ms']),
      onProgress: (message) => process.stderr.write(`[idle ${db.kind}] ${message}\n`),
    });
    const perLevel = Object.fromEntries(
      r.levels.flatMap((l) => [
        [`idle_instance_ram_kb_${l.instances}`, l.rssPerInstanceKb],
        [`idle_instance_heap_kb_${l.instances}`, l.heapPerInstanceKb],
      ]),
    );
    emitResult(`idle instances — ${db.kind}`, {
      database: db.kind,
      idle_instance_ram_kb: Math.max(...r.levels.map((l) => l.rssPerInstanceKb)),
      ...perLevel,
      persisted_state_kb: r.stateBytes / 1024,
      on_disk_kb_per_instance: r.diskBytes / 1024,
      waiting_instances: r.active,
      baseline_rss_mb: r.baselineRssMb,
      final_rss_mb: r.levels.at(-1)!.rssMb,
      engine_start_rate_per_s: r.instancesPerSecond,
    });
  } finally {
    await drop().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
