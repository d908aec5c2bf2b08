import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** The few raw-SQL operations that Prisma cannot do for us: multi-statement migration scripts and locks. */
export interface SqlDriver {
  readonly kind: 'pglite' | 'postgres';
  /** Runs a multi-statement script inside one transaction, then `after` in the same transaction. */
  execInTransaction(script: string, after?: { sql: string; params: unknown[] }): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn while holding a session-level advisory lock (so two processes never migrate at once). */
  withAdvisoryLock<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createPGliteDriver(db: PGlite): SqlDriver {
  return {
    kind: 'pglite',
    async execInTransaction(script, after) {
      await db.transaction(async (tx) => {
        await tx.exec(script);
        if (after) await tx.query(after.sql, after.params);
      });
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
    // PGlite is single-process and serialises its transactions: no cross-process lock is needed.
    withAdvisoryLock: (_lockId, fn) => fn(),
    close: () => db.close(),
  };
}

export function createPostgresDriver(pool: pg.Pool): SqlDriver {
  return {
    kind: 'postgres',
    async execInTransaction(script, after) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        if (after) await client.query(after.sql, after.params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
    async withAdvisoryLock(lockId, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [lockId]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [lockId]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
