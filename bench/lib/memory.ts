/** Process memory, in bytes, after a full garbage collection (node must run with --expose-gc). */
export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  /** Memory held outside the JS heap: buffers and WebAssembly memories (PGlite, Prisma's query compiler). */
  external: number;
}

export function requireGc(): () => void {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') throw new Error('Run node with --expose-gc: memory figures need a full garbage collection');
  return () => void gc();
}

/**
 * Memory of a quiet process: full collections (finalizers free more on the next one), then, when
 * `maxIdleMs` > 0, at least 20 s without work and on until RSS has not fallen for 8 s (at most
 * `maxIdleMs`): V8's memory reducer gives back, in stages some 5–15 s apart, the heap it committed
 * while busy. Without the quiet time RSS tells more about the allocation rate just before than about
 * what the process retains.
 */
export async function settledMemory(maxIdleMs = 0): Promise<MemorySnapshot> {
  const gc = requireGc();
  const collect = async () => {
    for (let round = 0; round < 4; round++) {
      gc();
      await sleep(50);
    }
  };
  await collect();
  const start = Date.now();
  let lowest = process.memoryUsage.rss();
  let quietSince = start;
  const quiet = () => Date.now() - start >= Math.min(MIN_IDLE_MS, maxIdleMs) && Date.now() - quietSince >= QUIET_MS;
  while (Date.now() - start < maxIdleMs && !quiet()) {
    await sleep(1_000);
    const rss = process.memoryUsage.rss();
    if (rss < lowest - MB) quietSince = Date.now();
    lowest = Math.min(lowest, rss);
  }
  if (maxIdleMs > 0) await collect();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

const MIN_IDLE_MS = 20_000;
const QUIET_MS = 8_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Samples the resident set size while work runs; `stop()` returns the peak seen. */
export function sampleRss(intervalMs = 100): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

export const MB = 1024 * 1024;
export const KB = 1024;
