import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { createTestDatabase } from './test-database';

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

/** A trigger of the schema: its table, its function, and the events it fires on. */
interface Trigger {
  table: string;
  name: string;
  fn: string;
  events: Event[];
  /** Statement-level with transition tables: the read models' triggers (inbox_task, its viewers, monitor_report). */
  transition: boolean;
}

/**
 * PostgreSQL fires a statement-level trigger once per statement even when it touched no row, and an engine step runs
 * several such statements (docs/adr/0066): each read-model trigger function returns at once then, instead of running
 * its statements and the triggers those fire in turn.
 */
describe('read-model triggers on a statement that touched no row', () => {
  let db: Database;
  let triggers: Trigger[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const rows = await db.prisma.$queryRawUnsafe<{ table: string; name: string; fn: string; type: number; transition: boolean }[]>(`
      SELECT c.relname::text AS table, t.tgname::text AS name, p.proname::text AS fn, t.tgtype::int AS type,
             (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL) AS transition
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND n.nspname = current_schema()
      ORDER BY 1, 2`);
    // tgtype bits: 4 INSERT, 8 DELETE, 16 UPDATE
    const events = (type: number) => (['INSERT', 'UPDATE', 'DELETE'] as const).filter((_, i) => type & [4, 16, 8][i]!);
    triggers = rows.map(({ type, ...trigger }) => ({ ...trigger, events: events(type) }));
  });
  afterAll(() => db?.close());

  it('finds the read models\' statement-level triggers', () => {
    const tables = new Set(triggers.filter((t) => t.transition).map((t) => t.table));
    expect([...tables]).toEqual(expect.arrayContaining(['engine_user_task', 'incident_report', 'inbox_task', 'report_clock', 'engine_incident']));
  });

  it('runs each such statement without error, calling no function but the table\'s own trigger functions', async () => {
    const statements = [...new Set(triggers.filter((t) => t.transition).flatMap((t) => t.events.map((event) => `${t.table} ${event}`)))];
    for (const key of statements) {
      const [table, event] = key.split(' ') as [string, Event];
      const column = await firstColumn(table);
      const statement =
        event === 'INSERT' ? `INSERT INTO "${table}" SELECT * FROM "${table}" WHERE false`
        : event === 'UPDATE' ? `UPDATE "${table}" SET "${column}" = "${column}" WHERE false`
        : `DELETE FROM "${table}" WHERE false`;
      const called = await db.prisma.$transaction(async (tx) => {
        // the view can still hold counts of earlier transactions not yet flushed: compare before and after
        const calls = async () =>
          new Map((await tx.$queryRawUnsafe<{ name: string; calls: number }[]>(`SELECT funcname::text AS name, calls::int FROM pg_stat_xact_user_functions`)).map((f) => [f.name, f.calls]));
        await tx.$executeRawUnsafe(`SET LOCAL track_functions = 'pl'`);
        const before = await calls();
        await tx.$executeRawUnsafe(statement);
        return [...(await calls())].filter(([name, n]) => n > (before.get(name) ?? 0)).map(([name]) => name);
      });
      const own = new Set(triggers.filter((t) => t.table === table && t.events.includes(event)).map((t) => t.fn));
      expect({ statement: key, beneath: called.filter((name) => !own.has(name)).sort() }).toEqual({ statement: key, beneath: [] });
    }
  });

  async function firstColumn(table: string): Promise<string> {
    const [row] = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position LIMIT 1`,
      table,
    );
    return row!.name;
  }
});
