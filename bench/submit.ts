/**
 * `npx tsx bench/submit.ts [--seconds 20] [--submitters 2] [--statements]`
 * What one 首报 costs the server: `submitters` reporters each submit one report after another for `seconds` (the
 * embedded workers carry each on through its flow's automatic steps, up to its first human task), then the server is
 * left until it is idle again. Gives the CPU per submit (this process: server, engine, workers, PGlite, the clients;
 * plus the PostgreSQL backends serving it), the statements and transactions per submit and, with `--statements`, the
 * statements by the start of their text and the calls of the read models' functions per submit. In process, like
 * `e2e`; PGlite in memory, or PostgreSQL (a scratch schema) when DATABASE_URL is set.
 */
import { parseArgs } from 'node:util';
import type { RunningServer } from '@kuaibao/api';
import { installStatementCounter, statementCounts, statementsByText, type Database } from '@kuaibao/db';
import { firstReport, login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { applicationName, serverCpuDelta, serverCpuMs, withApplicationName } from './lib/server-cpu';
import { printStatements } from './lib/statement-report';
import { emitResult, sleep, summarize } from './lib/stats';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    submitters: { type: 'string', default: '2' },
    statements: { type: 'boolean', default: false },
  },
});
const name = applicationName('submit');
if (process.env.DATABASE_URL) process.env.DATABASE_URL = withApplicationName(process.env.DATABASE_URL, name);
const log = (message: string) => process.stderr.write(`[submit] ${message}\n`);
const cpuNowMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Waits until this process used under 5 % of a core over half a second: the flows' automatic steps are done. */
async function untilIdle(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const before = cpuNowMs();
    await sleep(500);
    if (cpuNowMs() - before < 25) return;
  }
}

async function main(server: RunningServer, db: Database) {
  const clients = await Promise.all(Array.from({ length: Number(values.submitters) }, () => login(server.url, 'lx_reporter')));
  // One round first: the plans and prepared statements of a submit's path are made once per connection.
  await Promise.all(clients.map((c) => c.request('POST', '/api/reports', firstReport({ title: '预热' }))));
  await untilIdle();
  log(`${clients.length} submitters for ${values.seconds} s on ${db.kind}`);
  const cpuBefore = cpuNowMs();
  const serverBefore = await serverCpuMs(db, name);
  const countsBefore = statementCounts();
  const textsBefore = statementsByText();
  const until = performance.now() + Number(values.seconds) * 1000;
  const times: number[] = [];
  let failures = 0;
  await Promise.all(clients.map(async (client) => {
    while (performance.now() < until) {
      const started = performance.now();
      const { status } = await client.request('POST', '/api/reports', firstReport({ title: '报送开销测试' }));
      times.push(performance.now() - started);
      if (status !== 201) failures++;
    }
  }));
  await untilIdle();
  const submits = times.length;
  const nodeMs = cpuNowMs() - cpuBefore;
  const pgMs = serverCpuDelta(serverBefore, await serverCpuMs(db, name));
  const counts = statementCounts();
  if (values.statements) printStatements('submit', textsBefore, statementsByText(), submits);
  const t = summarize(times);
  emitResult(`submit — ${db.kind}`, {
    database: db.kind,
    submits,
    failures,
    submit_p50_ms: t.p50,
    submit_p99_ms: t.p99,
    cpu_ms_per_submit: nodeMs / Math.max(1, submits),
    cpu_ms_per_submit_total: (nodeMs + pgMs) / Math.max(1, submits),
    statements_per_submit: (counts.statements - countsBefore.statements) / Math.max(1, submits),
    transactions_per_submit: (counts.transactions - countsBefore.transactions) / Math.max(1, submits),
  });
}

runBenchmark(async () => {
  await installStatementCounter({ byText: values.statements });
  await withBenchServer('submit', { ENGINE_SCHEDULER_INTERVAL_MS: 200 }, main);
});
