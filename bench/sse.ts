/**
 * `npm run bench -- sse [--clients 500] [--tasks 100] [--gap-ms 100] [--open 10000]`
 * `clients` browsers hold GET /api/events open (as one duty leader, who is in the tasks' candidate
 * group); the engine creates `tasks` user tasks, one every `gap-ms`; each latency is from the commit
 * of the step that created the task to its `task.created` event arriving at one client.
 * `open` user tasks of other offices wait meanwhile (loaded by the inbox fixture, not through the engine),
 * as in a province's database: announcing a new task must not cost a read of every open one.
 * Server and clients share this process (and its two cores with everything else).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RunningServer } from '@kuaibao/api';
import type { Database } from '@kuaibao/db';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { loadInboxFixture } from './lib/inbox-fixture';
import { openTimedStream } from './lib/sse-client';
import { emitResult, sleep, summarize } from './lib/stats';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '500' }, tasks: { type: 'string', default: '100' }, 'gap-ms': { type: 'string', default: '100' },
    open: { type: 'string', default: '10000' } },
});
const FIXTURE = { name: 'idle-instances.bpmn', content: readFileSync(new URL('./idle-instances.bpmn', import.meta.url), 'utf8') };
const log = (message: string) => process.stderr.write(`[sse] ${message}\n`);

async function main(server: RunningServer, db: Database) {
  const engine = server.deps.engine;
  const open = Number(values.open);
  // No open task of the fixture is in the measured user's groups (share beyond the count).
  if (open > 0) await loadInboxFixture(db, { open, completed: 0, share: open + 1 });
  log(`${open} other open tasks loaded on ${db.kind}`);
  await engine.deploy([FIXTURE]);
  // lc_duty_leader holds unit:lc-duty:leader, one of the candidate groups of the fixture's task.
  const user = await login(server.url, 'lc_duty_leader');
  const clientCount = Number(values.clients);
  const streams = [];
  for (let i = 0; i < clientCount; i++) streams.push(await openTimedStream(server.url, user.cookie));
  log(`${clientCount} event streams open on ${db.kind}`);
  await sleep(1_500);

  const committedAt = new Map<string, number>();
  const taskCount = Number(values.tasks);
  for (let i = 0; i < taskCount; i++) {
    const instance = await engine.startInstance({ bpmnProcessId: 'bench-idle', businessKey: `SSE-${i}`, variables: { unitId: 'lc-duty' } });
    const at = performance.now();
    const [task] = await engine.searchUserTasks({ instanceKey: instance.key, state: 'created' });
    committedAt.set(task!.key, at);
    await sleep(Number(values['gap-ms']));
  }
  await sleep(3_000);

  const latencies: number[] = [];
  let missed = 0;
  for (const stream of streams) {
    for (const [key, at] of committedAt) {
      const arrived = stream.arrivals.get(key);
      if (arrived === undefined) missed++;
      else latencies.push(arrived - at);
    }
    stream.close();
  }
  const s = summarize(latencies);
  emitResult(`sse — ${db.kind}`, {
    database: db.kind,
    clients: clientCount,
    other_open_tasks: open,
    tasks: taskCount,
    sse_p50_ms: s.p50,
    sse_p95_ms: s.p95,
    sse_p99_ms: s.p99,
    deliveries: s.samples,
    missed,
  });
}

runBenchmark(() => withBenchServer('sse', {}, main));
