/**
 * `npm run bench -- mixed [--pollers 40] [--submitters 10] [--seconds 30]`
 * The probe's mixed load (issue 21): `pollers` browsers read their inbox (GET /api/tasks) once a second, as the demo's
 * users in turn, while `submitters` reporters each submit one 首报 after another (the embedded workers carry every
 * report on through its flow), for `seconds`, on loopback. Gives the p99 of the inbox and of a submit, and the peak RSS
 * sampled every 100 ms, with RSS once the server serves and once the 50 clients have logged in, and where it was at the end (V8 heap, external: WebAssembly memories such as PGlite's and
 * buffers). `--heap-snapshot <file>` writes a V8 heap snapshot at the end of the load (open it in Chrome's DevTools).
 * Server and clients share this process (the clients' share of it is a few MB of fetch).
 */
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import type { RunningServer } from '@kuaibao/api';
import { LINCANG_USERS, type Database } from '@kuaibao/db';
import { firstReport, login, type Client } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { emitResult, sleep, summarize } from './lib/stats';

const { values } = parseArgs({
  options: { pollers: { type: 'string', default: '40' }, submitters: { type: 'string', default: '10' }, seconds: { type: 'string', default: '30' }, 'heap-snapshot': { type: 'string' } },
});
const log = (message: string) => process.stderr.write(`[mixed] ${message}\n`);
const MB = 1024 * 1024;

async function main(server: RunningServer, db: Database) {
  const seconds = Number(values.seconds);
  const rssServed = process.memoryUsage.rss();
  const users = LINCANG_USERS.filter((u) => !u.roles.includes('designer')).map((u) => u.username);
  const pollers: Client[] = [];
  for (let i = 0; i < Number(values.pollers); i++) pollers.push(await login(server.url, users[i % users.length]!));
  const submitters: Client[] = [];
  for (let i = 0; i < Number(values.submitters); i++) submitters.push(await login(server.url, 'lx_reporter'));
  log(`${pollers.length} pollers and ${submitters.length} submitters logged in on ${db.kind}; ${seconds} s of load`);

  const rssAtStart = process.memoryUsage.rss();
  let rssPeak = rssAtStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 100);
  const until = performance.now() + seconds * 1000;
  const inbox: number[] = [];
  const submit: number[] = [];
  const failures: Record<string, number> = {};
  const timed = async (samples: number[], kind: string, call: () => Promise<{ status: number }>) => {
    const started = performance.now();
    const { status } = await call();
    samples.push(performance.now() - started);
    if (status >= 300) failures[`${kind} ${status}`] = (failures[`${kind} ${status}`] ?? 0) + 1;
  };
  const poll = async (client: Client, offsetMs: number) => {
    await sleep(offsetMs); // spread over the second, as browsers opened at different times
    while (performance.now() < until) {
      const started = performance.now();
      await timed(inbox, 'inbox', () => client.get('/api/tasks'));
      await sleep(Math.max(0, 1000 - (performance.now() - started)));
    }
  };
  const submitLoop = async (client: Client) => {
    while (performance.now() < until) await timed(submit, 'submit', () => client.request('POST', '/api/reports', firstReport({ title: '混合负载测试' })));
  };
  await Promise.all([...pollers.map((c, i) => poll(c, (i * 1000) / pollers.length)), ...submitters.map(submitLoop)]);
  clearInterval(sampler);
  const atEnd = process.memoryUsage();
  if (values['heap-snapshot']) log(`heap snapshot: ${writeHeapSnapshot(values['heap-snapshot'])}`);

  const i = summarize(inbox);
  const s = summarize(submit);
  emitResult(`mixed — ${db.kind}`, {
    database: db.kind,
    mixed_inbox_p99_ms: i.p99,
    mixed_inbox_p50_ms: i.p50,
    mixed_submit_p99_ms: s.p99,
    mixed_submit_p50_ms: s.p50,
    mixed_rss_peak_mb: rssPeak / MB,
    rss_server_started_mb: rssServed / MB,
    mixed_rss_start_mb: rssAtStart / MB,
    mixed_rss_end_mb: atEnd.rss / MB,
    heap_used_end_mb: atEnd.heapUsed / MB,
    external_end_mb: atEnd.external / MB,
    array_buffers_end_mb: atEnd.arrayBuffers / MB,
    inbox_requests: i.samples,
    submits: s.samples,
    submits_per_s: s.samples / seconds,
    failures,
  });
}

runBenchmark(() => withBenchServer('mixed', {}, main));
