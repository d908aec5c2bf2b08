/**
 * `npm run bench -- inbox [--open 100000] [--completed 1000000] [--requests 200]`
 * The inbox with `open` open and `completed` completed user tasks (fixture loader, not the engine):
 * p95 of GET /api/tasks over HTTP as a city duty officer (the page and the view counts), and of the
 * same page query straight on the database (the inbox repository).
 */
import { parseArgs } from 'node:util';
import { createInboxRepository } from '@kuaibao/db';
import type { RunningServer } from '@kuaibao/api';
import type { Database } from '@kuaibao/db';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { INBOX_USER, loadInboxFixture } from './lib/inbox-fixture';
import { emitResult, summarize, timeEach } from './lib/stats';

const { values } = parseArgs({
  options: {
    open: { type: 'string', default: '100000' },
    completed: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '200' },
    share: { type: 'string', default: '10' },
  },
});
const log = (message: string) => process.stderr.write(`[inbox] ${message}\n`);

async function main(server: RunningServer, db: Database) {
  const fixture = { open: Number(values.open), completed: Number(values.completed), share: Number(values.share) };
  log(`loading ${fixture.open} open + ${fixture.completed} completed tasks on ${db.kind}`);
  const loadStarted = performance.now();
  await loadInboxFixture(db, fixture);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`loaded in ${loadSeconds.toFixed(1)} s`);

  const user = await login(server.url, INBOX_USER);
  const requests = Number(values.requests);
  const paths = ['/api/tasks', '/api/tasks?sort=created', '/api/tasks?view=group&page=3', '/api/tasks?severity=II'];
  const warm = () => timeEach(10, (i) => user.get(paths[i % paths.length]!));
  await warm();
  const http = await timeEach(requests, async (i) => {
    const response = await user.get(paths[i % paths.length]!);
    if (response.status !== 200) throw new Error(`GET ${paths[i % paths.length]}: ${response.status}`);
  });
  const sample = await user.get('/api/tasks');

  const inbox = createInboxRepository(db.driver);
  const me = await db.driver.query<{ unit_id: string; roles: string[] }>('SELECT unit_id, roles FROM app_user WHERE username = $1', [INBOX_USER]);
  const groups = me[0]!.roles.map((role) => `unit:${me[0]!.unit_id}:${role}`);
  const query = (i: number) =>
    inbox.list({ groups, username: INBOX_USER, now: new Date(), offset: (i % 4) * 50, limit: 50, sort: i % 2 ? 'created' : 'due' });
  await timeEach(10, query);
  const database = await timeEach(requests, query);

  const h = summarize(http);
  const d = summarize(database);
  emitResult(`inbox — ${db.kind}`, {
    database: db.kind,
    open_tasks: fixture.open,
    completed_tasks: fixture.completed,
    visible_to_user: sample.body.total,
    fixture_load_s: loadSeconds,
    inbox_p50_ms_http: h.p50,
    inbox_p95_ms_http: h.p95,
    inbox_p50_ms_db: d.p50,
    inbox_p95_ms_db: d.p95,
    requests,
  });
}

runBenchmark(() => withBenchServer('inbox', {}, main));
