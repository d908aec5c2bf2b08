import { Prisma, type PrismaClient } from '@prisma/client';
import type { InboxCounts, InboxFilter, InboxRow } from '../repositories/inbox';

/**
 * The inbox as it was before its read model (docs/adr/0014): open user tasks joined with their report
 * (by instance key), incident and clock at query time. Tests compare the inbox with it: it is the
 * definition of what the inbox lists and counts, however slowly it answers.
 */
export function createReferenceInbox(prisma: PrismaClient) {
  const conditions = (f: Omit<InboxFilter, 'offset' | 'limit' | 'sort'>) => {
    const candidate = Prisma.sql`(t.candidate_groups && ${f.groups}::text[] OR ${f.username} = ANY(t.candidate_users) OR t.assignee = ${f.username})`;
    const parts = [Prisma.sql`t.state = 'created'`];
    if (f.view === 'mine') parts.push(Prisma.sql`t.assignee = ${f.username}`);
    else if (f.view === 'group') parts.push(Prisma.sql`t.assignee IS NULL AND ${candidate}`);
    else parts.push(candidate);
    if (f.kind) parts.push(Prisma.sql`t.custom_headers->>'kind' = ${f.kind}`);
    if (f.severity) parts.push(Prisma.sql`i.severity = ${f.severity}`);
    if (f.category) parts.push(Prisma.sql`i.category = ${f.category}`);
    if (f.reportingUnitId) parts.push(Prisma.sql`i.reporting_unit_id = ${f.reportingUnitId}`);
    if (f.overdue === true) parts.push(Prisma.sql`t.due_date < ${f.now}`);
    if (f.overdue === false) parts.push(Prisma.sql`(t.due_date IS NULL OR t.due_date >= ${f.now})`);
    return Prisma.join(parts, ' AND ');
  };
  const from = Prisma.sql`engine_user_task t JOIN incident_report r ON r.instance_key = t.instance_key::text JOIN incident i ON i.number = r.incident_number`;

  return {
    async list(f: InboxFilter): Promise<{ items: InboxRow[]; total: number }> {
      const order = f.sort === 'created' ? Prisma.sql`t.created_at DESC, t.key DESC` : Prisma.sql`t.due_date ASC NULLS LAST, t.created_at ASC, t.key ASC`;
      const rows = await prisma.$queryRaw<(Omit<InboxRow, 'key' | 'instanceKey'> & { key: bigint; instanceKey: bigint })[]>`
        SELECT t.key, t.instance_key AS "instanceKey", t.element_id AS "elementId", t.name, t.custom_headers->>'kind' AS kind,
               t.assignee, t.candidate_groups AS "candidateGroups", t.due_date AS "dueDate", t.created_at AS "createdAt",
               r.id AS "reportId", r.kind AS "reportKind", r.status AS "reportStatus", i.number AS "incidentNumber", i.title, i.severity, i.category,
               i.reporting_unit_id AS "reportingUnitId", c.channel AS "clockChannel", c.rule AS "clockRule",
               c.policy_code AS "policyCode", c.policy_version AS "policyVersion"
        FROM ${from} LEFT JOIN LATERAL (
          SELECT c.channel, c.rule, c.policy_code, c.policy_version FROM report_clock c
          WHERE c.report_id = r.id AND c.due_at = t.due_date ORDER BY c.channel DESC LIMIT 1) c ON true
        WHERE ${conditions(f)} ORDER BY ${order} OFFSET ${f.offset} LIMIT ${f.limit}`;
      const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM ${from} WHERE ${conditions(f)}`;
      return { items: rows.map((r) => ({ ...r, key: String(r.key), instanceKey: String(r.instanceKey) })), total: Number(count?.total ?? 0) };
    },

    /** Each view counted on its own (not as FILTERs of one pass), so a wrong subset would show. */
    async counts(f: Omit<InboxFilter, 'view' | 'offset' | 'limit' | 'sort' | 'overdue'>): Promise<InboxCounts> {
      const count = async (g: Omit<InboxFilter, 'offset' | 'limit' | 'sort'>) =>
        Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${from} WHERE ${conditions(g)}`)[0]!.n);
      return { mine: await count({ ...f, view: 'mine' }), group: await count({ ...f, view: 'group' }), all: await count(f), overdue: await count({ ...f, overdue: true }) };
    },
  };
}
