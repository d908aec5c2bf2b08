/**
 * `npm run bench [-- <benchmark>…] [--both] [--quick]`
 *
 * Runs each benchmark (e2e, inbox, idle, recovery, sse; all when none is named) in its own child
 * process, prints a table, writes bench/results/latest.json ({ machine, metrics, … }) and the results
 * section of docs/benchmarks.md. `metrics` holds the figures of the database this run used:
 * PostgreSQL (a scratch schema) when DATABASE_URL is set, PGlite otherwise; `--both` runs on both and
 * adds `metrics_pglite` and `metrics_postgres`. A run of some benchmarks updates only their figures.
 * `--quick` scales every load down for a smoke run. Figures are only as good as the machine is quiet:
 * the load average before and after is recorded with them.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, markdownTable, readResults, resultRows, textTable, writeDocs, type Database, type Metrics, type Results } from './lib/results';
import { SUITE } from './lib/suite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const DOCS = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
/** PostgreSQL for `--both` when DATABASE_URL is not set: the project machines' local server. */
const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/test';
const SUITE_BUDGET_S = 600;

async function run() {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { both: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } } });
  const unknown = positionals.filter((name) => !SUITE[name]);
  if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(SUITE).join(', ')}`);
  const names = positionals.length > 0 ? positionals : Object.keys(SUITE);
  const { DATABASE_URL, ...withoutDatabase } = process.env;
  const primary: Database = DATABASE_URL ? 'postgres' : 'pglite';
  const databases: Database[] = values.both ? [primary, primary === 'postgres' ? 'pglite' : 'postgres'] : [primary];
  const envFor = (db: Database): NodeJS.ProcessEnv => (db === 'pglite' ? withoutDatabase : { ...withoutDatabase, DATABASE_URL: DATABASE_URL ?? LOCAL_POSTGRES });

  const previous = await readResults(RESULTS);
  const fresh: Partial<Record<Database, Metrics>> = {};
  const runs: Results['runs'] = previous?.runs ?? {};
  for (const database of databases) {
    const metrics: Metrics = { database, ...earlierMetrics(previous, database, names) };
    const notes = new Set(Array.isArray(metrics.notes) ? metrics.notes.filter((n) => !names.some((name) => n.startsWith(`${name}`))) : []);
    for (const name of names) {
      const spec = SUITE[name]!;
      const { args, note } = spec.args(database, values.quick);
      if (note) notes.add(note);
      process.stderr.write(`\n── ${name} on ${database} ${note ? `(${note})` : ''}\n`);
      const benchStarted = Date.now();
      const result = await runBenchmark(spec.script, args, envFor(database), spec.gc === true);
      result.elapsed_s = Math.round((Date.now() - benchStarted) / 1000);
      (runs[database] ??= {})[name] = result;
      for (const key of spec.metrics) if (typeof result[key] === 'number') metrics[key] = result[key] as number;
    }
    metrics.notes = [...notes];
    fresh[database] = metrics;
  }

  // After a --both run, a run on one database updates that database's figures and keeps the other's.
  const perDatabase = values.both || previous?.metrics_pglite || previous?.metrics_postgres;
  const results: Results = {
    machine: machine(loadBefore),
    metrics: fresh[primary]!,
    ...(perDatabase && {
      metrics_pglite: fresh.pglite ?? previous?.metrics_pglite,
      metrics_postgres: fresh.postgres ?? previous?.metrics_postgres,
    }),
    runs,
  };
  const shown: Partial<Record<Database, Metrics>> = perDatabase
    ? { [primary]: fresh[primary], ...Object.fromEntries((['postgres', 'pglite'] as const).filter((d) => d !== primary).map((d) => [d, results[`metrics_${d}`]]).filter(([, m]) => m)) }
    : fresh;
  const shownDatabases = Object.keys(shown) as Database[];
  const header = ['metric', 'goal', ...shownDatabases, ...shownDatabases.map((d) => `${d} verdict`)];
  const rows = resultRows(shown);
  const elapsed = Math.round((Date.now() - started) / 1000);
  console.log(`\n${textTable(header, rows)}`);
  for (const database of shownDatabases) for (const note of (shown[database]!.notes ?? []) as string[]) console.log(`note (${database}): ${note}`);
  console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`${names.join(', ')} on ${databases.join(' + ')} in ${elapsed} s${elapsed > SUITE_BUDGET_S ? ` — over the ${SUITE_BUDGET_S} s budget` : ''}`);

  await mkdir(fileURLToPath(new URL('./results', import.meta.url)), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  const noteLines = shownDatabases.flatMap((d) => ((shown[d]!.notes ?? []) as string[]).map((n) => `- ${d}: ${n}`));
  await writeDocs(
    DOCS,
    [
      `Last run: ${String(m.measured_at)} — \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` in ${elapsed} s on ${String(m.cpus)} × ${String(m.cpu_model)}, ${String(m.memory)}, Node ${String(m.node)}; load average ${(m.load_average_before as number[]).join(' / ')} before, ${(m.load_average_after as number[]).join(' / ')} after.`,
      '',
      markdownTable(header, rows),
      ...(noteLines.length > 0 ? ['', ...noteLines] : []),
    ].join('\n'),
  );
  console.log('wrote bench/results/latest.json and docs/benchmarks.md');
}

/** Figures of an earlier run on the same database of the benchmarks not run now, so running one benchmark keeps the others'. */
function earlierMetrics(previous: Results | null, database: Database, running: string[]): Metrics {
  if (!previous) return {};
  const earlier = [previous.metrics, previous.metrics_pglite, previous.metrics_postgres].find((m) => m?.database === database) ?? {};
  const kept = new Set(Object.entries(SUITE).flatMap(([name, spec]) => (running.includes(name) ? [] : spec.metrics)));
  return Object.fromEntries(Object.entries(earlier).filter(([key]) => kept.has(key) || key === 'notes'));
}

/** Runs one benchmark; its last stdout line is its JSON result, stderr shows its progress and table. */
function runBenchmark(script: string, args: string[], env: NodeJS.ProcessEnv, gc: boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(gc ? ['--expose-gc'] : []), '--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${signal ?? code}: ${stdout.slice(-2_000)}`));
      try {
        resolve(JSON.parse(last) as Record<string, unknown>);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last}`));
      }
    });
  });
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
