import { Prisma } from '@prisma/client';
import type { SqlDriver } from '../driver';

export interface InboxFilter {
  /** The caller's candidate groups and username: a task is visible when either matches or it is assigned to them. */
  groups: string[];
  username: string;
  view?: 'mine' | 'group' | 'all';
  kind?: string;
  severity?: string;
  category?: string;
  reportingUnitId?: string;
  overdue?: boolean;
  sort?: 'due' | 'created';
  now: Date;
  offset: number;
  limit: number;
}

/** Who may act on an open task. */
export interface OpenTaskHead {
  key: string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
}

/** A user task created, claimed, released or ended since the live inbox's last look. */
export interface TaskChange extends OpenTaskHead {
  /** Still open (not completed or canceled). */
  open: boolean;
  /** Created since the last look (it may have been claimed meanwhile). */
  created: boolean;
  /** The assignee before the last change of assignee, to tell them the task left them. */
  formerAssignee: string | null;
}

/**
 * The changes after `cursor` and where the next look starts. `cursor` null: no changes, only the start
 * (a first look, which has nothing to compare with).
 */
export type TaskChangeFeed = (cursor: string | null) => Promise<{ cursor: string; changes: TaskChange[] }>;

export interface InboxRow {
  key: string;
  instanceKey: string;
  elementId: string;
  name: string | null;
  kind: string | null;
  assignee: string | null;
  candidateGroups: string[];
  dueDate: Date | null;
  createdAt: Date;
  reportId: string;
  reportKind: string;
  /** The step the report has reached (packages/domain/src/report-status.ts). */
  reportStatus: string;
  incidentNumber: string;
  title: string;
  severity: string;
  category: string;
  reportingUnitId: string;
  /** The statutory clock the task's due date comes from (docs/adr/0009), if any. */
  clockChannel: string | null;
  clockRule: string | null;
  policyCode: string | null;
  policyVersion: number | null;
}

export interface InboxCounts {
  mine: number;
  group: number;
  all: number;
  overdue: number;
}

type CountFilter = Omit<InboxFilter, 'view' | 'offset' | 'limit' | 'sort' | 'overdue'>;

/**
 * The inbox: open user tasks the caller may act on (candidate groups, candidate user, assignee), with
 * their report, incident and the clock behind the due date. It reads `inbox_task_viewer` (docs/adr/0016),
 * one row per viewer of each row of the read model `inbox_task` (docs/adr/0014), whose covering indexes
 * hold one viewer's tasks side by side in the inbox's orders: the visible tasks are counted by an
 * index-only scan, a page is the first rows of an index walk per viewer, and only the tasks of the page
 * are joined to the task, report, incident and clock. Its statements run on the database driver: Prisma's
 * raw-query layer cost ~3 ms on a page of 50 rows of 25 columns (docs/benchmarks.md).
 */
