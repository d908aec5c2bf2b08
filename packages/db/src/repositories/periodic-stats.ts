import type { UnitTally } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';
import { type TimelinessFilter, verificationAnswersByUnit, visibleIncidents } from './stats';

/** As 时效统计's filter: incidents by when the system created them; at `now` a 首报 not out past its written deadline is 漏报. */
export type PeriodicFilter = TimelinessFilter;

export interface UnitFigures extends UnitTally {
  unitId: string;
  unitName: string;
  incidents: number;
}

export interface PeriodicFigures {
  total: { incidents: number; dead: number; injured: number; missing: number; economicLossYuan: number };
  byCategory: { category: string; incidents: number }[];
  bySeverity: { severity: string; incidents: number }[];
  byMonth: { month: string; incidents: number }[];
  units: UnitFigures[];
}

interface Facets {
  byCategory: Record<string, number> | null;
  bySeverity: Record<string, number> | null;
  byMonth: Record<string, number> | null;
  incidents: number;
  dead: number;
  injured: number;
  missing: number;
  loss: number;
}

/** A 首报 that has gone out: 已报出, 已签收, 已办结 (report-status.ts). */
const OUT = Prisma.sql`('reported', 'received', 'concluded')`;

/**
 * 定期统计 (docs/adr/0050): over the incidents created in a period that the caller may see, less those whose 首报 核实
 * found no incident (revoked): counts by category, grade and month, casualties and losses (the latest report's), and
 * per reporting unit 应报 / 已报, the 首报 clocks met and late, 迟报 incidents, 漏报 and the 核报 answers it owed.
 */
