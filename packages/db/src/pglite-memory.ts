import type { Extension } from '@electric-sql/pglite';

/**
 * PGlite 0.3 starts PostgreSQL with settings compiled into its WebAssembly as command-line switches
 * (`-c shared_buffers=128MB`, `temp_buffers=8MB`, `min_wal_size=80MB`, …). A command-line setting outranks
 * postgresql.conf, postgresql.auto.conf and ALTER SYSTEM, and PGlite passes no option of ours to PostgreSQL, so
 * the only way to change them is to rewrite those strings in the module's memory before PostgreSQL reads them
 * (ADR 0063). Each replacement is no longer than the original; a string not found is an error, so an upgrade
 * of PGlite that moves them fails at open instead of silently keeping 128 MB of buffers.
 *
 * - shared_buffers 128MB → 16MB: the buffer pool is allocated and touched at start, and WebAssembly memory never
 *   shrinks; the kuaibao database fits in a few MB and every page also sits in PGlite's in-memory file system.
 * - temp_buffers 8MB → 1MB: kuaibao creates no temporary tables.
 * - min_wal_size=80MB → max_wal_size=32MB (the same slot; min_wal_size falls back to its default): the WAL
 *   segments live in JS memory, and after a checkpoint (pglite-maintenance.ts) PostgreSQL keeps recycled
 *   segments up to max_wal_size — 1 GB by default.
 */
export const PGLITE_SWITCHES: ReadonlyArray<readonly [compiledIn: string, replacement: string]> = [
  ['shared_buffers=128MB', 'shared_buffers=16MB'],
  ['temp_buffers=8MB', 'temp_buffers=1MB'],
  ['min_wal_size=80MB', 'max_wal_size=32MB'],
];

/** A PGlite extension whose only job is to rewrite PGLITE_SWITCHES before PostgreSQL starts. */
export const boundedMemory: Extension = {
  name: 'kuaibao-bounded-memory',
  setup: async (_pg, emscriptenOpts: { preRun?: Array<(module: { HEAPU8: Uint8Array }) => void> }) => ({
    emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), (module: { HEAPU8: Uint8Array }) => rewriteSwitches(module.HEAPU8)] },
  }),
};

export function rewriteSwitches(heap: Uint8Array, switches = PGLITE_SWITCHES): void {
  const encoder = new TextEncoder();
  for (const [compiledIn, replacement] of switches) {
    if (replacement.length > compiledIn.length) throw new Error(`PGlite switch ${replacement} is longer than ${compiledIn}`);
    const at = indexOfCString(heap, encoder.encode(compiledIn));
    if (at < 0) throw new Error(`PGlite's compiled-in switch ${compiledIn} was not found: ADR 0063 needs a look after a PGlite upgrade`);
    heap.fill(0, at, at + compiledIn.length);
    heap.set(encoder.encode(replacement), at);
  }
}

/** Where `needle` stands as a whole NUL-terminated C string (preceded by NUL), or -1. */
function indexOfCString(heap: Uint8Array, needle: Uint8Array): number {
  for (let i = heap.indexOf(needle[0]!); i >= 0; i = heap.indexOf(needle[0]!, i + 1)) {
    if (i === 0 || heap[i - 1] !== 0 || heap[i + needle.length] !== 0) continue;
    let same = true;
    for (let j = 1; j < needle.length && same; j++) same = heap[i + j] === needle[j];
    if (same) return i;
  }
  return -1;
}
