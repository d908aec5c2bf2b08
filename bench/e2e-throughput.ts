/**
 * `npm run bench -- e2e [--seconds 60] [--users 8] [--wait events|poll] [--poll-ms 25]`
 * Reports through the whole default flow over HTTP (every human step by its user), sustained; the same BPMN on bare
 * bpmn-engine for the ratio; then step latency (task completed → next task shown in its user's inbox) at half the
 * measured throughput. A user learns of the next task as the web app does (`--wait events`): each user's event stream
 * (`GET /api/events`) says a task was created and the client reads its inbox then. `--wait poll`: the clients read
 * their inboxes every `poll-ms` instead (the figures before 2026-12-07; at 25 ms, 8 chains' reads were most of the CPU).
 * PGlite in memory by default, PostgreSQL (a scratch schema) when DATABASE_URL is set.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RunningServer } from '@kuaibao/api';
import { installStatementCounter, statementCounts, statementsByText, timePGliteStatements, type Database } from '@kuaibao/db';
import { loginAll, runOneReport, watchAll, type FlowStats, type NextTaskWait } from './lib/http-flow';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { rawEngineThroughput } from './lib/raw-engine';
import { applicationName, serverCpuDelta, serverCpuMs, withApplicationName } from './lib/server-cpu';
import { printStatements, printStatementTimes } from './lib/statement-report';
import { emitResult, summarize } from './lib/stats';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    users: { type: 'string', default: '8' },
    wait: { type: 'string', default: 'events' },
    'poll-ms': { type: 'string', default: '25' },
    /**
     * Print the statements of the sustained phase by the start of their text, per report, and the calls of the schema's
     * PL/pgSQL functions (the read models' triggers) per report: on PGlite always, on PostgreSQL when its
     * `track_functions` is 'pl' or 'all' (e.g. `ALTER DATABASE … SET track_functions = 'pl'`; a backend flushes its
     * counts about once a second, so the figure is within a few per cent). On PGlite also the time inside its
     * WebAssembly per report by statement (packages/db/src/pglite-statement-time.ts).
     */
    statements: { type: 'boolean', default: false },
  },
});
/** With `--wait poll`: how often a client reads its inbox for the next task at full speed (5 ms when pacing for latency). */
const pollMs = Number(values['poll-ms']);
if (values.wait !== 'events' && values.wait !== 'poll') throw new Error(`--wait: events or poll, not ${values.wait}`);
const seconds = Number(values.seconds);
const users = Number(values.users);
const name = applicationName('e2e');
if (process.env.DATABASE_URL) process.env.DATABASE_URL = withApplicationName(process.env.DATABASE_URL, name);

/** On PGlite (no DATABASE_URL), installed before the server opens its database, so that every statement's text is known from its Parse. */
const timer = values.statements && !process.env.DATABASE_URL ? await timePGliteStatements() : null;

