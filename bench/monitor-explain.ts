/**
 * `npx tsx bench/monitor-explain.ts [--running 10000] [--finished 20000] [--repeat 20] [--plans]` — a profile, not a
 * benchmark: 流程监控's search statements on this database (PGlite in memory unless DATABASE_URL), timed three ways —
 * the statement on the driver, the same through Prisma, and the repository's whole search — in stages, each adding one
 * change to the one before, so each change's effect is read side by side in one run (docs/adr/0059):
 * `as loaded` (the triggers' updates left dead rows), `vacuumed` (VACUUM monitor_report, what the PGlite maintenance
 * pass does), `quiet` (client_min_messages and log_min_messages at warning: PGlite starts at debug3 / debug1),
 * `debug again` (back to PGlite's levels: whether `quiet` was more than the noise), `seqscan` (enable_seqscan on: PGlite
 * starts with it off); then the dashboard, read model against 0040's statements. `--plans` prints EXPLAIN ANALYZE of each.
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import { createMonitorBaseline, createMonitorRepository, monitorDashboardStatement, monitorSearchStatements, type Database } from '@kuaibao/db';
import { monitorSearchQuerySchema } from '@kuaibao/domain';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { loadMonitorFixture } from './lib/monitor-fixture';
import { SEARCHES } from './monitor-searches';
import { summarize, timeEach } from './lib/stats';

const { values } = parseArgs({ options: { running: { type: 'string', default: '10000' }, finished: { type: 'string', default: '20000' }, repeat: { type: 'string', default: '20' }, plans: { type: 'boolean', default: false } } });
const out = (line: string) => process.stdout.write(`${line}\n`);
const STAGES: [string, string[]][] = [
  ['as loaded', []],
  ['vacuumed', ['VACUUM monitor_report']],
  ['quiet', ['SET client_min_messages = warning', 'SET log_min_messages = warning']],
  ['debug again', ['SET client_min_messages = debug3', 'SET log_min_messages = debug1']],
  ['seqscan', ['SET enable_seqscan = on']],
];

async function profile(db: Database, stage: string) {
  const monitor = createMonitorRepository(db.prisma);
  const repeat = Number(values.repeat);
  const all: number[] = [];
  out(`\n# ${stage} (load ${os.loadavg()[0]!.toFixed(2)})`);
  out('| search | buffers | execution ms | driver p50 | prisma p50 | search p50 | search p95 |\n|---|---|---|---|---|---|---|');
  for (const search of SEARCHES) {
    const query = monitorSearchQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
    const { page } = monitorSearchStatements(query, new Date());
    // the plan's buffers (pages read) do not depend on the machine's load; its times do
    const plan = (await db.driver.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${page.text}`, page.values)).map((r) => r['QUERY PLAN']);
    const buffers = plan.find((line) => line.includes('Buffers: shared hit='))?.match(/hit=(\d+)/)?.[1] ?? '?';
    const execution = plan.find((line) => line.startsWith('Execution Time'))?.match(/([\d.]+) ms/)?.[1] ?? '?';
    const driver = summarize(await timeEach(repeat, () => db.driver.query(page.text, page.values)));
    const prisma = summarize(await timeEach(repeat, () => db.prisma.$queryRaw(page)));
    const samples = await timeEach(repeat, () => monitor.search(query, new Date()));
    all.push(...samples);
    const whole = summarize(samples);
    out(`| ${decodeURIComponent(search) || '(default page)'} | ${buffers} | ${execution} | ${driver.p50.toFixed(1)} | ${prisma.p50.toFixed(1)} | ${whole.p50.toFixed(1)} | ${whole.p95.toFixed(1)} |`);
    if (values.plans) for (const line of plan) out(`    ${line}`);
  }
  const overall = summarize(all);
  out(`all searches: p50 ${overall.p50.toFixed(1)} ms, p95 ${overall.p95.toFixed(1)} ms`);
  const statement = monitorDashboardStatement(new Date());
  const plan = (await db.driver.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values)).map((r) => r['QUERY PLAN']);
  const after = summarize(await timeEach(repeat, () => monitor.dashboard(new Date())));
  const before = summarize(await timeEach(repeat, () => createMonitorBaseline(db.prisma).dashboard(new Date())));
  out(`dashboard: read model p50 ${after.p50.toFixed(1)} / p95 ${after.p95.toFixed(1)} ms; business tables (0040) p50 ${before.p50.toFixed(1)} / p95 ${before.p95.toFixed(1)} ms`);
  if (values.plans) for (const line of plan) out(`    ${line}`);
  else out(`    ${plan.filter((line) => /Execution Time|Buffers: shared/.test(line)).slice(0, 1).concat(plan.filter((line) => line.startsWith('Execution'))).join(' · ')}`);
}

async function main(db: Database) {
  await loadMonitorFixture(db, { running: Number(values.running), finished: Number(values.finished) });
  out(`${db.kind}, ${values.running} running + ${values.finished} finished`);
  for (const [stage, statements] of STAGES) {
    for (const statement of statements) await db.driver.query(statement);
    await profile(db, stage);
  }
}

runBenchmark(() => withBenchServer('monitor_explain', {}, (_server, db) => main(db)));
