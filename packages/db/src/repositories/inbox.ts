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

/**
 * The inbox: open user tasks of the workflow joined with their report and incident, filtered by who
 * may act (candidate groups, candidate user, assignee) in one indexed query.
 */
export function createInboxRepository(prisma: PrismaClient) {
  const visibility = (f: InboxFilter) => {
    // Array operators (&&, @>) rather than = ANY(): they are what the partial GIN indexes of open tasks serve.
    const candidate = Prisma.sql`(t.candidate_groups && ${f.groups}::text[] OR t.candidate_users @> ARRAY[${f.username}]::text[] OR t.assignee = ${f.username})`;
    if (f.view === 'mine') return Prisma.sql`t.assignee = ${f.username}`;
    if (f.view === 'group') return Prisma.sql`t.assignee IS NULL AND ${candidate}`;
    return candidate;
  };
  const conditions = (f: InboxFilter) => {
    const parts = [Prisma.sql`t.state = 'created'`, visibility(f)];
    if (f.kind) parts.push(Prisma.sql`t.custom_headers->>'kind' = ${f.kind}`);
    if (f.severity) parts.push(Prisma.sql`i.severity = ${f.severity}`);
    if (f.category) parts.push(Prisma.sql`i.category = ${f.category}`);
    if (f.reportingUnitId) parts.push(Prisma.sql`i.reporting_unit_id = ${f.reportingUnitId}`);
    if (f.overdue === true) parts.push(Prisma.sql`t.due_date < ${f.now}`);
    if (f.overdue === false) parts.push(Prisma.sql`(t.due_date IS NULL OR t.due_date >= ${f.now})`);
    return Prisma.join(parts, ' AND ');
  };
  const withReport = Prisma.sql`engine_user_task t JOIN incident_report r ON r.instance_key = t.instance_key::text`;
  const from = Prisma.sql`${withReport} JOIN incident i ON i.number = r.incident_number`;
  /**
   * What a count reads: the incident only when a filter is on it. Every report has its incident (foreign
   * key), so leaving the join out counts the same rows without 10,000 lookups for a busy duty office.
   */
  const countFrom = (f: Pick<InboxFilter, 'severity' | 'category' | 'reportingUnitId'>) => (f.severity || f.category || f.reportingUnitId ? from : withReport);
  /** The report's clock that set the task's due date (written before phone when both fall due at once). */
  const clock = Prisma.sql`LEFT JOIN LATERAL (
      SELECT c.channel, c.rule, c.policy_code, c.policy_version FROM report_clock c
      WHERE c.report_id = r.id AND c.due_at = t.due_date ORDER BY c.channel DESC LIMIT 1) c ON true`;

  return {
    async list(f: InboxFilter): Promise<{ items: InboxRow[]; total: number }> {
      const order = f.sort === 'created' ? Prisma.sql`t.created_at DESC, t.key DESC` : Prisma.sql`t.due_date ASC NULLS LAST, t.created_at ASC, t.key ASC`;
      const rows = await prisma.$queryRaw<(Omit<InboxRow, 'key' | 'instanceKey'> & { key: bigint; instanceKey: bigint })[]>`
        SELECT t.key, t.instance_key AS "instanceKey", t.element_id AS "elementId", t.name, t.custom_headers->>'kind' AS kind,
               t.assignee, t.candidate_groups AS "candidateGroups", t.due_date AS "dueDate", t.created_at AS "createdAt",
               r.id AS "reportId", r.kind AS "reportKind", i.number AS "incidentNumber", i.title, i.severity, i.category,
               i.reporting_unit_id AS "reportingUnitId", c.channel AS "clockChannel", c.rule AS "clockRule",
               c.policy_code AS "policyCode", c.policy_version AS "policyVersion"
        FROM ${from} ${clock} WHERE ${conditions(f)} ORDER BY ${order} OFFSET ${f.offset} LIMIT ${f.limit}`;
      const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM ${countFrom(f)} WHERE ${conditions(f)}`;
      return { items: rows.map((r) => ({ ...r, key: String(r.key), instanceKey: String(r.instanceKey) })), total: Number(count?.total ?? 0) };
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

    /** How many open tasks each view holds, for the inbox tabs: one pass over the visible tasks. */
    async counts(f: Omit<InboxFilter, 'view' | 'offset' | 'limit' | 'sort'>) {
      // 'mine', 'group' and 'overdue' are subsets of 'all' (visibility includes the assignee), so FILTERs over it are exact.
      const [row] = await prisma.$queryRaw<{ mine: bigint; group: bigint; all: bigint; overdue: bigint }[]>`
        SELECT count(*) FILTER (WHERE t.assignee = ${f.username}) AS mine,
               count(*) FILTER (WHERE t.assignee IS NULL) AS "group",
               count(*) AS "all",
               count(*) FILTER (WHERE t.due_date < ${f.now}) AS overdue
        FROM ${countFrom(f)} WHERE ${conditions({ ...f, view: 'all', offset: 0, limit: 0 })}`;
      return { mine: Number(row?.mine ?? 0), group: Number(row?.group ?? 0), all: Number(row?.all ?? 0), overdue: Number(row?.overdue ?? 0) };
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
