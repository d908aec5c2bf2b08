/**
 * `npm run bench -- monitor [--running 10000] [--finished 1000000] [--requests 100] [--before-requests 24]`
 * 流程监控's search (docs/adr/0040, 0045) with `running` running and `finished` finished reports (fixture loader, not the
 * engine): p95 of GET /api/admin/monitor/search over HTTP as the 系统管理员, across a mix of searches and filters, and
 * of the same searches straight on the repository — after (the read model `monitor_report`) and before (0040's
 * statement over the business tables, `createMonitorBaseline`) side by side on the same data, with the load average;
 * the dashboard likewise (the read model, docs/adr/0059, against 0040's statements).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createMonitorBaseline, createMonitorRepository, maintainPglite, type Database } from '@kuaibao/db';
import { monitorSearchQuerySchema } from '@kuaibao/domain';
import type { RunningServer } from '@kuaibao/api';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { loadMonitorFixture } from './lib/monitor-fixture';
import { SEARCHES } from './monitor-searches';
import { emitResult, summarize, timeEach } from './lib/stats';

const { values } = parseArgs({ options: { running: { type: 'string', default: '10000' }, finished: { type: 'string', default: '1000000' }, requests: { type: 'string', default: '100' }, 'before-requests': { type: 'string', default: '24' } } });
const log = (message: string) => process.stderr.write(`[monitor] ${message}\n`);


async function main(server: RunningServer, db: Database) {
  const fixture = { running: Number(values.running), finished: Number(values.finished) };
  log(`loading ${fixture.running} running + ${fixture.finished} finished reports on ${db.kind}`);
  const loadStarted = performance.now();
  await loadMonitorFixture(db, fixture);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`loaded in ${loadSeconds.toFixed(1)} s`);
  const [model] = await db.driver.query<{ n: number }>("SELECT count(*)::int AS n FROM monitor_report WHERE report_id LIKE 'bm-%'");
  if (model?.n !== fixture.running) throw new Error(`monitor_report holds ${model?.n} bench rows, not the ${fixture.running} running reports: the triggers missed some`);
  // the server's PGlite maintenance pass (every minute) vacuums monitor_report; after a bulk load, run it now (ADR 0059)
  await maintainPglite(db);
  const loadBefore = os.loadavg()[0]!;

  const admin = await login(server.url, 'admin');
  const requests = Number(values.requests);
  const path = (i: number) => `/api/admin/monitor/search?${SEARCHES[i % SEARCHES.length]}`;
  await timeEach(SEARCHES.length, (i) => admin.get(path(i)));
  const http = await timeEach(requests, async (i) => {
    const response = await admin.get(path(i));
    if (response.status !== 200) throw new Error(`GET ${path(i)}: ${response.status} ${JSON.stringify(response.body)}`);
  });
  const found = await Promise.all(SEARCHES.map(async (s) => (await admin.get(`/api/admin/monitor/search?${s}`)).body.total as number));
  // over HTTP before the repository's timings: a keep-alive socket left idle through them is closed under the client
  const dashboard = await timeEach(10, () => admin.get('/api/admin/monitor/dashboard'));

  const monitor = createMonitorRepository(db.prisma);
  const queries = SEARCHES.map((s) => monitorSearchQuerySchema.parse(Object.fromEntries(new URLSearchParams(s))));
  const search = (i: number) => monitor.search(queries[i % queries.length]!, new Date());
  await timeEach(SEARCHES.length, search);
  const database = await timeEach(requests, search);
  // before: 0040's statement on the same rows (fewer requests: each takes seconds)
  const baseline = createMonitorBaseline(db.prisma);
  const before = await timeEach(Number(values['before-requests']), (i) => baseline.search(queries[i % queries.length]!, new Date()));
  const foundBefore = await Promise.all(queries.map(async (query) => (await baseline.search(query, new Date())).total));
  if (foundBefore.join(',') !== found.join(',')) log(`before and after found different totals: ${foundBefore.join(',')} vs ${found.join(',')}`);
  // the dashboard: the read model (docs/adr/0059) and 0040's statements over the business tables, on the same rows
  const dashboardAfter = await timeEach(10, () => monitor.dashboard(new Date()));
  const dashboardBefore = await timeEach(10, () => baseline.dashboard(new Date()));
  const [counted, countedBefore] = [await monitor.dashboard(new Date()), await baseline.dashboard(new Date())];
  if (counted.running !== countedBefore.running) log(`the dashboards count different running reports: ${countedBefore.running} before, ${counted.running} after`);

  const h = summarize(http);
  const d = summarize(database);
  const b = summarize(before);
  emitResult(`monitor — ${db.kind}`, {
    database: db.kind,
    monitor_running: fixture.running,
    monitor_finished: fixture.finished,
    fixture_load_s: loadSeconds,
    found_per_search: found.join(','),
    monitor_search_p50_ms: h.p50,
    monitor_search_p95_ms: h.p95,
    monitor_search_p95_ms_db: d.p95,
    monitor_dashboard_p95_ms: summarize(dashboard).p95,
    monitor_dashboard_p95_ms_db: summarize(dashboardAfter).p95,
    monitor_dashboard_p95_ms_db_before: summarize(dashboardBefore).p95,
    monitor_search_p50_ms_db_before: b.p50,
    monitor_search_p95_ms_db_before: b.p95,
    found_per_search_before: foundBefore.join(','),
    monitor_load_1m: Math.round(((loadBefore + os.loadavg()[0]!) / 2) * 100) / 100,
    requests,
    before_requests: before.length,
  });
}

runBenchmark(() => withBenchServer('monitor', {}, main));
