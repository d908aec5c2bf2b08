import { type MonitorPage, type MonitorRow, type MonitorSearchQuery } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';
import { appendAudit, type AuditEntry } from './audit';
import { monitorDashboard } from './monitor-dashboard';

type Row = Omit<MonitorRow, 'createdAt' | 'waitingSince' | 'overdueSince' | 'tasks' | 'unit'> & {
  unitId: string; unitName: string; divisionCode: string; createdAt: Date; waitingSince: Date; nextDueAt: Date | null; total: number;
};

/** The sorts on the read model's columns, each with its index (`monitor_report_*_idx`, tie-broken by report_id). */
const ORDER: Record<Exclude<MonitorSearchQuery['sort'], 'overdueSince'>, string> = { waitingSince: 'waiting_since', createdAt: 'created_at', number: 'incident_number' };
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The ORDER BY of a query: an indexed column in index order, or the overdue sort (earliest deadline already past). */
function orderBy(query: MonitorSearchQuery, now: Date): Prisma.Sql {
  const direction = Prisma.raw(query.order === 'desc' ? 'DESC' : 'ASC');
  if (query.sort !== 'overdueSince') return Prisma.sql`${Prisma.raw(`x.${ORDER[query.sort]}`)} ${direction}, x.report_id ${direction}`;
  // ascending, or only overdue ones: the deadline's index order (past ones first, then the coming ones, then none)
  if (query.order === 'asc' || query.overdue === true) return Prisma.sql`x.next_due_at ${direction} NULLS LAST, x.report_id ${direction}`;
  return Prisma.sql`CASE WHEN x.next_due_at < ${now} THEN x.next_due_at END DESC NULLS LAST, x.report_id DESC`;
}

/**
 * 流程监控's search (docs/adr/0040, 0045): reads the read model `monitor_report` alone — one row per running report
 * or report stopped at a failed step, kept by triggers in the transactions of the writes — filtered, sorted in an
 * index's order and paged with the total in one statement; then the page's open tasks (the inbox read model) in a second.
 */
interface TaskRow { reportId: string; key: string; kind: string | null; assignee: string | null; assigneeName: string | null; candidateGroups: string[]; createdAt: Date }

/** The open tasks of a page's reports with their holders' names, per report, oldest first (the search and its baseline). */
export async function openTasksOf(prisma: PrismaClient, reportIds: readonly string[]): Promise<Map<string, MonitorRow['tasks']>> {
  const byReport = new Map<string, MonitorRow['tasks']>();
  if (reportIds.length === 0) return byReport;
  const rows = await prisma.$queryRaw<TaskRow[]>`
    SELECT t.report_id AS "reportId", t.task_key::text AS key, t.kind, t.assignee, au.display_name AS "assigneeName",
           t.candidate_groups AS "candidateGroups", t.created_at AS "createdAt"
    FROM inbox_task t LEFT JOIN app_user au ON au.username = t.assignee
    WHERE t.report_id IN (${Prisma.join(reportIds)}) ORDER BY t.created_at, t.task_key`;
  for (const { reportId, createdAt, ...task } of rows) byReport.set(reportId, [...(byReport.get(reportId) ?? []), { ...task, createdAt: createdAt.toISOString() }]);
  return byReport;
}

