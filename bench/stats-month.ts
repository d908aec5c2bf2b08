/**
 * `npm run bench -- stats_month [--incidents 100000] [--requests 40]`
 * 定期统计 (docs/adr/0050) over `incidents` incidents spread evenly over the last 365 days in 50 units, each with its
 * 首报 and two clocks (a third met, a third late, a third running): p95 of the last whole month's figures as the 系统管理员 sees
 * them (everything), over HTTP and straight on the repository, and of a year's over HTTP.
 */
import { parseArgs } from 'node:util';
import type { RunningServer } from '@kuaibao/api';
import { createPeriodicStatsRepository, type Database } from '@kuaibao/db';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { emitResult, summarize, timeEach } from './lib/stats';
import { loadStatsFixture } from './lib/stats-fixture';

const { values } = parseArgs({ options: { incidents: { type: 'string', default: '100000' }, requests: { type: 'string', default: '40' } } });
const log = (message: string) => process.stderr.write(`[stats_month] ${message}\n`);

async function main(server: RunningServer, db: Database) {
  const incidents = Number(values.incidents);
  const requests = Number(values.requests);
  log(`loading ${incidents} incidents on ${db.kind}`);
  const started = performance.now();
  await loadStatsFixture(db, incidents);
  const loadSeconds = (performance.now() - started) / 1000;
  const admin = await login(server.url, 'admin');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  // the last whole month (some 8,300 incidents of the fixture), not this one, which has only begun
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number];
  const [year, month] = thisMonth === 1 ? [thisYear - 1, 12] : [thisYear, thisMonth - 1];
  const monthPath = `/api/stats/periodic?period=month&year=${year}&month=${month}`;
  const sample = await admin.get(monthPath);
  if (sample.status !== 200) throw new Error(`GET ${monthPath}: ${sample.status}`);
  await timeEach(3, () => admin.get(monthPath));
  const http = await timeEach(requests, async () => {
    if ((await admin.get(monthPath)).status !== 200) throw new Error('stats failed');
  });
  const year365 = await timeEach(Math.max(5, requests / 4), () => admin.get(`/api/stats/periodic?period=year&year=${year}`));
  const repo = createPeriodicStatsRepository(db.prisma);
  const from = new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);
  const to = new Date(Date.UTC(year, month, 1) - 8 * 3_600_000);
  const direct = await timeEach(requests, () => repo.figures({ from, to, now: new Date() }));
  const h = summarize(http);
  emitResult(`stats_month — ${db.kind}`, {
    database: db.kind,
    incidents,
    incidents_in_month: sample.body.total.incidents,
    fixture_load_s: loadSeconds,
    stats_month_p50_ms: h.p50,
    stats_month_p95_ms: h.p95,
    stats_month_p95_ms_db: summarize(direct).p95,
    stats_year_p95_ms: summarize(year365).p95,
    requests,
  });
}

runBenchmark(() => withBenchServer('stats_month', {}, main));
