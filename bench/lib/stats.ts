/** Nearest-rank percentile of an ascending array (NaN when empty). */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** p50, p95 and p99 of samples, in their unit. */
export function summarize(samples: number[]): { p50: number; p95: number; p99: number; samples: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), samples: sorted.length };
}

/** Times `fn` `count` times one after another; returns the durations in ms. */
export async function timeEach(count: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn(i);
    durations.push(performance.now() - started);
  }
  return durations;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Prints a benchmark's result: a table on stderr, one JSON line on stdout (what bench/run.ts reads). */
export function emitResult(title: string, result: Record<string, unknown>): void {
  const rows = Object.entries(result).map(([k, v]) => `  ${k.padEnd(36)} ${typeof v === 'number' ? Math.round(v * 1000) / 1000 : JSON.stringify(v)}`);
  process.stderr.write(`${title}\n${rows.join('\n')}\n`);
  console.log(JSON.stringify(result));
}
