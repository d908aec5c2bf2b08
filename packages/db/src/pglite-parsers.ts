import type { PGlite } from '@electric-sql/pglite';

/** Type OIDs from here up are assigned by initdb to the system views' row types and their arrays. */
const FIRST_INITDB_OID = 10_000;

/**
 * PGlite 0.3 copies `db.parsers` into a new object for every query (`{ ...parsers, ...options.parsers }`
 * in its result parser; 0.5 no longer does when a query brings no parsers of its own). At open the
 * object holds 316 entries, 212 of them array parsers for the row types of the system views, which
 * kuaibao never reads. The copy cost ~60 µs of a ~200 µs `SELECT 1`. Dropping those returns the same
 * values (pglite-parsers.test.ts). The built-in types' parsers stay: the array parsers look their
 * element's parser up in this object.
 */
export function pruneParsers(db: PGlite): void {
  db.parsers = Object.fromEntries(Object.entries(db.parsers).filter(([type]) => !(Number(type) >= FIRST_INITDB_OID)));
}
