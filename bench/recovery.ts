/**
 * `npm run bench -- recovery [--instances 10000] [--mid-job 500]`
 * kuaibao's server with `instances` in flight (most waiting at a user task, `mid-job` at a service task
 * its worker is busy with) is killed with SIGKILL and started again on the same database: seconds from
 * the kill until GET /api/health answers 200, and until every instance that was at the service task
 * has moved on (no job of it open). Instances are loaded by SQL copies of real ones (cloneInstance).
 * The jobs the killed server held are locked for 30 s (the workers' job timeout); the restarted server
 * takes them back once the killed one's node heartbeat is older than the node timeout (5 s, docs/adr/0013),
 * on PGlite at once (it opens the database alone). The server runs built (`npm run build:server`'s bundler), as
 * `npm start` runs it: node without tsx's loader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_NODE_TIMEOUT_MS } from '@kuaibao/engine';
import { buildServer } from '../api/scripts/build-server';
import { createScratchDatabase } from '../test/support/scratch-database';
import { emitResult, sleep } from './lib/stats';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '10000' }, 'mid-job': { type: 'string', default: '500' } } });
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// the child runs built, as `npm start` runs the server (ADR 0018); inside the checkout, so its packages resolve from node_modules
const BUILD_DIR = path.join(ROOT, 'dist', `bench-recovery-${process.pid}`);
const log = (message: string) => process.stderr.write(`[recovery] ${message}\n`);

interface Line {
  event: string;
  at: number;
  url?: string;
  count?: number;
  locked?: number;
}

function startChild(env: Record<string, string>, args: string[]): { child: ChildProcess; next: (event: string) => Promise<Line> } {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(BUILD_DIR, 'recovery-child.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seen: Line[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      seen.push(JSON.parse(text) as Line);
      waiters.splice(0).forEach((wake) => wake());
    } catch {
      // not one of ours
    }
  });
  const next = (event: string) =>
    new Promise<Line>((resolve, reject) => {
      const check = () => {
        const line = seen.find((l) => l.event === event);
        if (line) return resolve(line);
        if (child.exitCode !== null) return reject(new Error(`recovery child exited (${child.exitCode}) before ${event}`));
        waiters.push(check);
      };
      child.once('exit', () => waiters.splice(0).forEach((wake) => wake()));
      check();
    });
  return { child, next };
}

async function main() {
  await buildServer({ 'recovery-child': 'bench/lib/recovery-child.ts' }, BUILD_DIR);
  const scratch = await createScratchDatabase({ prefix: 'bench_recovery' });
  try {
    const instances = Number(values.instances);
    const midJob = Number(values['mid-job']);
    log(`loading ${instances} instances (${midJob} at a service task) on ${scratch.kind}`);
    const first = startChild(scratch.env, ['--load', String(instances), '--mid-job', String(midJob)]);
    await first.next('loaded');
    await sleep(1_500); // the worker is busy with the jobs
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = startChild(scratch.env, []);
    const serving = await second.next('serving');
    const health = await fetch(`${serving.url}/api/health`);
    const servingAt = Date.now();
    if (health.status !== 200) throw new Error(`GET /api/health after restart: ${health.status}`);
    const open = await second.next('open-jobs');
    const released = await second.next('locks-released');
    const progressed = await second.next('progressed');
    second.child.kill('SIGKILL');
    await new Promise((resolve) => second.child.once('exit', resolve));
    emitResult(`recovery — ${scratch.kind}`, {
      database: scratch.kind,
      instances_in_flight: instances,
      mid_job_at_kill: open.count,
      recovery_serving_s: (servingAt - killedAt) / 1000,
      recovery_all_progressing_s: (progressed.at - killedAt) / 1000,
      // until no job is left locked by the killed process (its node found dead; on PGlite released at start)
      recovery_locks_released_s: (released.at - killedAt) / 1000,
      locked_by_killed_at_restart: open.locked,
      job_lock_ms: 30_000,
      node_timeout_ms: DEFAULT_NODE_TIMEOUT_MS,
      // PGlite: the restarted server releases the dead process's locks at once (releaseAllJobLocks); PostgreSQL once its node is stale.
      dead_locks_released_at_start: scratch.kind === 'pglite',
    });
  } finally {
    await scratch.dispose();
    await rm(BUILD_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
