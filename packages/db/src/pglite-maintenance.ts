import { repeatEvery, type RepeatingPass } from '@kuaibao/engine';
import type { Database } from './client';

/**
 * PGlite is PostgreSQL in single-user mode: none of its background processes run. A PGlite server does
 * itself, every minute, the two whose absence a long-running server would feel (ADR 0019):
 * - autovacuum, for the tables read by index-only scans (ADR 0016): each change clears its page's bit
 *   in the visibility map, and until the next VACUUM such a page is read from the table; and for `monitor_report`,
 *   whose triggers update a report's row at each of its writes: unvacuumed, its indexes held three entries per live
 *   row after a load and every search read them all (ADR 0059); and `monitor_report_pending` and
 *   `monitor_report_flush_due`, where every writing transaction inserts and deletes its noted reports and its one
 *   flush (ADR 0067, 0079): keyed by the ever-growing transaction id, their indexes' dead entries are on pages no
 *   insert visits again;
 * - the checkpointer: without it the write-ahead log grows from the start of the process, past
 *   max_wal_size, and a kill -9 replays all of it at the next open (1.7 GB of WAL: 5.9 s before serving).
 */
export const VACUUMED_ON_PGLITE = ['inbox_task_viewer', 'monitor_report', 'monitor_report_pending', 'monitor_report_flush_due'] as const;
export const PGLITE_MAINTENANCE_INTERVAL_MS = 60_000;
/** WAL since the last checkpoint that makes the pass checkpoint: ~0.25 s of replay after a crash here. */
export const PGLITE_CHECKPOINT_WAL_BYTES = 64 * 1024 * 1024;

export interface PgliteMaintenanceOptions {
  intervalMs?: number;
  checkpointWalBytes?: number;
}

export interface MaintenancePass {
  vacuumed: readonly string[];
  /** WAL written since the last checkpoint, as the pass found it. */
  walSinceCheckpointBytes: number;
  checkpointed: boolean;
}

/** Runs maintainPglite every `intervalMs` on PGlite (nothing on PostgreSQL, whose own workers do it) until stop(). */
export function startPgliteMaintenance(db: Database, onError: (error: unknown) => void, options: PgliteMaintenanceOptions = {}): RepeatingPass {
  if (db.kind !== 'pglite') return { stop: async () => undefined };
  return repeatEvery(() => maintainPglite(db, options), options.intervalMs ?? PGLITE_MAINTENANCE_INTERVAL_MS, onError);
}

/** One pass: vacuums VACUUMED_ON_PGLITE, and checkpoints once `checkpointWalBytes` of WAL have piled up. */
export async function maintainPglite(db: Database, { checkpointWalBytes = PGLITE_CHECKPOINT_WAL_BYTES }: PgliteMaintenanceOptions = {}): Promise<MaintenancePass> {
  if (db.kind !== 'pglite') return { vacuumed: [], walSinceCheckpointBytes: 0, checkpointed: false };
  for (const table of VACUUMED_ON_PGLITE) await db.driver.query(`VACUUM ${table}`);
  const walSinceCheckpointBytes = await walSinceCheckpoint(db);
  const checkpointed = walSinceCheckpointBytes >= checkpointWalBytes;
  if (checkpointed) await db.driver.query('CHECKPOINT');
  return { vacuumed: VACUUMED_ON_PGLITE, walSinceCheckpointBytes, checkpointed };
}

/** Bytes of WAL from the redo point of the last checkpoint to now: what a crash now would replay. */
export async function walSinceCheckpoint(db: Database): Promise<number> {
  const [row] = await db.driver.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::bigint::text AS bytes FROM pg_control_checkpoint()`);
  return Number(row?.bytes ?? 0);
}