async function main(server: RunningServer, db: Database) {
  const clients = await loginAll(server.url);
  const watches = values.wait === 'events' ? await watchAll(server.url, clients) : null;
  const wait = (ms: number): NextTaskWait => (watches ? { watches } : { pollMs: ms });
  const log = (message: string) => process.stderr.write(`[e2e] ${message}\n`);

  // Phase 1: sustained maximum throughput with `users` concurrent report chains.
  log(`max throughput: ${users} concurrent chains for ${seconds} s on ${db.kind}`);
  const max: FlowStats = { reports: 0, errors: 0, stepLatenciesMs: [] };
  const until = performance.now() + seconds * 1000;
  const cpuBefore = process.cpuUsage();
  const serverBefore = await serverCpuMs(db, name);
  if (values.statements && db.kind === 'pglite') await db.driver.query(`SET track_functions = 'pl'`);
  const timesBefore = timer?.read();
  const functionsBefore = values.statements ? await functionCalls(db) : null;
  const countsBefore = statementCounts();
  const textsBefore = statementsByText();
  await Promise.all(Array.from({ length: users }, async () => {
    while (performance.now() < until) await runOneReport(clients, max, wait(pollMs));
  }));
  const reportsPerSecond = max.reports / seconds;
  const countsAfter = statementCounts();
  if (values.statements) printStatements('e2e', textsBefore, statementsByText(), max.reports);
  if (functionsBefore) printStatements('e2e fn', functionsBefore, await functionCalls(db), max.reports);
  if (timer && timesBefore) printStatementTimes('e2e wasm', timesBefore, timer.read(), max.reports);
  // CPU time of this process (server, engine, workers, PGlite and the clients) per report: steadier than rates on a busy machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerReport = (cpu.user + cpu.system) / 1000 / Math.max(1, max.reports);
  // Plus the PostgreSQL backends serving this process (none on PGlite, which runs inside it).
  const cpuMsPerReportTotal = cpuMsPerReport + serverCpuDelta(serverBefore, await serverCpuMs(db, name)) / Math.max(1, max.reports);

  // Phase 2: step latency at half that rate (paced submissions), for a third of the time.
  const halfRate = Math.max(0.2, reportsPerSecond / 2);
  const paced: FlowStats = { reports: 0, errors: 0, stepLatenciesMs: [], stepLatenciesByKind: {} };
  const pacedSeconds = Math.max(10, Math.round(seconds / 3));
  log(`step latency at ${halfRate.toFixed(2)} reports/s for ${pacedSeconds} s`);
  const running: Promise<void>[] = [];
  for (let i = 0; i < Math.floor(halfRate * pacedSeconds); i++) {
    running.push(runOneReport(clients, paced, wait(5)));
    await new Promise((r) => setTimeout(r, 1000 / halfRate));
  }
  await Promise.all(running);
  const latency = summarize(paced.stepLatenciesMs);
  for (const [kind, samples] of Object.entries(paced.stepLatenciesByKind ?? {})) {
    const { p50, p95, p99 } = summarize(samples);
    log(`  until ${kind}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${samples.length})`);
  }

  // The same BPMN on bare bpmn-engine, in memory.
  const source = readFileSync(new URL('../processes/incident-report.bpmn', import.meta.url), 'utf8');
  log('raw bpmn-engine, same BPMN, in memory');
  const raw = await rawEngineThroughput(source, Math.min(15, seconds), users);

  for (const watch of Object.values(watches ?? {})) watch.close();

  const result = {
    database: db.kind,
    wait: values.wait,
    seconds,
    users,
    e2e_reports_per_s: reportsPerSecond,
    e2e_errors: max.errors + paced.errors,
    cpu_ms_per_report: cpuMsPerReport,
    cpu_ms_per_report_total: cpuMsPerReportTotal,
    statements_per_report: (countsAfter.statements - countsBefore.statements) / Math.max(1, max.reports),
    transactions_per_report: (countsAfter.transactions - countsBefore.transactions) / Math.max(1, max.reports),
    raw_bpmn_engine_instances_per_s: raw,
    ratio_vs_raw_bpmn_engine: reportsPerSecond / raw,
    step_latency_rate_per_s: halfRate,
    step_latency_p50_ms: latency.p50,
    step_latency_p95_ms: latency.p95,
    step_latency_p99_ms: latency.p99,
    step_latency_samples: latency.samples,
  };
  emitResult(`e2e throughput — ${db.kind}`, result);
}

/**
 * Calls of this schema's functions so far and the milliseconds spent in each (its own wall-clock time, not that of
 * the functions it called: their sum is the time in all of them; a busy machine inflates it), by name; none unless
 * `track_functions` counts them. The flushed counts plus those of this connection not flushed yet (PGlite, in
 * single-user mode, flushes none: all stay pending).
 */
async function functionCalls(db: Database): Promise<Map<string, number>> {
  const rows = await db.driver.query<{ name: string; calls: number; self_ms: number }>(
    `SELECT funcname::text AS name, sum(calls)::int AS calls, sum(self_time)::float8 AS self_ms
     FROM (SELECT schemaname, funcname, calls, self_time FROM pg_stat_user_functions
           UNION ALL SELECT schemaname, funcname, calls, self_time FROM pg_stat_xact_user_functions) f
     WHERE schemaname = current_schema() GROUP BY funcname`,
  );
  const calls = new Map<string, number>();
  for (const r of rows) calls.set(`${r.name} (calls)`, r.calls).set(`${r.name} (ms, own)`, r.self_ms);
  return calls.set('all functions (ms, own)', rows.reduce((sum, r) => sum + r.self_ms, 0));
}

runBenchmark(async () => {
  await installStatementCounter({ byText: values.statements });
  await withBenchServer('e2e', { ENGINE_SCHEDULER_INTERVAL_MS: 200 }, main);
});
