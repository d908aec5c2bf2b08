import { RUNNING_REPORT_STATUSES, type MonitorPage, type MonitorRow, type MonitorSearchQuery } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';
import { openTasksOf } from './monitor';

type Row = Omit<MonitorRow, 'createdAt' | 'waitingSince' | 'overdueSince' | 'tasks' | 'unit'> & {
  unitId: string; unitName: string; divisionCode: string; createdAt: Date; waitingSince: Date; overdueSince: Date | null; total: number;
};

const ORDER: Record<MonitorSearchQuery['sort'], string> = { waitingSince: 'waiting_since', createdAt: 'created_at', number: 'incident_number', overdueSince: 'overdue_since' };
const running = Prisma.raw(RUNNING_REPORT_STATUSES.map((s) => `'${s}'`).join(', '));
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The search of docs/adr/0040 as it was before the read model `monitor_report` (docs/adr/0045): one statement over
 * the business tables that joins and aggregates every running report before it sorts and pages. Kept only so that
 * `npm run bench -- monitor` measures before and after side by side on the same data; production reads
 * `createMonitorRepository().search`. Its dashboard likewise (0040's three statements over the business tables).
 */
export function createMonitorBaseline(prisma: PrismaClient) {
  return {
    async search(query: MonitorSearchQuery, now: Date): Promise<MonitorPage> {
      const where: Prisma.Sql[] = [];
      if (query.q) where.push(Prisma.sql`(x.incident_number ILIKE ${contains(query.q)} OR x.title ILIKE ${contains(query.q)} OR x.unit_name ILIKE ${contains(query.q)})`);
      if (query.number) where.push(Prisma.sql`x.incident_number ILIKE ${contains(query.number)}`);
      if (query.title) where.push(Prisma.sql`x.title ILIKE ${contains(query.title)}`);
      if (query.unit) where.push(Prisma.sql`(x.unit_id = ${query.unit} OR x.unit_name ILIKE ${contains(query.unit)})`);
      if (query.process) where.push(Prisma.sql`x.bpmn_process_id = ${query.process}`);
      if (query.version !== undefined) where.push(Prisma.sql`x.version = ${query.version}`);
      if (query.division) where.push(Prisma.sql`x.division_code LIKE ${`${query.division}%`}`);
      if (query.step) where.push(Prisma.sql`EXISTS (SELECT 1 FROM inbox_task t WHERE t.report_id = x.id AND t.kind = ${query.step})`);
      if (query.assignee) {
        where.push(Prisma.sql`EXISTS (SELECT 1 FROM inbox_task t LEFT JOIN app_user au ON au.username = t.assignee
                   WHERE t.report_id = x.id AND (t.assignee = ${query.assignee} OR au.display_name ILIKE ${contains(query.assignee)}))`);
      }
      if (query.stuckMinutes !== undefined) where.push(Prisma.sql`x.waiting_since < ${new Date(now.getTime() - query.stuckMinutes * 60_000)}`);
      if (query.overdue !== undefined) where.push(query.overdue ? Prisma.sql`x.overdue_since IS NOT NULL` : Prisma.sql`x.overdue_since IS NULL`);
      if (query.failed !== undefined) where.push(query.failed ? Prisma.sql`x.failed_steps > 0` : Prisma.sql`x.failed_steps = 0`);
      const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
      const direction = Prisma.raw(query.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST');
      const rows = await prisma.$queryRaw<Row[]>`
        WITH base AS (
          -- the rows themselves, not their ids: joining ids back to incident_report would scan the finished ones too
          SELECT r.id, r.instance_key, r.kind, r.status, r.incident_number, r.created_at, r.updated_at
          FROM incident_report r WHERE r.instance_key IS NOT NULL AND r.status IN (${running})
          UNION
          SELECT r.id, r.instance_key, r.kind, r.status, r.incident_number, r.created_at, r.updated_at
          FROM engine_incident e JOIN incident_report r ON r.instance_key = e.instance_key::text WHERE e.state = 'active'
        ),
        -- set-based, joined by hash: the open tasks, the overdue clocks and the failed steps are each a few thousand rows
        waits AS (SELECT t.report_id, min(t.created_at) AS since FROM inbox_task t GROUP BY t.report_id),
        overdue AS (SELECT c.report_id, min(c.due_at) AS since FROM report_clock c WHERE c.status = 'open' AND c.due_at < ${now} GROUP BY c.report_id),
        failed AS (SELECT f.instance_key, count(*)::int AS n FROM engine_incident f WHERE f.state = 'active' GROUP BY f.instance_key),
        x AS (
          SELECT r.id, r.instance_key, r.kind, r.status, r.incident_number, r.created_at, i.title, i.classified,
                 u.id AS unit_id, u.name AS unit_name, u.division_code, ei.bpmn_process_id, ei.version,
                 COALESCE(w.since, r.updated_at) AS waiting_since, o.since AS overdue_since, COALESCE(fl.n, 0) AS failed_steps
          FROM base r
          -- one index lookup per running report (OFFSET 0 keeps it a lateral lookup): a hash join would read every incident
          CROSS JOIN LATERAL (SELECT x.title, x.classified, x.reporting_unit_id FROM incident x WHERE x.number = r.incident_number OFFSET 0) i
          JOIN org_unit u ON u.id = i.reporting_unit_id
          LEFT JOIN engine_instance ei ON ei.key = r.instance_key::bigint
          LEFT JOIN waits w ON w.report_id = r.id
          LEFT JOIN overdue o ON o.report_id = r.id
          LEFT JOIN failed fl ON fl.instance_key = r.instance_key::bigint
        )
        SELECT x.instance_key AS "instanceKey", x.id AS "reportId", x.kind AS "reportKind", x.status AS "reportStatus", x.incident_number AS "incidentNumber",
               x.title, x.classified, x.unit_id AS "unitId", x.unit_name AS "unitName", x.division_code AS "divisionCode",
               x.bpmn_process_id AS "bpmnProcessId", x.version, x.created_at AS "createdAt", x.waiting_since AS "waitingSince",
               x.overdue_since AS "overdueSince", x.failed_steps AS "failedSteps", (count(*) OVER ())::int AS total
        FROM x ${filter}
        ORDER BY ${Prisma.raw(ORDER[query.sort])} ${direction}, x.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
      const tasks = await openTasksOf(prisma, rows.map((r) => r.reportId));
      return {
        items: rows.map(({ unitId, unitName, divisionCode, total: _total, createdAt, waitingSince, overdueSince, ...row }) => ({
          ...row,
          unit: { id: unitId, name: unitName, divisionCode },
          createdAt: createdAt.toISOString(),
          waitingSince: waitingSince.toISOString(),
          overdueSince: overdueSince?.toISOString() ?? null,
          tasks: tasks.get(row.reportId) ?? [],
        })),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** 0040's dashboard over the business tables (three statements), before it read `monitor_report` (docs/adr/0059). */
    async dashboard(now: Date) {
      const runningReports = Prisma.sql`SELECT r.id, r.incident_number FROM incident_report r WHERE r.instance_key IS NOT NULL AND r.status IN (${running})`;
      const [[totals], byStep, byJurisdiction] = await Promise.all([
        prisma.$queryRaw<{ running: number; overdueClocks: number; failedSteps: number }[]>`
          SELECT (SELECT count(*) FROM (${runningReports}) rr)::int AS running,
                 (SELECT count(*) FROM report_clock c JOIN incident_report r ON r.id = c.report_id
                   WHERE c.status = 'open' AND c.due_at < ${now} AND r.status <> 'revoked')::int AS "overdueClocks",
                 (SELECT count(*) FROM engine_incident e WHERE e.state = 'active')::int AS "failedSteps"`,
        prisma.$queryRaw<{ kind: string | null; count: number }[]>`
          SELECT t.kind, count(DISTINCT t.report_id)::int AS count FROM (${runningReports}) rr JOIN inbox_task t ON t.report_id = rr.id
          GROUP BY t.kind ORDER BY count DESC, t.kind`,
        // a jurisdiction is the reporting unit's division at city level (first four digits), named by that city's government
        prisma.$queryRaw<{ divisionCode: string; name: string; count: number }[]>`
          SELECT d.code AS "divisionCode", d.count,
                 COALESCE((SELECT g.name FROM org_unit g WHERE g.kind = 'government' AND g.division_code LIKE d.code || '%' ORDER BY length(g.division_code), g.code LIMIT 1), d.code) AS name
          FROM (SELECT substr(u.division_code, 1, 4) AS code, count(*)::int AS count
                FROM (${runningReports}) rr JOIN incident i ON i.number = rr.incident_number JOIN org_unit u ON u.id = i.reporting_unit_id
                GROUP BY 1) d
          ORDER BY d.count DESC, d.code`,
      ]);
      return { ...totals!, byStep, byJurisdiction };
    },
  };
}
