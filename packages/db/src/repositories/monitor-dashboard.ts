import type { MonitorDashboard } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';

interface Row extends Omit<MonitorDashboard, 'byStep' | 'byJurisdiction'> {
  byStep: MonitorDashboard['byStep'] | null;
  byJurisdiction: MonitorDashboard['byJurisdiction'] | null;
}

/**
 * 流程监控's dashboard (docs/adr/0059): one statement over the read model `monitor_report` (one narrow row per tracked
 * report, kept by the writes' triggers), so it counts what the search finds — the overdue and failed figures are the
 * totals of the search's `overdue=true` and `failed=true`. Overdue is compared with `now` here: no trigger can know the time.
 * A jurisdiction is the reporting unit's division at city level (first four digits), named by that city's government.
 */
export async function monitorDashboard(prisma: PrismaClient, now: Date): Promise<MonitorDashboard> {
  const [row] = await prisma.$queryRaw<Row[]>(monitorDashboardStatement(now));
  return { ...row!, byStep: row!.byStep ?? [], byJurisdiction: row!.byJurisdiction ?? [] };
}

/** The dashboard's one statement (also profiled by bench/monitor-explain.ts). */
export function monitorDashboardStatement(now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT step_kinds, substr(division_code, 1, 4) AS city, next_due_at < ${now} AS overdue, failed_steps FROM monitor_report
    ), totals AS (
      SELECT count(*)::int AS running, (count(*) FILTER (WHERE overdue))::int AS overdue,
             (count(*) FILTER (WHERE failed_steps > 0))::int AS failed, COALESCE(sum(failed_steps), 0)::int AS steps FROM m
    )
    SELECT t.running, t.overdue AS "overdueReports", t.failed AS "failedReports", t.steps AS "failedSteps",
           (SELECT jsonb_agg(s ORDER BY s.count DESC, s.kind)
              FROM (SELECT k AS kind, count(*)::int AS count FROM m CROSS JOIN LATERAL unnest(m.step_kinds) k GROUP BY k) s) AS "byStep",
           (SELECT jsonb_agg(j ORDER BY j.count DESC, j."divisionCode")
              FROM (SELECT d.city AS "divisionCode", d.count,
                           COALESCE((SELECT g.name FROM org_unit g WHERE g.kind = 'government' AND g.division_code LIKE d.city || '%'
                                     ORDER BY length(g.division_code), g.code LIMIT 1), d.city) AS name
                    FROM (SELECT city, count(*)::int AS count FROM m GROUP BY city) d) j) AS "byJurisdiction"
    FROM totals t`;
}
