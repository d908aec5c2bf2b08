import { readFileSync } from 'node:fs';
import type { Database } from '@kuaibao/db';

/** Linux clock ticks per second (USER_HZ), what /proc/<pid>/stat counts CPU time in. */
const TICKS_PER_S = 100;

/** CPU time (user + system) a process of this machine has used so far, ms, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  // comm may hold spaces: the fields after its closing parenthesis are fixed (utime, stime are the 12th and 13th)
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
}

/**
 * CPU time of the PostgreSQL backends serving this process's connections: they are named by the
 * `application_name` the benchmark put in DATABASE_URL, and read from /proc (the server runs on this
 * machine). PGlite runs inside the process, so there is none. A backend that exits during the run takes
 * its time with it; the pool keeps its connections while it is busy.
 */
export function applicationName(benchmark: string): string {
  return `kuaibao_bench_${benchmark}_${process.pid}`;
}

export function withApplicationName(url: string, name: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;
}

export async function serverCpuMs(db: Database, name: string): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  if (db.kind !== 'postgres') return cpu;
  const rows = await db.driver.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name]);
  for (const { pid } of rows) {
    try {
      cpu.set(pid, processCpuMs(pid));
    } catch {
      // not on this machine (a remote server): no figure
    }
  }
  return cpu;
}

/** CPU ms the backends used between two readings (a backend first seen in `after` counts from zero). */
export function serverCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
