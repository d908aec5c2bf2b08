import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { createTestDatabase } from './test-database';

/**
 * monitor_report's triggers note the reports a statement touched and a deferred constraint trigger recomputes each
 * noted row once, at commit (docs/adr/0067): a transaction that changes a report several times (an engine step sets
 * its status, starts and moves its clocks, creates and ends its tasks) recomputes its row once, not once per statement.
 */
describe('monitor_report, recomputed once per transaction', () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.$executeRawUnsafe(`INSERT INTO org_unit (id, code, name, kind, level, division_code) VALUES ('mr-unit', 'mr-unit', '监控测试单位', 'government', 'county', '330102')`);
    await db.prisma.$executeRawUnsafe(`INSERT INTO app_user (id, username, display_name, password_hash, unit_id, roles) VALUES ('mr-user', 'mr-user', '测试员', 'x', 'mr-unit', '{}')`);
    for (const n of [1, 2]) {
      await db.prisma.$executeRawUnsafe(`INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at)
        VALUES ('MR-${n}', '测试事件 ${n}', 'fire', 'general', 'mr-unit', 'open', now(), now())`);
      await db.prisma.$executeRawUnsafe(`INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, instance_key)
        VALUES ('mr-report-${n}', 'MR-${n}', 'first', 1, 'submitting', '{}', 'mr-user', '99000${n}')`);
    }
  });
  afterAll(() => db?.close());

  /** Runs `writes` in one transaction; returns the calls of `fn` (the refresh, by default) in it, the commit-time ones included. */
  async function refreshCalls(writes: string[], fn = 'monitor_report_refresh'): Promise<number> {
    return db.prisma.$transaction(async (tx) => {
      const calls = async () => {
        const [row] = await tx.$queryRawUnsafe<{ calls: number }[]>(`SELECT COALESCE(sum(calls), 0)::int AS calls FROM pg_stat_xact_user_functions WHERE funcname = $1`, fn);
        return row!.calls;
      };
      await tx.$executeRawUnsafe(`SET LOCAL track_functions = 'pl'`);
      // the view can still hold counts of earlier transactions not yet flushed: compare before and after
      const before = await calls();
      for (const statement of writes) await tx.$executeRawUnsafe(statement);
      // what the commit would run: the deferred triggers, now, inside the transaction where the view still counts them
      await tx.$executeRawUnsafe('SET CONSTRAINTS ALL IMMEDIATE');
      return (await calls()) - before;
    });
  }

  const monitorRow = async (id: string) =>
    (await db.prisma.$queryRawUnsafe<{ report_status: string; next_due_at: Date | null }[]>(`SELECT report_status, next_due_at FROM monitor_report WHERE report_id = $1`, id))[0];

  it('recomputes a report changed by several statements once, from the final state', async () => {
    const calls = await refreshCalls([
      `UPDATE incident_report SET status = 'verifying' WHERE id = 'mr-report-1'`,
      `INSERT INTO report_clock (report_id, channel, incident_number, due_at, started_at, origin, within, immediate, rule, policy_code, policy_version, status)
         VALUES ('mr-report-1', 'written', 'MR-1', '2030-01-01T00:00:00Z', now(), 'occurred', 'PT1H', false, 'r', 'p', 1, 'open')`,
      `UPDATE report_clock SET due_at = '2030-01-02T00:00:00Z' WHERE report_id = 'mr-report-1'`,
      `UPDATE incident_report SET status = 'signing' WHERE id = 'mr-report-1'`,
    ]);
    expect(calls).toBe(1);
    expect(await monitorRow('mr-report-1')).toEqual({ report_status: 'signing', next_due_at: new Date('2030-01-02T00:00:00Z') });
  });

  it('recomputes two reports changed in one transaction in one call, and leaves nothing noted', async () => {
    const calls = await refreshCalls([
      `UPDATE incident_report SET status = 'reported' WHERE id = 'mr-report-1'`,
      `UPDATE incident_report SET status = 'verifying' WHERE id = 'mr-report-2'`,
      `UPDATE report_clock SET status = 'met' WHERE report_id = 'mr-report-1'`,
      `UPDATE incident_report SET status = 'concluded' WHERE id = 'mr-report-2'`,
    ]);
    expect(calls).toBe(1);
    expect(await monitorRow('mr-report-1')).toEqual({ report_status: 'reported', next_due_at: null });
    // concluded: no longer running, so no longer in the read model
    expect(await monitorRow('mr-report-2')).toBeUndefined();
    expect(await db.prisma.$queryRawUnsafe(`SELECT report_id FROM monitor_report_pending`)).toEqual([]);
  });

  it('plans the refresh once per connection, not once per call (a custom plan cost more to make than to run)', async () => {
    const [row] = await db.prisma.$queryRawUnsafe<{ config: string[] }[]>(`SELECT proconfig AS config FROM pg_proc WHERE proname = 'monitor_report_refresh'`);
    expect(row!.config).toEqual(['plan_cache_mode=force_generic_plan']);
  });

  it('keeps the row of a rolled-back change, and a statement outside a transaction recomputes at its own commit', async () => {
    await expect(db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE incident_report SET status = 'concluded' WHERE id = 'mr-report-1'`);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await monitorRow('mr-report-1')).toEqual({ report_status: 'reported', next_due_at: null });
    await db.prisma.$executeRawUnsafe(`UPDATE incident_report SET status = 'verifying' WHERE id = 'mr-report-2'`);
    expect(await monitorRow('mr-report-2')).toEqual({ report_status: 'verifying', next_due_at: null });
    expect(await db.prisma.$queryRawUnsafe(`SELECT report_id FROM monitor_report_pending`)).toEqual([]);
  });

  it('runs its commit-time flush once per transaction, however many reports it noted', async () => {
    // a flush per noted report walked, each, the rows the first had taken: O(n²) at commit (docs/adr/0079)
    const noted = `SELECT monitor_report_note(ARRAY(SELECT 'mr-many-' || g FROM generate_series(1, 300) g))`;
    expect(await refreshCalls([noted], 'monitor_report_flush')).toBe(1);
    expect(await db.prisma.$queryRawUnsafe(`SELECT report_id FROM monitor_report_pending`)).toEqual([]);
    expect(await db.prisma.$queryRawUnsafe(`SELECT tx::text FROM monitor_report_flush_due`)).toEqual([]);
  });

  it('recomputes again a report changed after the transaction flushed (SET CONSTRAINTS … IMMEDIATE)', async () => {
    const calls = await refreshCalls([
      `UPDATE incident_report SET status = 'verifying' WHERE id = 'mr-report-1'`,
      'SET CONSTRAINTS ALL IMMEDIATE',
      'SET CONSTRAINTS ALL DEFERRED',
      `UPDATE incident_report SET status = 'signing' WHERE id = 'mr-report-1'`,
    ]);
    expect(calls).toBe(2);
    expect(await monitorRow('mr-report-1')).toMatchObject({ report_status: 'signing' });
  });
});
