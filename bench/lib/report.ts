import type { IdleResult } from './idle-measure';

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** The idle-instances figures as a two-column table. */
export function idleTable(r: IdleResult): string {
  const rows: [string, string][] = [
    ['database', r.database === 'pglite' ? 'pglite (WASM PostgreSQL in this process)' : 'postgres (separate server)'],
    ['instances waiting at a user task', `${r.instances} (+ warm-up; ${r.waitingUserTasks} user tasks in the database)`],
    ['RSS delta (whole process)', `${fixed(r.rssDeltaMb)} MB (${fixed(r.rssBeforeMb)} → ${fixed(r.rssAfterMb)} MB; peak +${fixed(r.peakRssDeltaMb)} MB)`],
    ['JS heap delta (engine)', `${fixed(r.heapDeltaMb, 2)} MB`],
    ['external delta (buffers, WASM)', `${fixed(r.externalDeltaMb)} MB`],
    ['RSS per instance', `${fixed(r.rssPerInstanceKb, 2)} KB`],
    ['heap per instance', `${fixed(r.heapPerInstanceKb, 3)} KB`],
    ['persisted engine_state per instance', `${fixed(r.stateBytesPerInstance / 1024, 2)} KB (${Math.round(r.stateBytesPerInstance)} bytes)`],
    ['on disk per instance (instance + task rows, indexes)', `${fixed(r.diskBytesPerInstance / 1024, 2)} KB`],
    ['start rate', `${fixed(r.instancesPerSecond)} instances/s (${fixed(r.startSeconds)} s)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [`idle instances — ${r.database}`, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n');
}
