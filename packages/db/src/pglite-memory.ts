/**
 * PostgreSQL settings PGlite starts with besides its own (ADR 0063, ADR 0076). PGlite 0.5 takes them as start
 * parameters (`-c name=value`, which outrank postgresql.conf); 0.3 compiled them into its WebAssembly, where kuaibao
 * rewrote them in memory.
 *
 * - fsync on: PGlite 0.5 starts PostgreSQL with `-F` (no fsync); 0.3 fsynced, and a commit must survive the machine's
 *   crash as it did. (An in-memory database has nothing to sync.)
 * - shared_buffers 16MB (128MB by default): the buffer pool is allocated and touched at start, and WebAssembly memory
 *   never shrinks; the kuaibao database fits in a few MB and every page also sits in PGlite's in-memory file system.
 * - temp_buffers 1MB (8MB): kuaibao creates no temporary tables.
 * - max_wal_size 32MB (1GB): the WAL segments live in JS memory, and after a checkpoint (pglite-maintenance.ts)
 *   PostgreSQL keeps recycled segments up to max_wal_size.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'on',
  shared_buffers: '16MB',
  temp_buffers: '1MB',
  max_wal_size: '32MB',
};

/** PGlite's own start parameters (`PGlite.defaultStartParams`; the class is loaded only with PGlite) and kuaibao's settings. */
export function pgliteStartParams(defaults: readonly string[], settings: Readonly<Record<string, string>> = PGLITE_SETTINGS): string[] {
  return [...defaults, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}

/**
 * initdb's switches for a new database: without page checksums, which PostgreSQL 18's initdb turns on by default
 * (PGlite 0.3's PostgreSQL 17 had none). Every page read into and written from the small buffer pool is checksummed in
 * WebAssembly, and the pages live in PGlite's file system, not on a disk that could tear them.
 */
export const PGLITE_INITDB_PARAMS: string[] = ['--no-data-checksums'];