/** The search's statements (the page with its total, and the total alone), for the repository and the profile script. */
export function monitorSearchStatements(query: MonitorSearchQuery, now: Date): { page: Prisma.Sql; count: Prisma.Sql } {
  const where: Prisma.Sql[] = [];
  if (query.q) where.push(Prisma.sql`x.search_text LIKE lower(${contains(query.q)})`);
  if (query.number) where.push(Prisma.sql`x.incident_number ILIKE ${contains(query.number)}`);
  if (query.title) where.push(Prisma.sql`x.title ILIKE ${contains(query.title)}`);
  if (query.unit) where.push(Prisma.sql`(x.unit_id = ${query.unit} OR x.unit_name ILIKE ${contains(query.unit)})`);
  if (query.process) where.push(Prisma.sql`x.bpmn_process_id = ${query.process}`);
  if (query.version !== undefined) where.push(Prisma.sql`x.version = ${query.version}`);
  if (query.division) where.push(Prisma.sql`x.division_code LIKE ${`${query.division}%`}`);
  if (query.step) where.push(Prisma.sql`${query.step} = ANY (x.step_kinds)`);
  if (query.assignee) where.push(Prisma.sql`(${query.assignee} = ANY (x.assignees) OR x.assignee_names LIKE lower(${contains(query.assignee)}))`);
  if (query.stuckMinutes !== undefined) where.push(Prisma.sql`x.waiting_since < ${new Date(now.getTime() - query.stuckMinutes * 60_000)}`);
  if (query.overdue !== undefined) where.push(query.overdue ? Prisma.sql`x.next_due_at < ${now}` : Prisma.sql`(x.next_due_at IS NULL OR x.next_due_at >= ${now})`);
  if (query.failed !== undefined) where.push(Prisma.raw(query.failed ? 'x.failed_steps > 0' : 'x.failed_steps = 0'));
  const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  const count = Prisma.sql`SELECT count(*)::int FROM monitor_report x ${filter}`;
  // the page in an index's order and the total (an uncorrelated sub-select: computed once) in one statement
  const page = Prisma.sql`
    SELECT x.instance_key AS "instanceKey", x.report_id AS "reportId", x.report_kind AS "reportKind", x.report_status AS "reportStatus",
           x.incident_number AS "incidentNumber", x.title, x.classified, x.unit_id AS "unitId", x.unit_name AS "unitName",
           x.division_code AS "divisionCode", x.bpmn_process_id AS "bpmnProcessId", x.version, x.created_at AS "createdAt",
           x.waiting_since AS "waitingSince", x.next_due_at AS "nextDueAt", x.failed_steps AS "failedSteps", (${count}) AS total
    FROM monitor_report x ${filter}
    ORDER BY ${orderBy(query, now)}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  return { page, count };
}

export function createMonitorRepository(prisma: PrismaClient) {
  return {
    async search(query: MonitorSearchQuery, now: Date): Promise<MonitorPage> {
      const { page, count } = monitorSearchStatements(query, now);
      const rows = await prisma.$queryRaw<Row[]>(page);
      // a page past the end has no row to carry the total
      const total = rows[0]?.total ?? (query.page > 1 ? ((await prisma.$queryRaw<{ count: number }[]>(count))[0]?.count ?? 0) : 0);
      const tasks = await openTasksOf(prisma, rows.map((r) => r.reportId));
      return {
        items: rows.map(({ unitId, unitName, divisionCode, total: _total, createdAt, waitingSince, nextDueAt, ...row }) => ({
          ...row,
          unit: { id: unitId, name: unitName, divisionCode },
          createdAt: createdAt.toISOString(),
          waitingSince: waitingSince.toISOString(),
          overdueSince: nextDueAt && nextDueAt < now ? nextDueAt.toISOString() : null,
          tasks: tasks.get(row.reportId) ?? [],
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** Running reports per open step and per jurisdiction, overdue and failed ones: `monitor_report` alone (docs/adr/0059). */
    dashboard: (now: Date) => monitorDashboard(prisma, now),

    /** 终止: the canceled flow's report becomes 已撤销 and the trail says who and why, in one transaction. */
    async revokeCanceled(reportId: string, audit: AuditEntry): Promise<void> {
      await prisma.$transaction(async (tx) => {
        await tx.incidentReport.update({ where: { id: reportId }, data: { status: 'revoked', updatedAt: new Date() } });
        await appendAudit(tx, audit);
      });
    },
  };
}

export type MonitorRepository = ReturnType<typeof createMonitorRepository>;
