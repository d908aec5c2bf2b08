/**
 * A process that runs the crash-recovery workload and reports on stdout, one JSON object a line:
 * `ready`, `started` (per instance), `handler-start` / `handler-done` (per job run), `task-done`,
 * `all-started`, `done`. The crash test kills it with SIGKILL part-way.
 *
 *   node --import tsx test/support/engine-child.ts --instances 40 --job-timeout-ms 2000
 *
 * The database comes from KUAIBAO_SCRATCH_DATABASE (see scratch-database.ts).
 */
import { parseArgs } from 'node:util';
import { createEngineStore, openDatabase } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import {
  CRASH_FIXTURE, CRASH_PROCESS_ID, createCrashHandlers, prepareEffects, sleep, startCrashWorkers, startReviewer,
} from './crash-workload';
import { scratchTargetFromEnv } from './scratch-database';

const emit = (event: string, fields: Record<string, unknown> = {}) => {
  // Writes to a pipe are synchronous on Linux: a line printed is a line the parent gets, even on SIGKILL.
  process.stdout.write(`${JSON.stringify({ event, at: Date.now(), ...fields })}\n`);
};

async function run() {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '40' },
      'job-timeout-ms': { type: 'string', default: '2000' },
      'handler-delay-ms': { type: 'string', default: '10,30' },
    },
  });
  const instances = Number(values.instances);
  const [minDelay = 10, maxDelay = 30] = values['handler-delay-ms'].split(',').map(Number);

  const db = await openDatabase(scratchTargetFromEnv());
  await prepareEffects(db);
  const engine = new EmbeddedEngine({
    store: createEngineStore(db.prisma),
    schedulerIntervalMs: 200,
    onError: (error) => emit('engine-error', { message: String(error) }),
  }).start();
  await engine.deploy([CRASH_FIXTURE]);
  emit('ready', { pid: process.pid });

  const handlers = createCrashHandlers({
    db,
    delayMs: [minDelay, maxDelay],
    onRun: (event, job) => emit(event, { jobKey: job.key, instanceKey: job.instanceKey, elementId: job.elementId }),
  });
  const workers = startCrashWorkers(engine, handlers, { timeoutMs: Number(values['job-timeout-ms']), name: `child-${process.pid}` });
  const reviewer = startReviewer(engine, (instanceKey) => emit('task-done', { instanceKey }));

  for (let index = 0; index < instances; index++) {
    const instance = await engine.startInstance({ bpmnProcessId: CRASH_PROCESS_ID, businessKey: `crash-${index}`, variables: { index } });
    emit('started', { index, instanceKey: instance.key });
  }
  emit('all-started');

  const countActive = async () =>
    Number((await db.driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM engine_instance WHERE state = 'active'`))[0]!.n);
  while ((await countActive()) > 0) await sleep(100);
  emit('done');

  await reviewer.stop();
  await Promise.all(workers.map((w) => w.close()));
  await engine.close();
  await db.close();
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
