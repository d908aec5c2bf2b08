/**
 * `npm run bench -- stats_month [--incidents 100000] [--requests 40]`
 * 定期统计 (docs/adr/0050) over `incidents` incidents spread evenly over the last 12 months in 50 units, each with its
 * 首报 and two clocks (a third met, a third late, a third running): p95 of one month's figures as the 系统管理员 sees
 * them (everything), over HTTP and straight on the repository, and of a year's over HTTP.
 */
import { parseArgs } from 'node:util';
import type { RunningServer } from '@kuaibao/api';
import { createPeriodicStatsRepository, type Database } from '@kuaibao/db';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { emitResult, summarize, timeEach } from './lib/stats';

const { values } = parseArgs({ options: { incidents: { type: 'string', default: '100000' }, requests: { type: 'string', default: '40' } } });
const log = (message: string) => process.stderr.write(`[stats_month] ${message}\n`);

async function loadFixture(db: Database, incidents: number) {
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
  await q(`INSERT INTO org_unit (id, code, name, kind, level, parent_id, superior_department_id, division_code)
           SELECT 'stats-' || g, 'STATS-' || g, '压测单位 ' || g, 'department', 'county', 'lc-gov', 'lc-yjj', '530902' FROM generate_series(0, 49) g`);
  // every incident in the last 365 days, evenly: some 8,300 a month
  const created = `now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute'`;
  await q(
    `INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at, created_at)
     SELECT 'STATS-' || g, '压测事件 ' || g, (ARRAY['natural_disaster','accident_disaster','public_health','social_security'])[1 + g % 4],
            (ARRAY['I','II','III','IV','ungraded'])[1 + g % 5], 'stats-' || (g % 50), 'open', ${created}, ${created}, ${created}
     FROM generate_series(1, $1::int) g`,
    [incidents],
  );
  await q(
    `INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, created_at, updated_at)
     SELECT 'stats-' || g, 'STATS-' || g, 'first', 1, (ARRAY['reported','received','verifying','revoked'])[1 + g % 4],
            jsonb_build_object('casualties', jsonb_build_object('dead', g % 3, 'injured', g % 5, 'missing', 0), 'economicLossYuan', g % 1000),
            'bench', ${created}, ${created}
     FROM generate_series(1, $1::int) g`,
    [incidents],
  );
  await q(
    `INSERT INTO report_clock (report_id, channel, incident_number, due_at, started_at, origin, within, immediate, rule, policy_code, policy_version, status)
     SELECT 'stats-' || g, c.channel, 'STATS-' || g, ${created} + interval '1 hour', ${created}, 'learned', 'PT1H', false, 'bench', 'bench', 1,
            (ARRAY['met','late','open'])[1 + g % 3]
     FROM generate_series(1, $1::int) g CROSS JOIN (VALUES ('phone'), ('written')) c(channel)`,
    [incidents],
  );
  await q('ANALYZE');
}

async function main(server: RunningServer, db: Database) {
  const incidents = Number(values.incidents);
  const requests = Number(values.requests);
  log(`loading ${incidents} incidents on ${db.kind}`);
  const started = performance.now();
  await loadFixture(db, incidents);
  const loadSeconds = (performance.now() - started) / 1000;
  const admin = await login(server.url, 'admin');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthPath = `/api/stats/periodic?period=month&year=${year}&month=${month}`;
  const sample = await admin.get(monthPath);
  if (sample.status !== 200) throw new Error(`GET ${monthPath}: ${sample.status}`);
  await timeEach(3, () => admin.get(monthPath));
  const http = await timeEach(requests, async () => {
    if ((await admin.get(monthPath)).status !== 200) throw new Error('stats failed');
  });
  const year365 = await timeEach(Math.max(5, requests / 4), () => admin.get(`/api/stats/periodic?period=year&year=${year}`));
  const repo = createPeriodicStatsRepository(db.prisma);
  const from = new Date(`${today.slice(0, 8)}01T00:00:00+08:00`);
  const to = new Date(from.getTime() + 31 * 86_400_000);
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