export function createInboxRepository(driver: Pick<SqlDriver, 'query'>) {
  const run = <T>(statement: Prisma.Sql): Promise<T[]> => driver.query<T>(statement.text, statement.values);
  /**
   * The caller as viewers (`inbox_task_viewer.viewer`), each with those before it: a task several of them
   * see is counted and listed under the first only (`firstViewer`), so nothing needs a hash to deduplicate.
   */
  const viewers = (f: Pick<InboxFilter, 'groups' | 'username'>) => {
    const keys = [...f.groups.map((group) => `group:${group}`), `user:${f.username}`];
    return Prisma.sql`SELECT u.viewer, (${keys}::text[])[1:u.n - 1] AS earlier FROM unnest(${keys}::text[]) WITH ORDINALITY u(viewer, n)`;
  };
  /**
   * The row `x` of viewer `k` is the task's row for this caller: none of the caller's earlier viewers sees
   * it. The first viewer (usually the group with nearly all the rows) skips the array test.
   */
  const firstViewer = Prisma.sql`x.viewer = k.viewer AND (cardinality(k.earlier) = 0 OR NOT (x.viewers && k.earlier))`;
  /** The view and the overdue filter, on `inbox_task_viewer x`. */
  const inView = (f: Pick<InboxFilter, 'view' | 'overdue' | 'username' | 'now'>) => {
    const parts: Prisma.Sql[] = [];
    if (f.view === 'mine') parts.push(Prisma.sql`x.assignee = ${f.username}`);
    if (f.view === 'group') parts.push(Prisma.sql`x.assignee IS NULL`);
    if (f.overdue === true) parts.push(Prisma.sql`x.due_date < ${f.now}`);
    if (f.overdue === false) parts.push(Prisma.sql`(x.due_date IS NULL OR x.due_date >= ${f.now})`);
    return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`true`;
  };
  /** The filters on the task (kind) and its incident, on `inbox_task_viewer x`. */
  const filtered = (f: CountFilter) => {
    const parts = [Prisma.sql`true`];
    if (f.kind) parts.push(Prisma.sql`x.kind = ${f.kind}`);
    if (f.severity) parts.push(Prisma.sql`x.severity = ${f.severity}`);
    if (f.category) parts.push(Prisma.sql`x.category = ${f.category}`);
    if (f.reportingUnitId) parts.push(Prisma.sql`x.reporting_unit_id = ${f.reportingUnitId}`);
    return Prisma.join(parts, ' AND ');
  };
  /** The inbox's orders: those of the indexes `inbox_task_viewer_due_idx` and `_created_idx` after the viewer. */
  const order = (f: Pick<InboxFilter, 'sort'>, v: string) =>
    Prisma.raw(f.sort === 'created' ? `${v}.created_at DESC, ${v}.task_key DESC` : `${v}.due_date ASC NULLS LAST, ${v}.created_at ASC, ${v}.task_key ASC`);

  /**
   * One statement. The tally counts the view and the tabs over the caller's visible rows (`where`), read
   * index-only. The page takes, per viewer, the first `offset + limit` rows of the view (`listed`) in order,
   * an index walk; the page of the whole is among them, sorted and sliced from at most that many rows per
   * viewer. A filter that matches few rows makes the walk read at most that viewer's rows.
   */
  async function page(f: InboxFilter, where: Prisma.Sql, listed: Prisma.Sql) {
    const rows = await run<PageRow>(Prisma.sql`
      WITH k AS (${viewers(f)}),
      tally AS (
        SELECT count(*) FILTER (WHERE ${listed}) AS total, count(*) FILTER (WHERE x.assignee = ${f.username}) AS mine,
               count(*) FILTER (WHERE x.assignee IS NULL) AS "group", count(*) AS "all", count(*) FILTER (WHERE x.due_date < ${f.now}) AS overdue
        FROM k JOIN inbox_task_viewer x ON ${firstViewer} WHERE ${where}),
      page AS (
        SELECT p.* FROM k CROSS JOIN LATERAL (
          SELECT x.task_key, x.report_id, x.due_date, x.created_at FROM inbox_task_viewer x
          WHERE ${firstViewer} AND ${where} AND ${listed} ORDER BY ${order(f, 'x')} LIMIT ${f.offset + f.limit}) p
        ORDER BY ${order(f, 'p')} OFFSET ${f.offset} LIMIT ${f.limit})
      SELECT n.total, n.mine, n."group", n."all", n.overdue,
             t.key, t.instance_key AS "instanceKey", t.element_id AS "elementId", t.name, t.custom_headers->>'kind' AS kind,
             t.assignee, t.candidate_groups AS "candidateGroups", t.due_date AS "dueDate", t.created_at AS "createdAt",
             r.id AS "reportId", r.kind AS "reportKind", r.status AS "reportStatus", i.number AS "incidentNumber", i.title, i.severity, i.category,
             i.reporting_unit_id AS "reportingUnitId", c.channel AS "clockChannel", c.rule AS "clockRule",
             c.policy_code AS "policyCode", c.policy_version AS "policyVersion"
      FROM tally n LEFT JOIN (
        page p
        JOIN engine_user_task t ON t.key = p.task_key
        JOIN incident_report r ON r.id = p.report_id
        JOIN incident i ON i.number = r.incident_number
        LEFT JOIN LATERAL (
          -- the report's clock that set the task's due date (written before phone when both fall due at once)
          SELECT c.channel, c.rule, c.policy_code, c.policy_version FROM report_clock c
          WHERE c.report_id = r.id AND c.due_at = t.due_date ORDER BY c.channel DESC LIMIT 1) c ON true
      ) ON true
      ORDER BY ${order(f, 'p')}`);
    const head = rows[0];
    const items = rows.flatMap(({ total: _t, mine: _m, group: _g, all: _a, overdue: _o, key, instanceKey, ...row }) =>
      key === null ? [] : [{ ...row, key: String(key), instanceKey: String(instanceKey) } as InboxRow],
    );
    const counts: InboxCounts = { mine: Number(head?.mine ?? 0), group: Number(head?.group ?? 0), all: Number(head?.all ?? 0), overdue: Number(head?.overdue ?? 0) };
    return { items, total: Number(head?.total ?? 0), counts };
  }

  /**
   * The tasks whose state or assignee changed in a transaction from `cursor` up to the oldest one still
   * running (docs/adr/0017): every transaction below it has ended, so no change below it can appear later,
   * and the next look starts there. An index range read of the changed rows, whatever the number of open tasks.
   */
  const taskChanges: TaskChangeFeed = async (cursor) => {
    const horizon = Prisma.sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xid`;
    if (cursor === null) {
      const [start] = await run<{ xid: string }>(Prisma.sql`SELECT xid::text FROM (${horizon}) h`);
      return { cursor: start!.xid, changes: [] };
    }
    const rows = await run<TaskChange & { horizon: string; key: string | null }>(Prisma.sql`
      SELECT h.xid::text AS horizon, t.key::text AS key, t.state = 'created' AS open, t.created_xid >= ${cursor}::bigint AS created,
             t.assignee, t.former_assignee AS "formerAssignee", t.candidate_groups AS "candidateGroups", t.candidate_users AS "candidateUsers"
      FROM (SELECT greatest(xid, ${cursor}::bigint) AS xid FROM (${horizon}) s) h
      LEFT JOIN engine_user_task t ON t.changed_xid >= ${cursor}::bigint AND t.changed_xid < h.xid
      ORDER BY t.changed_xid, t.key`);
    const changes = rows.flatMap(({ horizon: _h, key, ...change }) => (key === null ? [] : [{ ...change, key }]));
    return { cursor: rows[0]!.horizon, changes };
  };

  return {
    /** A page of the caller's view and how many tasks the view holds. */
    async list(f: InboxFilter): Promise<{ items: InboxRow[]; total: number }> {
      const { items, total } = await page(f, Prisma.sql`${filtered(f)} AND ${inView(f)}`, Prisma.sql`true`);
      return { items, total };
    },

    /** The page (as `list`) and the tab counts (as `counts`) in one read of the visible tasks: what GET /api/tasks shows. */
    async listWithCounts(f: InboxFilter): Promise<{ items: InboxRow[]; total: number; counts: InboxCounts }> {
      return page(f, filtered(f), inView(f));
    },

    taskChanges,

    /** Who may act on the open tasks of one instance now: whom a 催办 reaches. */
    openTasksOf: (instanceKey: string) =>
      run<OpenTaskHead & { name: string | null; kind: string | null }>(Prisma.sql`
        SELECT t.key::text AS key, t.assignee, t.candidate_groups AS "candidateGroups", t.candidate_users AS "candidateUsers", t.name,
               t.custom_headers->>'kind' AS kind
        FROM engine_user_task t WHERE t.state = 'created' AND t.instance_key = ${instanceKey}::bigint ORDER BY t.created_at ASC`),

    /** How many open tasks each view holds, for the inbox tabs: the tally of `listWithCounts`, without a page. */
    async counts(f: CountFilter): Promise<InboxCounts> {
      return (await page({ ...f, offset: 0, limit: 0 }, filtered(f), Prisma.sql`true`)).counts;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;

/**
 * A row of the page statement: the tally on every row; the task's columns null when the page is empty.
 * Its bigints arrive as strings (pg) or numbers (PGlite).
 */
type Int8 = string | number;
type PageRow = Omit<InboxRow, 'key' | 'instanceKey'> & {
  key: Int8 | null;
  instanceKey: Int8 | null;
  total: Int8;
  mine: Int8;
  group: Int8;
  all: Int8;
  overdue: Int8;
};
