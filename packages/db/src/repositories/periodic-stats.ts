import type { UnitTally } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';

export interface PeriodicFilter {
  /** The period, from inclusive, to exclusive (incidents by when the system created them, as 时效统计 counts them). */
  from: Date;
  to: Date;
  /** A running clock past its deadline at this time is late; a 首报 not out past its written deadline is 漏报. */
  now: Date;
  /** Incidents of these reporting units, or with these numbers (what the caller may see); all when absent. */
  unitIds?: readonly string[];
  orNumbers?: readonly string[];
}

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
      const visible = filter.unitIds
        ? Prisma.sql`AND (i.reporting_unit_id IN (${Prisma.join(filter.unitIds.length ? filter.unitIds : [''])})
                         OR i.number IN (${Prisma.join(filter.orNumbers?.length ? filter.orNumbers : [''])}))`
        : Prisma.empty;
      const late = Prisma.sql`(c.status = 'late' OR (c.status = 'open' AND c.due_at < ${filter.now}))`;
      // One scan of the period's incidents with what each needs; the facets group it.
      const period = Prisma.sql`
        WITH p AS (
          SELECT i.number, i.category, i.severity, i.reporting_unit_id AS unit_id,
                 to_char(i.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                 f.status AS first_status, f.id AS first_id,
                 COALESCE(f.status = 'revoked', false) AS void
          FROM incident i
          LEFT JOIN incident_report f ON f.incident_number = i.number AND f.kind = 'first'
          WHERE i.created_at >= ${filter.from} AND i.created_at < ${filter.to} ${visible}
        )`;
      const [facets] = await prisma.$queryRaw<{ byCategory: Record<string, number> | null; bySeverity: Record<string, number> | null; byMonth: Record<string, number> | null }[]>`
        ${period}
        SELECT (SELECT jsonb_object_agg(category, n) FROM (SELECT category, count(*)::int n FROM p WHERE NOT void GROUP BY 1) x) AS "byCategory",
               (SELECT jsonb_object_agg(severity, n) FROM (SELECT severity, count(*)::int n FROM p WHERE NOT void GROUP BY 1) x) AS "bySeverity",
               (SELECT jsonb_object_agg(month, n) FROM (SELECT month, count(*)::int n FROM p WHERE NOT void GROUP BY 1) x) AS "byMonth"`;
      const [harm] = await prisma.$queryRaw<{ incidents: number; dead: number; injured: number; missing: number; loss: number }[]>`
        ${period}
        SELECT count(*)::int AS incidents,
               COALESCE(sum((l.content->'casualties'->>'dead')::int), 0)::int AS dead,
               COALESCE(sum((l.content->'casualties'->>'injured')::int), 0)::int AS injured,
               COALESCE(sum((l.content->'casualties'->>'missing')::int), 0)::int AS missing,
               COALESCE(sum((l.content->>'economicLossYuan')::numeric), 0)::float8 AS loss
        FROM p
        LEFT JOIN LATERAL (SELECT r.content FROM incident_report r WHERE r.incident_number = p.number AND r.kind IN ('first', 'follow_up', 'final')
                           ORDER BY r.sequence DESC, r.created_at DESC LIMIT 1) l ON true
        WHERE NOT p.void`;
      const units = await prisma.$queryRaw<(Omit<UnitFigures, 'verificationMet' | 'verificationLate'>)[]>`
        ${period}, clocks AS (
          SELECT p.number, (count(*) FILTER (WHERE c.status = 'met'))::int AS met, (count(*) FILTER (WHERE ${late}))::int AS late
          FROM p JOIN report_clock c ON c.report_id = p.first_id WHERE NOT p.void GROUP BY p.number
        ), overdue AS (
          SELECT DISTINCT p.number FROM p
          JOIN report_clock c ON c.incident_number = p.number AND c.channel = 'written' AND c.status <> 'met' AND c.due_at < ${filter.now}
          JOIN incident_report r ON r.id = c.report_id AND r.kind IN ('first', 'phone')
          WHERE NOT p.void AND (p.first_status IS NULL OR p.first_status NOT IN ${OUT})
        )
        SELECT p.unit_id AS "unitId", u.name AS "unitName", count(*)::int AS incidents,
               (count(*) FILTER (WHERE NOT p.void))::int AS due,
               (count(*) FILTER (WHERE p.first_status IN ${OUT}))::int AS reported,
               COALESCE(sum(k.met), 0)::int AS met, COALESCE(sum(k.late), 0)::int AS late,
               (count(*) FILTER (WHERE k.late > 0))::int AS "lateIncidents",
               (count(o.number))::int AS missed
        FROM p JOIN org_unit u ON u.id = p.unit_id
        LEFT JOIN clocks k ON k.number = p.number
        LEFT JOIN overdue o ON o.number = p.number
        GROUP BY p.unit_id, u.name`;
      const answers = await prisma.$queryRaw<{ unitId: string; unitName: string; met: number; late: number }[]>`
        SELECT r.content->>'targetUnitId' AS "unitId", u.name AS "unitName",
               (count(*) FILTER (WHERE c.status = 'met'))::int AS met, (count(*) FILTER (WHERE ${late}))::int AS late
        FROM incident_report r
        JOIN incident i ON i.number = r.incident_number
        JOIN report_clock c ON c.report_id = r.id
        JOIN org_unit u ON u.id = r.content->>'targetUnitId'
        WHERE r.kind = 'verification' AND r.created_at >= ${filter.from} AND r.created_at < ${filter.to} ${visible}
        GROUP BY 1, 2`;
      const byUnit = new Map<string, UnitFigures>(units.map((u) => [u.unitId, { ...u, verificationMet: 0, verificationLate: 0 }]));
      for (const a of answers) {
        const unit = byUnit.get(a.unitId) ?? { unitId: a.unitId, unitName: a.unitName, incidents: 0, due: 0, reported: 0, met: 0, late: 0, lateIncidents: 0, missed: 0, verificationMet: 0, verificationLate: 0 };
        byUnit.set(a.unitId, { ...unit, verificationMet: a.met, verificationLate: a.late });
      }
      const entries = (o: Record<string, number> | null | undefined) => Object.entries(o ?? {});
      return {
        total: { incidents: harm?.incidents ?? 0, dead: harm?.dead ?? 0, injured: harm?.injured ?? 0, missing: harm?.missing ?? 0, economicLossYuan: harm?.loss ?? 0 },
        byCategory: entries(facets?.byCategory).map(([category, incidents]) => ({ category, incidents })),
        bySeverity: entries(facets?.bySeverity).map(([severity, incidents]) => ({ severity, incidents })),
        byMonth: entries(facets?.byMonth).map(([month, incidents]) => ({ month, incidents })).sort((a, b) => a.month.localeCompare(b.month)),
        units: [...byUnit.values()].sort((a, b) => b.incidents - a.incidents || a.unitName.localeCompare(b.unitName, 'zh-CN')),
      };
    },
  };
}

export type PeriodicStatsRepository = ReturnType<typeof createPeriodicStatsRepository>;
