/**
 * `npm run bench [-- --instances 2000]`: runs each benchmark in its own child process (a fresh heap, `--expose-gc`), prints
 * its table and writes bench/results/latest.json. Idle instances run on PGlite and, when
 * DATABASE_URL is set, again on PostgreSQL; the headline metrics come from PostgreSQL when it ran
 * (there the process RSS is the engine's alone), else from PGlite.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { IdleResult } from './lib/idle-measure';
import { idleTable } from './lib/report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));

async function run() {
  const started = Date.now();
  const { DATABASE_URL, ...withoutDatabase } = process.env;
  // Extra arguments go to every benchmark, e.g. `npm run bench -- --instances 2000` for a quick run.
  const args = ['--json', ...process.argv.slice(2)];
  const runs: IdleResult[] = [await runBenchmark<IdleResult>('bench/idle-instances.ts', args, withoutDatabase)];
  if (DATABASE_URL) runs.push(await runBenchmark<IdleResult>('bench/idle-instances.ts', args, { ...withoutDatabase, DATABASE_URL }));
  for (const result of runs) console.log(`\n${idleTable(result)}`);

  const headline = runs.find((r) => r.database === 'postgres') ?? runs[0]!;
  const results = {
    machine: {
      cpus: os.cpus().length,
      memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
    },
    metrics: {
      idle_instance_ram_kb: round(headline.rssPerInstanceKb),
      idle_instance_heap_kb: round(headline.heapPerInstanceKb),
      persisted_state_kb: round(headline.stateBytesPerInstance / 1024),
      database: headline.database,
    },
    runs,
  };
  await mkdir(fileURLToPath(new URL('./results', import.meta.url)), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote bench/results/latest.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** Runs one benchmark under `node --expose-gc`; its last stdout line is its JSON result, stderr shows progress. */
function runBenchmark<T>(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${signal ?? code}: ${stdout.slice(-2_000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last}`));
      }
    });
  });
}

const round = (value: number) => Math.round(value * 1000) / 1000;

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
