/**
 * The server the recovery benchmark kills: kuaibao's server (API, embedded engine, workers) on the
 * scratch database of KUAIBAO_SCRATCH_DATABASE, plus bench/recovery.bpmn and a worker for its job.
 * Prints JSON lines: `serving` (with url), `loaded`, `open-jobs`, `locks-released` (no job locked by another,
 * i.e. the killed, process's node), `progressed` (no job of the benchmark open).
 *
 * bench/recovery.ts builds it (api/scripts/build-server.ts) and runs it as `npm start` runs the server, on node:
 *   node dist/…/recovery-child.mjs [--load 10000 --mid-job 500]   (or, unbuilt: node --import tsx bench/lib/recovery-child.ts …)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '@kuaibao/db';
import { complete, EmbeddedEngine } from '@kuaibao/engine';
import { loadConfig, startServer } from '@kuaibao/api';
import { scratchTargetFromEnv } from '../../test/support/scratch-database';
import { cloneInstance } from './clone-instances';
import { sleep } from './stats';

const fixture = (name: string) => ({ name, content: readFileSync(new URL(`../${name}`, import.meta.url), 'utf8') });
const emit = (event: string, fields: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, at: Date.now(), ...fields })}\n`);
const { values } = parseArgs({ options: { load: { type: 'string', default: '0' }, 'mid-job': { type: 'string', default: '0' } } });

async function main() {
  const db = await openDatabase(scratchTargetFromEnv());
  const server = await startServer({ db, config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 200 } });
  emit('serving', { url: server.url });
  const engine = server.deps.engine;
  await engine.deploy([fixture('idle-instances.bpmn'), fixture('recovery.bpmn')]);
  const load = Number(values.load);
  if (load > 0) {
    const midJob = Number(values['mid-job']);
    const variables = { unitId: 'lc-duty' };
    const idle = await engine.startInstance({ bpmnProcessId: 'bench-idle', businessKey: 'RECOVERY-IDLE', variables });
    const busy = await engine.startInstance({ bpmnProcessId: 'bench-recovery', businessKey: 'RECOVERY-JOB', variables });
    await cloneInstance(db, idle.key, load - midJob - 1, 1_000_000_000n);
    await cloneInstance(db, busy.key, midJob - 1, 2_000_000_000n);
    emit('loaded');
  }
  // kuaibao's worker defaults (30 s job lock), as startWorkers uses them; the handler takes 20 ms.
  engine.createWorker({ taskType: 'bench.register', handler: async () => (await sleep(20), complete({ registered: true })) });
  const self = engine instanceof EmbeddedEngine ? engine.nodeId : '';
  let locksReleased = false;
  for (let look = 0; ; look++) {
    const [open] = await db.driver.query<{ n: number; foreign: number }>(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE state = 'activated' AND lock_owner IS DISTINCT FROM $1))::int AS foreign
       FROM engine_job WHERE type = 'bench.register' AND state IN ('activatable', 'activated')`,
      [self],
    );
    if (look === 0) emit('open-jobs', { count: open!.n, locked: open!.foreign });
    if (!locksReleased && open!.foreign === 0) {
      locksReleased = true;
      emit('locks-released');
    }
    if (open!.n === 0) break;
    await sleep(100);
  }
  emit('progressed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
