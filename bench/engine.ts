/**
 * `npm run bench -- engine [--reports 40] [--seconds 120] [--chains 8] [--runtimes bpmn-engine,token] [--statements]`
 * The embedded engine alone, on each runtime side by side in one run (bpmn-engine, then the token
 * executor, docs/adr/0032): the default flow's BPMN with stub handlers (each job answered with the
 * variables the flow needs, the 004 clearance published as a message) and every user task completed
 * at once; no HTTP, no handler writes. `chains` reports in flight; a report starts when one ends. Each runtime is
 * measured over `reports` completed reports (at most `seconds`), after a warm-up in which every chain finished one.
 * The figure is CPU time per report (this process, plus the PostgreSQL backends serving it):
 * the machine is shared, so rates depend on the others' load and CPU time much less.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEngineStore, installStatementCounter, statementCounts, statementsByText, type Database } from '@kuaibao/db';
import { EmbeddedEngine, type RuntimeKind, type Variables } from '@kuaibao/engine';
import { openBenchDatabase } from './lib/bench-database';
import { runBenchmark } from './lib/bench-server';
import { printStatements } from './lib/statement-report';
import { applicationName, serverCpuDelta, serverCpuMs, withApplicationName } from './lib/server-cpu';
import { emitResult, sleep } from './lib/stats';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '120' },
    chains: { type: 'string', default: '8' },
    runtimes: { type: 'string', default: 'bpmn-engine,token' },
    /** Print the statements of the measured window by the start of their text, per report. */
    statements: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const target = Number(values.reports);
const chains = Number(values.chains);
const NEVER = '9999-12-31T23:59:59Z';
const SOURCE = readFileSync(new URL('../processes/incident-report.bpmn', import.meta.url), 'utf8');
const JOB_TYPES = [...new Set([...SOURCE.matchAll(/zeebe:taskDefinition type="([^"]+)"/g)].map((m) => m[1]!))];
const name = applicationName('engine');
if (process.env.DATABASE_URL) process.env.DATABASE_URL = withApplicationName(process.env.DATABASE_URL, name);

/** What each stub handler answers: what the flow's gateways, assignments and timers read. */
function stubResult(type: string): Variables {
  if (type === 'kuaibao.report.resolve-recipients') {
    return {
      groups: { verifier: 'g:verifier', leader: 'g:leader', cityDuty: 'g:city', superiorDuty: 'g:superior', governmentDuty: 'g:government' },
      routes: { directToCityDutyOffice: false, cityApprovalBeforeSuperior: false },
    };
  }
  if (type === 'kuaibao.clock.resolve') return { clocks: { stepDueAt: NEVER, phoneDueAt: null, writtenDueAt: NEVER, reminderAt: [NEVER, NEVER, NEVER, NEVER] } };
  return {};
}

const TASK_ANSWERS: Record<string, Variables> = { verify: { verifyDecision: 'confirm' }, 'sign-off': { signOffDecision: 'approve' } };

interface RuntimeFigures {
  reports: number;
  reportsPerS: number;
  nodeCpuMsPerReport: number;
  serverCpuMsPerReport: number | null;
  statementsPerReport: number;
  transactionsPerReport: number;
}

async function measure(runtime: RuntimeKind, db: Database): Promise<RuntimeFigures> {
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), runtime, schedulerIntervalMs: 200, onError: (e) => console.error('[engine]', e) }).start();
  await engine.deploy([{ name: 'incident-report.bpmn', content: SOURCE }]);
  if (process.env.BENCH_DEBUG) process.stderr.write('[engine] deployed\n');
  const debug = { jobs: 0, tasks: 0 };
  const ticker = setInterval(() => process.env.BENCH_DEBUG && process.stderr.write(`[engine] ${JSON.stringify({ ...debug, sequence, reports })}\n`), 1000);
  let counting = false;
  let reports = 0;
  let done = 0;
  let sequence = 0;
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((e: unknown) => !stopping && console.error(e)).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };
  const startReport = async () => {
    const reportId = `R-${runtime}-${++sequence}`;
    await engine.startInstance({ bpmnProcessId: 'incident-report', businessKey: reportId, variables: { reportId } });
  };
  const workers = JOB_TYPES.map((taskType) =>
    engine.createWorker({
      taskType,
      handler: async (job) => {
        debug.jobs++;
        if (taskType === 'kuaibao.report.clear-upward') {
          await engine.publishMessage({ name: 'kuaibao.report.upward-cleared', correlationKey: String(job.variables.reportId), timeToLiveMs: 60_000 });
        }
        if (taskType === 'kuaibao.report.complete') {
          done++;
          if (counting) reports++;
          if (!stopping) track(startReport());
        }
        return { complete: true, variables: stubResult(taskType) };
      },
    }),
  );
  // User tasks: after a committed step, every open task is completed (one look per burst of steps).
  let looking = false;
  let again = false;
  const completeOpenTasks = async () => {
    if (looking) return void (again = true);
    looking = true;
    do {
      again = false;
      const tasks = await engine.searchUserTasks({ state: 'created', limit: 200 });
      debug.tasks += tasks.length;
      await Promise.all(tasks.map((task) => engine.completeUserTask(task.key, TASK_ANSWERS[task.elementId] ?? {}).catch(() => undefined)));
    } while (again);
    looking = false;
  };
  const stop = engine.onStepCommitted(() => !stopping && track(completeOpenTasks()));

  for (let i = 0; i < chains; i++) await startReport();
  // Warm-up: every chain has finished a report (models parsed, caches and JIT warm, the flow in its steady state).
  for (const until = performance.now() + 120_000; done < chains && performance.now() < until; ) await sleep(100);
  const serverBefore = await serverCpuMs(db, name);
  const cpuBefore = process.cpuUsage();
  const countsBefore = statementCounts();
  const textsBefore = statementsByText();
  counting = true;
  const windowStart = process.hrtime.bigint() / 1000n;
  const started = performance.now();
  for (const until = started + seconds * 1000; reports < target && performance.now() < until; ) await sleep(50);
  counting = false;
  // The measured window on the monotonic clock in µs, as a CPU profile's timestamps (node --cpu-prof) are.
  process.stderr.write(`[engine] window ${windowStart} ${process.hrtime.bigint() / 1000n}\n`);
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const countsAfter = statementCounts();
  const serverMs = serverCpuDelta(serverBefore, await serverCpuMs(db, name));
  if (values.statements) printStatements('engine', textsBefore, statementsByText(), reports);
  stopping = true;
  process.stderr.write(`[engine] ${runtime}: ${reports} reports; stopping\n`);
  stop();
  clearInterval(ticker);
  await Promise.all(workers.map((w) => w.close()));
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  await engine.close();
  return {
    reports,
    reportsPerS: reports / elapsedS,
    nodeCpuMsPerReport: (cpu.user + cpu.system) / 1000 / Math.max(1, reports),
    serverCpuMsPerReport: db.kind === 'postgres' ? serverMs / Math.max(1, reports) : null,
    statementsPerReport: (countsAfter.statements - countsBefore.statements) / Math.max(1, reports),
    transactionsPerReport: (countsAfter.transactions - countsBefore.transactions) / Math.max(1, reports),
  };
}

