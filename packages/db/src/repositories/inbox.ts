import { Prisma, type PrismaClient } from '@prisma/client';

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

/** Who may act on an open task: what the live inbox compares between two looks. */
export interface OpenTaskHead {
  key: string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
}

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
 * their report, incident and the clock behind the due date. It reads `inbox_task` (docs/adr/0014), one
 * row per open task of an instance with a report, written by triggers with the report id and the
 * incident columns it filters by: the visible tasks are found, filtered, counted and sorted in that
 * table alone, and only the tasks of the page are joined to the task, report, incident and clock.
 */
export function createInboxRepository(prisma: PrismaClient) {
  /** Who may act, on `inbox_task x`. Array operators (&&, @>): what its GIN indexes serve. */
  const candidate = (f: Pick<InboxFilter, 'groups' | 'username'>) =>
    Prisma.sql`(x.candidate_groups && ${f.groups}::text[] OR x.candidate_users @> ARRAY[${f.username}]::text[] OR x.assignee = ${f.username})`;
  /** The view and the overdue filter, on a row `v` that has `assignee` and `due_date` (a visible task). */
  const inView = (f: Pick<InboxFilter, 'view' | 'overdue' | 'username' | 'now'>, v: string) => {
    const col = (name: string) => Prisma.raw(`${v}.${name}`);
    const parts: Prisma.Sql[] = [];
    if (f.view === 'mine') parts.push(Prisma.sql`${col('assignee')} = ${f.username}`);
    if (f.view === 'group') parts.push(Prisma.sql`${col('assignee')} IS NULL`);
    if (f.overdue === true) parts.push(Prisma.sql`${col('due_date')} < ${f.now}`);
    if (f.overdue === false) parts.push(Prisma.sql`(${col('due_date')} IS NULL OR ${col('due_date')} >= ${f.now})`);
    return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`true`;
  };
  /** The caller's visible tasks with the filters on the task (kind) and its incident, on `inbox_task x`. */
  const visibleWhere = (f: CountFilter) => {
    const parts = [candidate(f)];
    if (f.kind) parts.push(Prisma.sql`x.kind = ${f.kind}`);
    if (f.severity) parts.push(Prisma.sql`x.severity = ${f.severity}`);
    if (f.category) parts.push(Prisma.sql`x.category = ${f.category}`);
    if (f.reportingUnitId) parts.push(Prisma.sql`x.reporting_unit_id = ${f.reportingUnitId}`);
    return Prisma.join(parts, ' AND ');
  };
  const order = (f: Pick<InboxFilter, 'sort'>, v: string) =>
    Prisma.raw(f.sort === 'created' ? `${v}.created_at DESC, ${v}.task_key DESC` : `${v}.due_date ASC NULLS LAST, ${v}.created_at ASC, ${v}.task_key ASC`);

  /**
   * One statement: the visible tasks (`visibleWhere`) are read once into `visible`; the page is the rows
   * of the view (`listed`) in order, and the tally counts the view and the tabs over the same rows. The
   * page is a sort of the visible set rather than a walk of an ordered index, so a filter that matches
   * few visible tasks (which the planner cannot foresee) never walks every open task.
   */
  async function page(f: InboxFilter, where: Prisma.Sql, listed: Prisma.Sql) {
    const rows = await prisma.$queryRaw<PageRow[]>`
      WITH visible AS MATERIALIZED (
        SELECT x.task_key, x.report_id, x.assignee, x.due_date, x.created_at FROM inbox_task x WHERE ${where}),
      page AS (SELECT * FROM visible v WHERE ${listed} ORDER BY ${order(f, 'v')} OFFSET ${f.offset} LIMIT ${f.limit}),
      tally AS (
        SELECT count(*) FILTER (WHERE ${listed}) AS total, count(*) FILTER (WHERE v.assignee = ${f.username}) AS mine,
               count(*) FILTER (WHERE v.assignee IS NULL) AS "group", count(*) AS "all", count(*) FILTER (WHERE v.due_date < ${f.now}) AS overdue
        FROM visible v)
      SELECT n.total, n.mine, n."group", n."all", n.overdue,
             t.key, t.instance_key AS "instanceKey", t.element_id AS "elementId", t.name, t.custom_headers->>'kind' AS kind,
             t.assignee, t.candidate_groups AS "candidateGroups", t.due_date AS "dueDate", t.created_at AS "createdAt",
             r.id AS "reportId", r.kind AS "reportKind", i.number AS "incidentNumber", i.title, i.severity, i.category,
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
      ORDER BY ${order(f, 'p')}`;
    const head = rows[0];
    const items = rows.flatMap(({ total: _t, mine: _m, group: _g, all: _a, overdue: _o, key, instanceKey, ...row }) =>
      key === null ? [] : [{ ...row, key: String(key), instanceKey: String(instanceKey) } as InboxRow],
    );
    const counts: InboxCounts = { mine: Number(head?.mine ?? 0), group: Number(head?.group ?? 0), all: Number(head?.all ?? 0), overdue: Number(head?.overdue ?? 0) };
    return { items, total: Number(head?.total ?? 0), counts };
  }

  return {
    /** A page of the caller's view and how many tasks the view holds. */
    async list(f: InboxFilter): Promise<{ items: InboxRow[]; total: number }> {
      const { items, total } = await page(f, Prisma.sql`${visibleWhere(f)} AND ${inView(f, 'x')}`, Prisma.sql`true`);
      return { items, total };
    },

    /** The page (as `list`) and the tab counts (as `counts`) in one read of the visible tasks: what GET /api/tasks shows. */
    async listWithCounts(f: InboxFilter): Promise<{ items: InboxRow[]; total: number; counts: InboxCounts }> {
      return page(f, visibleWhere(f), inView(f, 'v'));
    },

    /** Every open task with its candidates and assignee: one small indexed read (state), no joins. */
    async openTaskHeads(): Promise<OpenTaskHead[]> {
      const rows = await prisma.$queryRaw<(Omit<OpenTaskHead, 'key'> & { key: bigint })[]>`
        SELECT t.key, t.assignee, t.candidate_groups AS "candidateGroups", t.candidate_users AS "candidateUsers"
        FROM engine_user_task t WHERE t.state = 'created'`;
      return rows.map((r) => ({ ...r, key: String(r.key) }));
    },

    /** Who may act on the open tasks of one instance now: whom a 催办 reaches. */
    async openTasksOf(instanceKey: string): Promise<(OpenTaskHead & { name: string | null; kind: string | null })[]> {
      const rows = await prisma.$queryRaw<(OpenTaskHead & { key: bigint; name: string | null; kind: string | null })[]>`
        SELECT t.key, t.assignee, t.candidate_groups AS "candidateGroups", t.candidate_users AS "candidateUsers", t.name, t.custom_headers->>'kind' AS kind
        FROM engine_user_task t WHERE t.state = 'created' AND t.instance_key = ${BigInt(instanceKey)} ORDER BY t.created_at ASC`;
      return rows.map((r) => ({ ...r, key: String(r.key) }));
    },

    /** How many open tasks each view holds, for the inbox tabs: the tally of `listWithCounts`, without a page. */
    async counts(f: CountFilter): Promise<InboxCounts> {
      return (await page({ ...f, offset: 0, limit: 0 }, visibleWhere(f), Prisma.sql`true`)).counts;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;

/** A row of the page statement: the tally on every row; the task's columns null when the page is empty. */
type PageRow = Omit<InboxRow, 'key' | 'instanceKey'> & {
  key: bigint | null;
  instanceKey: bigint | null;
  total: bigint;
  mine: bigint;
  group: bigint;
  all: bigint;
  overdue: bigint;
};
