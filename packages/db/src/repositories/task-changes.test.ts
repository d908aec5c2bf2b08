import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client';
import { createTestDatabase } from '../test-database';
import { createInboxRepository, type TaskChange, type TaskChangeFeed } from './inbox';

/**
 * The live inbox's change feed (docs/adr/0017): the user tasks created, claimed, released and ended since
 * a cursor, read by transaction id, so a look costs the changes, not the open tasks.
 */
describe('the task change feed', () => {
  let db: Database;
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
  const insertTasks = (keys: number[]) =>
    q(
      `INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, candidate_groups, candidate_users, custom_headers, variables)
       SELECT k, 1, 'verify', 'e-' || k, '核实', 'created', ARRAY['unit:a:verifier'], ARRAY['ann'], '{}', '{}' FROM unnest($1::int[]) k`,
      [keys],
    );
  const change = (key: number, fields: Partial<TaskChange>): TaskChange => ({
    key: String(key), open: true, created: false, assignee: null, formerAssignee: null, candidateGroups: ['unit:a:verifier'], candidateUsers: ['ann'], ...fields,
  });

  /**
   * The feed's looks from `cursor` until its horizon has passed every write made before the call. On a shared
   * PostgreSQL, other sessions' transactions (CI runs test files side by side) hold the horizon back for a while,
   * so one look may not reach the latest writes yet; a transaction id taken now is above all of theirs.
   */
  async function changesUntilNow(feed: TaskChangeFeed, cursor: string): Promise<{ cursor: string; changes: TaskChange[] }> {
    const [latest] = await db.driver.query<{ xid: string }>(`SELECT pg_current_xact_id()::text AS xid`);
    const now = BigInt(latest!.xid);
    const changes: TaskChange[] = [];
    for (let looks = 1; ; looks++) {
      const look = await feed(cursor);
      changes.push(...look.changes);
      cursor = look.cursor;
      if (BigInt(cursor) > now) return { cursor, changes };
      if (looks === 500) throw new Error(`the feed's horizon stayed at ${cursor}, below ${now}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await q(`INSERT INTO engine_definition (key, bpmn_process_id, version, resource_name, checksum, tenant_id, source) VALUES (1, 'p', 1, 'p.bpmn', 'x', '<default>', '')`);
    await q(`INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, state, engine_state, variables, active_elements)
             VALUES (1, 1, 'p', 1, '<default>', 'active', '{}', '{}', '[]')`);
    await insertTasks([1, 2, 3]);
  });
  afterAll(() => db.close());

  it('starts with no changes, then reports each task created, claimed, released or ended once', async () => {
    // given
    const feed = createInboxRepository(db.driver).taskChanges;
    const opened = await feed(null);
    expect(opened.changes).toEqual([]);
    const start = await changesUntilNow(feed, opened.cursor);

    // when: a task is created, one claimed, one ended, one created and ended before the next look
    await insertTasks([4, 5]);
    await q(`UPDATE engine_user_task SET assignee = 'ann' WHERE key = 1`);
    await q(`UPDATE engine_user_task SET state = 'completed', completed_at = now() WHERE key IN (2, 5)`);
    await q(`UPDATE engine_user_task SET due_date = now() WHERE key = 3`); // neither state nor assignee
    const first = await changesUntilNow(feed, start.cursor);
    await q(`UPDATE engine_user_task SET assignee = NULL WHERE key = 1`);
    const second = await changesUntilNow(feed, first.cursor);
    const third = await feed(second.cursor);

    // then
    const byKey = (a: TaskChange, b: TaskChange) => Number(a.key) - Number(b.key);
    expect(first.changes.sort(byKey)).toEqual([
      change(1, { assignee: 'ann' }),
      change(2, { open: false }),
      change(4, { created: true }),
      change(5, { open: false, created: true }),
    ]);
    expect(second.changes).toEqual([change(1, { formerAssignee: 'ann' })]);
    expect(third.changes).toEqual([]);
    expect(BigInt(third.cursor)).toBeGreaterThanOrEqual(BigInt(second.cursor));
  });

  it.runIf(process.env.DATABASE_URL)('holds back the changes after a transaction still running, and reports them once it ends', async () => {
    // given a transaction that claimed task 3 and has not committed
    const feed = createInboxRepository(db.driver).taskChanges;
    const { cursor } = await changesUntilNow(feed, (await feed(null)).cursor);
    let commit: () => void = () => undefined;
    let claimed: (xid: bigint) => void = () => undefined;
    const claimXid = new Promise<bigint>((resolve) => (claimed = resolve));
    const running = db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE engine_user_task SET assignee = 'bob' WHERE key = 3`;
      const [own] = await tx.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`;
      claimed(BigInt(own!.xid));
      await new Promise<void>((resolve) => (commit = resolve));
    });
    const claim = await claimXid;

    // when a later transaction creates a task and commits first
    await insertTasks([6]);
    const during = await feed(cursor);
    commit();
    await running;
    const after = await changesUntilNow(feed, during.cursor);

    // then the creation is held back until the claim's (older) transaction ends: had the cursor moved past the
    // creation at once, the claim would have committed below it and never been reported. The cursor itself may
    // move up to the claim's transaction id (not past it): the horizon is the server's, and other test files'
    // transactions on the same PostgreSQL end meanwhile
    expect(during.changes).toEqual([]);
    expect(BigInt(during.cursor)).toBeGreaterThanOrEqual(BigInt(cursor));
    expect(BigInt(during.cursor)).toBeLessThanOrEqual(claim);
    expect(after.changes.map((c) => [c.key, c.created, c.assignee]).sort()).toEqual([['3', false, 'bob'], ['6', true, null]]);
  });
});
