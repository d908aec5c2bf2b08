import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { GOALS } from './suite';

export type Database = 'pglite' | 'postgres';
export type Metrics = Record<string, number | string | string[]>;

export interface Results {
  machine: Record<string, unknown>;
  metrics: Metrics;
  metrics_pglite?: Metrics;
  metrics_postgres?: Metrics;
  /** Every figure each benchmark printed, per database. */
  runs: Partial<Record<Database, Record<string, Record<string, unknown>>>>;
}

export function machine(loadBefore: number[]): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // Load average before and after the run: well above the core count means the figures were taken under contention.
    load_average_before: loadBefore.map((l) => Math.round(l * 100) / 100),
    load_average_after: os.loadavg().map((l) => Math.round(l * 100) / 100),
    measured_at: new Date().toISOString(),
  };
}

export async function readResults(file: string): Promise<Results | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Results;
  } catch {
    return null;
  }
}

const fmt = (value: unknown) => (typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)) : value === undefined ? '—' : String(value));

function verdict(key: string, value: unknown): string {
  const goal = GOALS[key];
  if (!goal || typeof value !== 'number' || Number.isNaN(value)) return '';
  const met = (goal.min === undefined || value >= goal.min) && (goal.max === undefined || value <= goal.max);
  return met ? 'met' : 'MISSED';
}

const goalText = (key: string) => {
  const goal = GOALS[key];
  if (!goal) return '';
  return goal.min !== undefined ? `≥ ${goal.min} ${goal.unit}` : `≤ ${goal.max} ${goal.unit}`;
};

/** The figures of each database side by side: rows of [metric, goal, value per database…, verdict per database…]. */
export function resultRows(byDatabase: Partial<Record<Database, Metrics>>): string[][] {
  const databases = Object.keys(byDatabase) as Database[];
  const keys = [...new Set(databases.flatMap((d) => Object.keys(byDatabase[d]!)))].filter((k) => k !== 'database' && k !== 'notes');
  return keys.map((key) => [key, goalText(key), ...databases.map((d) => fmt(byDatabase[d]![key])), ...databases.map((d) => verdict(key, byDatabase[d]![key]))]);
}

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const BEGIN = '<!-- bench:results:begin (written by npm run bench) -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/benchmarks.md, keeping what people wrote around it. */
export async function writeDocs(file: string, generated: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  }
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const block = `${BEGIN}\n${generated}\n${END}`;
  text = start >= 0 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}
