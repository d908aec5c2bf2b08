/**
 * `npm run bench -- mixed [--pollers 40] [--submitters 10] [--seconds 30] [--script start] [--heap-snapshot <file>]`
 * The probe's mixed load (issue 21) on the server the user runs: `npm run <script>` (default `start`: the built
 * dist/server/main.mjs with the start script's node flags and environment) in a child process, on a free port, with a
 * fresh database (PGlite in a temporary data directory, or a scratch schema of DATABASE_URL). `pollers` browsers read
 * their inbox (GET /api/tasks) once a second, as the demo's users in turn, while `submitters` reporters each submit one
 * 首报 after another (the embedded workers carry every report on through its flow), for `seconds`, on loopback; the
 * clients are this process. Gives the p99 of the inbox and of a submit, and the server process's peak RSS (VmRSS
 * sampled every 100 ms from /proc, and VmHWM at the end), with its RSS once serving and once the clients have logged in,
 * and its CPU time during the load. `--heap-snapshot <file>` has the server write a V8 heap snapshot at the end of the
 * load (SIGUSR2; open it in Chrome's DevTools). `--cpu-prof <dir>` has it write a V8 CPU profile of its whole life into
 * <dir> when it stops (node --cpu-prof). `--script` runs another npm script (to compare start commands).
 */
import { parseArgs } from 'node:util';
import { LINCANG_USERS } from '@kuaibao/db';
import { firstReport, login, type Client } from '../test/api/client';
import { startBuiltServer } from './lib/built-server';
import { runBenchmark } from './lib/bench-server';
import { emitResult, sleep, summarize } from './lib/stats';

const { values } = parseArgs({
  options: {
    pollers: { type: 'string', default: '40' },
    submitters: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '30' },
    script: { type: 'string', default: 'start' },
    'heap-snapshot': { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const log = (message: string) => process.stderr.write(`[mixed] ${message}\n`);

async function main() {
  const seconds = Number(values.seconds);
  const server = await startBuiltServer({ script: values.script, cpuProfileDir: values['cpu-prof'] });
  try {
    const rssServed = server.rssMb();
    const users = LINCANG_USERS.filter((u) => !u.roles.includes('designer')).map((u) => u.username);
    const pollers: Client[] = [];
    for (let i = 0; i < Number(values.pollers); i++) pollers.push(await login(server.url, users[i % users.length]!));
    const verifier = await login(server.url, 'lx_verifier');
    const reachedVerifier = async () => ((await verifier.get('/api/tasks?kind=verify&pageSize=1')).body as { total: number }).total;
    const submitters: Client[] = [];
    for (let i = 0; i < Number(values.submitters); i++) submitters.push(await login(server.url, 'lx_reporter'));
    log(`npm run ${values.script} (pid ${server.pid}) on ${server.database}; ${pollers.length} pollers and ${submitters.length} submitters logged in; ${seconds} s of load`);

    const rssAtStart = server.rssMb();
    let rssPeak = rssAtStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssMb())), 100);
    const cpuAtStart = server.cpuMs();
    const until = performance.now() + seconds * 1000;
    let submitted = 0;
    const inbox: number[] = [];
    const submit: number[] = [];
    const failures: Record<string, number> = {};
    /** When each inbox read started (s into the load) and took (ms): whether the slowest cluster (a stall) or spread. */
    const inboxTimeline: [number, number][] = [];
    const loadStarted = performance.now();
    const timed = async (samples: number[], kind: string, call: () => Promise<{ status: number }>) => {
      const started = performance.now();
      const { status } = await call();
      samples.push(performance.now() - started);
      if (samples === inbox) inboxTimeline.push([(started - loadStarted) / 1000, performance.now() - started]);
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
      while (performance.now() < until) {
        await timed(submit, 'submit', async () => {
          const answer = await client.request('POST', '/api/reports', firstReport({ title: '混合负载测试' }));
          if (answer.status < 300) submitted++;
          return answer;
        });
      }
    };
    await Promise.all([...pollers.map((c, i) => poll(c, (i * 1000) / pollers.length)), ...submitters.map(submitLoop)]);
    clearInterval(sampler);
    const cpuMs = server.cpuMs() - cpuAtStart;
    const rssEnd = server.rssMb();
    const hwm = server.peakRssMb();
    if (values['heap-snapshot']) log(`heap snapshot: ${await server.heapSnapshot(values['heap-snapshot'])}`);
    // The flow behind the submits: how many accepted reports had not yet reached their verifier's inbox when the load
    // stopped, and how long until all had (the workers' backlog; ADR 0071 serves requests before it).
    const loadEnded = performance.now();
    let reached = await reachedVerifier();
    const backlog = submitted - reached;
    while (reached < submitted && performance.now() - loadEnded < 300_000) {
      await sleep(100);
      reached = await reachedVerifier();
    }
    const drainS = (performance.now() - loadEnded) / 1000;

    const slowest = [...inboxTimeline].sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(inboxTimeline.length / 100));
    log(`slowest 1 % of inbox reads (started at s: ms): ${slowest.sort((a, b) => a[0] - b[0]).map(([at, ms]) => `${at.toFixed(1)}: ${ms.toFixed(0)}`).join(', ')}`);
    const i = summarize(inbox);
    const s = summarize(submit);
    emitResult(`mixed — ${server.database} (npm run ${values.script})`, {
      database: server.database,
      mixed_inbox_p99_ms: i.p99,
      mixed_inbox_p50_ms: i.p50,
      mixed_submit_p99_ms: s.p99,
      mixed_submit_p50_ms: s.p50,
      mixed_rss_peak_mb: Math.max(rssPeak, hwm),
      rss_sampled_peak_mb: rssPeak,
      rss_hwm_mb: hwm,
      rss_server_started_mb: rssServed,
      mixed_rss_start_mb: rssAtStart,
      mixed_rss_end_mb: rssEnd,
      server_cpu_s: cpuMs / 1000,
      server_cpu_ms_per_request: cpuMs / Math.max(1, i.samples + s.samples),
      inbox_requests: i.samples,
      submits: s.samples,
      submits_per_s: s.samples / seconds,
      mixed_flow_backlog_at_end: backlog,
      mixed_flow_drain_s: drainS,
      failures,
    });
  } finally {
    await server.stop();
  }
}

runBenchmark(main);
