/**
 * `npx tsx bench/monitor-explain.ts [--running 10000] [--finished 20000] [--repeat 20]` — a profile, not a benchmark:
 * 流程监控's search statements on this database (PGlite in memory unless DATABASE_URL), each with EXPLAIN ANALYZE and
 * its time three ways — the statement on the driver, the same through Prisma, and the repository's whole search —
 * so the statement's own cost is told apart from the client's (docs/adr/0059).
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import { createMonitorRepository, monitorSearchStatements, type Database } from '@kuaibao/db';
import { monitorSearchQuerySchema } from '@kuaibao/domain';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { loadMonitorFixture } from './lib/monitor-fixture';
import { SEARCHES } from './monitor-searches';
import { summarize, timeEach } from './lib/stats';

const { values } = parseArgs({ options: { running: { type: 'string', default: '10000' }, finished: { type: 'string', default: '20000' }, repeat: { type: 'string', default: '20' } } });
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(db: Database) {
  await loadMonitorFixture(db, { running: Number(values.running), finished: Number(values.finished) });
  const monitor = createMonitorRepository(db.prisma);
  const repeat = Number(values.repeat);
  out(`# ${db.kind}, ${values.running} running + ${values.finished} finished, load ${os.loadavg()[0]!.toFixed(2)}`);
  for (const search of SEARCHES) {
    const query = monitorSearchQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
    const { page } = monitorSearchStatements(query, new Date());
    const plan = await db.driver.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${page.text}`, page.values);
    const driver = summarize(await timeEach(repeat, () => db.driver.query(page.text, page.values)));
    const prisma = summarize(await timeEach(repeat, () => db.prisma.$queryRaw(page)));
    const whole = summarize(await timeEach(repeat, () => monitor.search(query, new Date())));
    out(`\n## ${search || '(default page)'}: driver p50 ${driver.p50} ms, prisma p50 ${prisma.p50} ms, search p50 ${whole.p50} / p95 ${whole.p95} ms`);
    for (const row of plan) out(`    ${row['QUERY PLAN']}`);
  }
}

runBenchmark(() => withBenchServer('monitor_explain', {}, (_server, db) => main(db)));