async function main() {
  await installStatementCounter({ byText: values.statements });
  const figures: Partial<Record<RuntimeKind, RuntimeFigures>> = {};
  let kind = 'pglite';
  for (const runtime of values.runtimes.split(',') as RuntimeKind[]) {
    const { db, drop } = await openBenchDatabase(`engine_${runtime.replace('-', '_')}`);
    kind = db.kind;
    process.stderr.write(`[engine] database open\n`);
    try {
      process.stderr.write(`[engine] ${runtime} on ${db.kind}: ${chains} chains, ${target} reports (at most ${seconds} s)\n`);
      figures[runtime] = await measure(runtime, db);
    } finally {
      await drop().catch(() => undefined);
    }
  }
  const total = (f: RuntimeFigures | undefined) => (f ? f.nodeCpuMsPerReport + (f.serverCpuMsPerReport ?? 0) : NaN);
  const none: RuntimeFigures = { reports: 0, reportsPerS: NaN, nodeCpuMsPerReport: NaN, serverCpuMsPerReport: null, statementsPerReport: NaN, transactionsPerReport: NaN };
  const token = figures.token ?? none;
  const bpmn = figures['bpmn-engine'] ?? none;
  emitResult(`engine alone — ${kind}`, {
    database: kind,
    reports: target,
    chains,
    engine_cpu_ms_per_report: total(token),
    engine_node_cpu_ms_per_report: token.nodeCpuMsPerReport,
    engine_server_cpu_ms_per_report: token.serverCpuMsPerReport,
    engine_reports_per_s: token.reportsPerS,
    engine_reports: token.reports,
    engine_statements_per_report: token.statementsPerReport,
    engine_transactions_per_report: token.transactionsPerReport,
    bpmn_engine_cpu_ms_per_report: total(bpmn),
    bpmn_engine_node_cpu_ms_per_report: bpmn.nodeCpuMsPerReport,
    bpmn_engine_server_cpu_ms_per_report: bpmn.serverCpuMsPerReport,
    bpmn_engine_reports_per_s: bpmn.reportsPerS,
    bpmn_engine_reports: bpmn.reports,
    bpmn_engine_statements_per_report: bpmn.statementsPerReport,
    engine_cpu_ratio_bpmn_engine_to_token: total(bpmn) / total(token),
  });
}

runBenchmark(main);
