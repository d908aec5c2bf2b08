import { repeatEvery, type RepeatingPass } from '@kuaibao/engine';
import type { Database } from './client';

/**
 * Tables read by index-only scans (docs/adr/0016): each change clears its page's bit in the visibility
 * map, and until the next VACUUM such a page is read from the table. PostgreSQL's autovacuum keeps them
 * current; PGlite runs no autovacuum, so a PGlite server vacuums them itself.
 */
export const VACUUMED_ON_PGLITE = ['inbox_task_viewer'] as const;
export const PGLITE_VACUUM_INTERVAL_MS = 60_000;

/** Vacuums VACUUMED_ON_PGLITE every `intervalMs` on PGlite (nothing on PostgreSQL) until stop(). */
export function startPgliteVacuum(db: Database, onError: (error: unknown) => void, intervalMs = PGLITE_VACUUM_INTERVAL_MS): RepeatingPass {
  if (db.kind !== 'pglite') return { stop: async () => undefined };
  return repeatEvery(() => vacuumPglite(db), intervalMs, onError);
}

export async function vacuumPglite(db: Database): Promise<void> {
  if (db.kind !== 'pglite') return;
  for (const table of VACUUMED_ON_PGLITE) await db.driver.query(`VACUUM ${table}`);
}
