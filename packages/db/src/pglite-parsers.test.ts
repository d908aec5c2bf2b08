import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneParsers } from './pglite-parsers';

/** Every kind of value kuaibao's tables and statements return, in both of PGlite's row modes. */
const VALUES = `SELECT 'a'::text AS text, array['a', 'b', NULL]::text[] AS texts, array['x']::varchar[] AS varchars,
  1::int4 AS int4, array[1, 2]::int4[] AS int4s, 9007199254740993::int8 AS int8, array[1, 9007199254740993]::int8[] AS int8s,
  1.5::numeric AS numeric, array[1.5]::numeric[] AS numerics, true AS bool, array[true, false]::bool[] AS bools,
  '{"a": [1, "二"]}'::jsonb AS jsonb, array['{"a": 1}']::jsonb[] AS jsonbs, '{"b": 2}'::json AS json,
  '2026-12-01T08:00:00+08:00'::timestamptz AS timestamptz, array['2026-12-01T08:00:00Z']::timestamptz[] AS timestamptzs,
  '2026-12-01'::date AS date, '\\x0102'::bytea AS bytea, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS uuid,
  array['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']::uuid[] AS uuids, '0/16B3748'::pg_lsn AS lsn, '7'::xid8 AS xid8, NULL::text AS nothing`;

describe('PGlite parsers pruned at open', () => {
  let full: PGlite;
  let pruned: PGlite;

  beforeAll(async () => {
    [full, pruned] = await Promise.all([PGlite.create(), PGlite.create()]);
    pruneParsers(pruned);
  });
  afterAll(async () => Promise.all([full?.close(), pruned?.close()]));

  it('keeps what PGlite copies for every query small', () => {
    expect(Object.keys(full.parsers).length).toBeGreaterThan(300);
    expect(Object.keys(pruned.parsers).length).toBeLessThan(120);
  });

  it('parses every value as the full set does, with and without a query’s own parsers', async () => {
    // given: the adapter Prisma runs on passes parsers of its own, in array row mode
    const own = { [types.INT8]: (value: string) => `int8:${value}` };

    // then
    expect((await pruned.query(VALUES)).rows).toEqual((await full.query(VALUES)).rows);
    expect((await pruned.query(VALUES, [], { rowMode: 'array', parsers: own })).rows).toEqual((await full.query(VALUES, [], { rowMode: 'array', parsers: own })).rows);
    expect((await pruned.query(VALUES)).rows[0]).toMatchObject({ int4s: [1, 2], bools: [true, false], jsonbs: [{ a: 1 }], int8s: [1, 9007199254740993n] });
  });
});