export function createPeriodicStatsRepository(prisma: PrismaClient) {
  return {
    async figures(filter: PeriodicFilter): Promise<PeriodicFigures> {
      const visible = visibleIncidents(filter, 'i');
      const late = Prisma.sql`(c.status = 'late' OR (c.status = 'open' AND c.due_at < ${filter.now}))`;
      // One pass over the period's incidents (index range on created_at); what each needs is fetched by index lookups
      // (LATERAL), not by hash joins over whole tables: a month costs its own incidents, not the whole history.
      const [row] = await prisma.$queryRaw<{ facets: Facets; units: Omit<UnitFigures, 'verificationMet' | 'verificationLate'>[] | null }[]>`
        WITH p AS MATERIALIZED (
          SELECT i.number, i.category, i.severity, i.reporting_unit_id AS unit_id,
                 to_char(i.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                 f.status AS first_status, COALESCE(f.status = 'revoked', false) AS void,
                 COALESCE(k.met, 0) AS met, COALESCE(k.late, 0) AS late, o.number IS NOT NULL AS overdue,
                 l.content->'casualties' AS casualties, l.content->>'economicLossYuan' AS loss
          FROM incident i
          LEFT JOIN LATERAL (SELECT f.id, f.status FROM incident_report f WHERE f.incident_number = i.number AND f.kind = 'first' ORDER BY f.sequence LIMIT 1) f ON true
          LEFT JOIN LATERAL (SELECT (count(*) FILTER (WHERE c.status = 'met'))::int AS met, (count(*) FILTER (WHERE ${late}))::int AS late
                             FROM report_clock c WHERE c.report_id = f.id AND c.party = 'reporting_unit') k ON true
          LEFT JOIN LATERAL (SELECT c.incident_number AS number FROM report_clock c JOIN incident_report r ON r.id = c.report_id AND r.kind IN ('first', 'phone')
                             WHERE c.incident_number = i.number AND c.party = 'reporting_unit' AND c.channel = 'written' AND c.status <> 'met' AND c.due_at < ${filter.now} LIMIT 1) o ON true
          LEFT JOIN LATERAL (SELECT r.content FROM incident_report r WHERE r.incident_number = i.number AND r.kind IN ('first', 'follow_up', 'final')
                             ORDER BY r.sequence DESC, r.created_at DESC LIMIT 1) l ON true
          WHERE i.created_at >= ${filter.from} AND i.created_at < ${filter.to} ${visible}
        ), counted AS (SELECT * FROM p WHERE NOT void)
        SELECT jsonb_build_object(
                 'byCategory', (SELECT jsonb_object_agg(category, n) FROM (SELECT category, count(*)::int n FROM counted GROUP BY 1) x),
                 'bySeverity', (SELECT jsonb_object_agg(severity, n) FROM (SELECT severity, count(*)::int n FROM counted GROUP BY 1) x),
                 'byMonth', (SELECT jsonb_object_agg(month, n) FROM (SELECT month, count(*)::int n FROM counted GROUP BY 1) x),
                 'incidents', (SELECT count(*) FROM counted),
                 'dead', (SELECT COALESCE(sum((casualties->>'dead')::int), 0) FROM counted),
                 'injured', (SELECT COALESCE(sum((casualties->>'injured')::int), 0) FROM counted),
                 'missing', (SELECT COALESCE(sum((casualties->>'missing')::int), 0) FROM counted),
                 'loss', (SELECT COALESCE(sum(loss::numeric), 0)::float8 FROM counted)) AS facets,
               (SELECT jsonb_agg(u) FROM (
                  SELECT p.unit_id AS "unitId", ou.name AS "unitName", count(*)::int AS incidents,
                         (count(*) FILTER (WHERE NOT p.void))::int AS due,
                         (count(*) FILTER (WHERE p.first_status IN ${OUT}))::int AS reported,
                         (COALESCE(sum(p.met) FILTER (WHERE NOT p.void), 0))::int AS met,
                         (COALESCE(sum(p.late) FILTER (WHERE NOT p.void), 0))::int AS late,
                         (count(*) FILTER (WHERE NOT p.void AND p.late > 0))::int AS "lateIncidents",
                         (count(*) FILTER (WHERE NOT p.void AND p.overdue AND (p.first_status IS NULL OR p.first_status NOT IN ${OUT})))::int AS missed
                  FROM p JOIN org_unit ou ON ou.id = p.unit_id GROUP BY p.unit_id, ou.name) u) AS units`;
      const facets = row?.facets;
      const units = row?.units ?? [];
      const answers = await verificationAnswersByUnit(prisma, filter);
      const byUnit = new Map<string, UnitFigures>(units.map((u) => [u.unitId, { ...u, verificationMet: 0, verificationLate: 0 }]));
      for (const a of answers) {
        const unit = byUnit.get(a.unitId) ?? { unitId: a.unitId, unitName: a.unitName, incidents: 0, due: 0, reported: 0, met: 0, late: 0, lateIncidents: 0, missed: 0, verificationMet: 0, verificationLate: 0 };
        byUnit.set(a.unitId, { ...unit, verificationMet: a.met, verificationLate: a.late });
      }
      const entries = (o: Record<string, number> | null | undefined) => Object.entries(o ?? {});
      return {
        total: { incidents: Number(facets?.incidents ?? 0), dead: Number(facets?.dead ?? 0), injured: Number(facets?.injured ?? 0), missing: Number(facets?.missing ?? 0), economicLossYuan: Number(facets?.loss ?? 0) },
        byCategory: entries(facets?.byCategory).map(([category, incidents]) => ({ category, incidents })),
        bySeverity: entries(facets?.bySeverity).map(([severity, incidents]) => ({ severity, incidents })),
        byMonth: entries(facets?.byMonth).map(([month, incidents]) => ({ month, incidents })).sort((a, b) => a.month.localeCompare(b.month)),
        units: [...byUnit.values()].sort((a, b) => b.incidents - a.incidents || a.unitName.localeCompare(b.unitName, 'zh-CN')),
      };
    },
  };
}

export type PeriodicStatsRepository = ReturnType<typeof createPeriodicStatsRepository>;
