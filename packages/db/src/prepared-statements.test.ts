import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCluster } from './pglite-cluster';
import { PGlitePreparedStatements, PREPARED } from './prepared-statements';

/** Values of every kind kuaibao binds and reads, as parameters and as results. */
const ROUND_TRIP = `SELECT $1::text AS text, $2::int8 AS int8, $3::jsonb AS jsonb, $4::timestamptz AS at, $5::text[] AS texts,
  $6::bool AS flag, $7::numeric AS amount, $8::int4[] AS ints, NULL::text AS nothing`;
const VALUES = ['快报', 9007199254740993n, { a: [1, '二'] }, new Date('2026-12-01T00:00:00Z'), ['a', 'b'], true, '1.5', [1, 2]];

describe('PGlite: statements with parameters run prepared', () => {
  let cluster: Blob;
  let db: PGlite;
  /** The same database with statements run through PGlitePreparedStatements (limit: 3 unmarked statements). */
  let prepared: PGlite;
  /** The session's prepared statements (read by query(): a statement without parameters is not prepared). */
  const preparedNames = async () =>
    (await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name')).rows.map((row) => row.name);

  beforeAll(async () => {
    cluster = await freshCluster();
    db = await PGlite.create({ loadDataDir: cluster });
    prepared = new PGlitePreparedStatements(db, 3).wrap(db, false);
    await db.exec('CREATE TABLE note (id int PRIMARY KEY, body text)');
  });
  afterAll(async () => db?.close());

  it('returns what query() returns, in both row modes and with a query’s own parsers', async () => {
    const own = { [types.INT8]: (value: string) => `int8:${value}` };
    const fresh = await PGlite.create({ loadDataDir: cluster });
    try {
      for (const options of [undefined, { rowMode: 'array' as const, parsers: own }]) {
        const expected = await fresh.query(ROUND_TRIP, VALUES, options);
        const actual = await prepared.query(ROUND_TRIP, VALUES, options);
        expect(actual.rows).toEqual(expected.rows);
        expect(actual.fields).toEqual(expected.fields);
      }
    } finally {
      await fresh.close();
    }
  });

  it('parses a text once and runs it by name after', async () => {
    const before = await preparedNames();

    // when
    for (let id = 1; id <= 5; id++) await prepared.query('INSERT INTO note (id, body) VALUES ($1, $2)', [id, `第${id}条`]);

    // then: one prepared statement for the five runs, and the rows are there
    expect((await preparedNames()).filter((name) => !before.includes(name))).toHaveLength(1);
    expect((await prepared.query('SELECT count(*)::int AS n FROM note WHERE id > $1', [0])).rows).toEqual([{ n: 5 }]);
  });

  it('keeps at most its limit of unmarked statements, closing the least recently run, and never a marked one', async () => {
    // given: a marked statement, then more unmarked texts than the limit (3)
    await prepared.query(`${PREPARED} SELECT body FROM note WHERE id = $1`, [1]);
    for (let i = 0; i < 6; i++) await prepared.query(`SELECT $1::int + ${i} AS n`, [i]);

    // then
    const names = await preparedNames();
    expect(names.filter((name) => name.startsWith('kb_u_'))).toHaveLength(3);
    expect(names.filter((name) => !name.startsWith('kb_u_'))).toHaveLength(1);
    // and a closed text is parsed again when it comes back
    expect((await prepared.query('SELECT $1::int + 0 AS n', [41])).rows).toEqual([{ n: 41 }]);
  });

  it('parses a statement again when its table changed under it', async () => {
    // given: a statement whose result columns a migration changes after it was prepared
    await prepared.query('SELECT * FROM note WHERE id = $1', [1]);
    await db.exec('ALTER TABLE note ADD COLUMN author text');

    // then: outside a transaction it answers with the new columns
    expect((await prepared.query('SELECT * FROM note WHERE id = $1', [1])).rows).toEqual([{ id: 1, body: '第1条', author: null }]);

    // and inside one, the run fails as any failed statement does, and the text is parsed again the next time
    await db.exec('ALTER TABLE note ADD COLUMN seen bool');
    await expect(prepared.transaction((tx) => tx.query('SELECT * FROM note WHERE id = $1', [1]))).rejects.toMatchObject({ code: '0A000' });
    expect((await prepared.query('SELECT * FROM note WHERE id = $1', [1])).rows).toEqual([{ id: 1, body: '第1条', author: null, seen: null }]);
  });

  it('rolls back a transaction whose prepared statement failed, and keeps working after', async () => {
    // when: a duplicate key inside a transaction
    const failing = prepared.transaction(async (tx) => {
      await tx.query('INSERT INTO note (id, body) VALUES ($1, $2)', [100, '回滚']);
      await tx.query('INSERT INTO note (id, body) VALUES ($1, $2)', [1, '重复']);
    });

    // then
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect((await prepared.query('SELECT count(*)::int AS n FROM note WHERE id = $1', [100])).rows).toEqual([{ n: 0 }]);
    await prepared.query('INSERT INTO note (id, body) VALUES ($1, $2)', [100, '再试']);
    expect((await prepared.query('SELECT body FROM note WHERE id = $1', [100])).rows).toEqual([{ body: '再试' }]);
  });

  it('leaves statements without parameters and scripts to query()', async () => {
    const before = await preparedNames();
    await prepared.query('SELECT 1 AS one');
    await prepared.exec('SELECT 1; SELECT 2;');
    expect(await preparedNames()).toEqual(before);
  });
});
