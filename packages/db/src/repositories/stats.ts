import type { UnitTimeliness } from '@kuaibao/domain';
import { Prisma, type PrismaClient } from '@prisma/client';

export interface TimelinessFilter {
  /** The period, from inclusive, to exclusive. */
  from: Date;
  to: Date;
  /** A running clock past its deadline at this time counts as late (迟报), as the dossier shows it. */
  now: Date;
  /** Incidents of these reporting units, or with these numbers (what the caller may see); all when absent. */
  unitIds?: readonly string[];
  orNumbers?: readonly string[];
}

interface Row {
  unitId: string;
  unitName: string;
  incidents: number;
  mandatory: number;
  voluntary: number;
  byStatus: Record<string, number> | null;
  phoneMet: number;
  phoneLate: number;
  phoneOpen: number;
  writtenMet: number;
  writtenLate: number;
  writtenOpen: number;
}

/** `AND …` limiting the incidents aliased `alias` to those the filter's caller may see (nothing when all). */
export function visibleIncidents(filter: Pick<TimelinessFilter, 'unitIds' | 'orNumbers'>, alias: string): Prisma.Sql {
  return filter.unitIds
    ? Prisma.sql`AND (${Prisma.raw(alias)}.reporting_unit_id IN (${Prisma.join(filter.unitIds.length ? filter.unitIds : [''])})
                      OR ${Prisma.raw(alias)}.number IN (${Prisma.join(filter.orNumbers?.length ? filter.orNumbers : [''])}))`
    : Prisma.empty;
}

/** A clock met, late (a revoked report's open clock is not late) or still open at `now`, for a `report_clock c` of an `incident_report r`. */
function clockStates(now: Date) {
  return {
    met: Prisma.sql`c.status = 'met'`,
    late: Prisma.sql`(c.status = 'late' OR (c.status = 'open' AND r.status <> 'revoked' AND c.due_at < ${now}))`,
    open: Prisma.sql`(c.status = 'open' AND r.status <> 'revoked' AND c.due_at >= ${now})`,
  };
}

/** The 核报 answers each unit owed in the period, by their clocks: met, late, still open (as the dossier shows them). */
export function verificationAnswersByUnit(prisma: PrismaClient, filter: TimelinessFilter) {
  const visible = visibleIncidents(filter, 'i');
  const states = clockStates(filter.now);
  return prisma.$queryRaw<{ unitId: string; unitName: string; met: number; late: number; open: number }[]>`
    SELECT r.content->>'targetUnitId' AS "unitId", u.name AS "unitName",
           (count(*) FILTER (WHERE ${states.met}))::int AS met, (count(*) FILTER (WHERE ${states.late}))::int AS late,
           (count(*) FILTER (WHERE ${states.open}))::int AS open
    FROM incident_report r
    JOIN incident i ON i.number = r.incident_number
    JOIN report_clock c ON c.report_id = r.id AND c.party = 'reporting_unit'
    JOIN org_unit u ON u.id = r.content->>'targetUnitId'
    WHERE r.kind = 'verification' AND r.created_at >= ${filter.from} AND r.created_at < ${filter.to} ${visible}
    GROUP BY 1, 2`;
}

/**
 * The province's own deadlines (002 一（三）: to the State Council within 4 hours of 接报, docs/adr/0057), counted for the
 * provincial unit that received the reports: met, late or running, for the incidents of the period.
 */
export function stateCouncilReportsByUnit(prisma: PrismaClient, filter: TimelinessFilter) {
  const visible = visibleIncidents(filter, 'i');
  const states = clockStates(filter.now);
  return prisma.$queryRaw<{ unitId: string; unitName: string; met: number; late: number; open: number }[]>`
    SELECT c.unit_id AS "unitId", u.name AS "unitName",
           (count(*) FILTER (WHERE ${states.met}))::int AS met, (count(*) FILTER (WHERE ${states.late}))::int AS late,
           (count(*) FILTER (WHERE ${states.open}))::int AS open
    FROM report_clock c
    JOIN incident_report r ON r.id = c.report_id
    JOIN incident i ON i.number = r.incident_number
    JOIN org_unit u ON u.id = c.unit_id
    WHERE c.party = 'province' AND i.created_at >= ${filter.from} AND i.created_at < ${filter.to} ${visible}
    GROUP BY 1, 2`;
}

/**
 * 报送时效: per reporting unit, how the statutory clocks of its 首报 stand in a period: met (按时), late (迟报:
 * delivered after the deadline, or not delivered and past it) or running. A clock of a report closed as not an
 * incident counts for nothing (the dossier shows it void).
 */
export function createStatsRepository(prisma: PrismaClient) {
  return {
    async timeliness(filter: TimelinessFilter): Promise<UnitTimeliness[]> {
      const visibleAs = (alias: string) => visibleIncidents(filter, alias);
      const visible = visibleAs('i');
      const states = clockStates(filter.now);
      const tally = (channel: string, state: keyof typeof states, name: string) =>
        Prisma.sql`(count(*) FILTER (WHERE c.channel = ${channel} AND ${states[state]}))::int AS ${Prisma.raw(`"${name}"`)}`;
      const rows = await prisma.$queryRaw<Row[]>`
        SELECT i.reporting_unit_id AS "unitId", u.name AS "unitName", count(DISTINCT i.number)::int AS incidents,
               (count(DISTINCT i.number) FILTER (WHERE i.reporting_required))::int AS mandatory,
               (count(DISTINCT i.number) FILTER (WHERE i.reporting_required = false))::int AS voluntary,
               (SELECT jsonb_object_agg(s.status, s.n) FROM (
                  SELECT f.status, count(*)::int AS n FROM incident fi JOIN incident_report f ON f.incident_number = fi.number AND f.kind = 'first'
                  WHERE fi.reporting_unit_id = i.reporting_unit_id AND fi.created_at >= ${filter.from} AND fi.created_at < ${filter.to} ${visibleAs('fi')}
                  GROUP BY f.status) s) AS "byStatus",
               ${tally('phone', 'met', 'phoneMet')}, ${tally('phone', 'late', 'phoneLate')}, ${tally('phone', 'open', 'phoneOpen')},
               ${tally('written', 'met', 'writtenMet')}, ${tally('written', 'late', 'writtenLate')}, ${tally('written', 'open', 'writtenOpen')}
        FROM incident i
        JOIN org_unit u ON u.id = i.reporting_unit_id
        LEFT JOIN incident_report r ON r.incident_number = i.number AND r.kind = 'first'
        LEFT JOIN report_clock c ON c.report_id = r.id AND c.party = 'reporting_unit'
        WHERE i.created_at >= ${filter.from} AND i.created_at < ${filter.to} ${visible}
        GROUP BY i.reporting_unit_id, u.name`;
      const answers = await verificationAnswersByUnit(prisma, filter);
      const stateCouncil = await stateCouncilReportsByUnit(prisma, filter);
      const none = { met: 0, late: 0, open: 0 };
      const byUnit = new Map(rows.map((r) => [r.unitId, r]));
      for (const a of [...answers, ...stateCouncil]) {
        if (!byUnit.has(a.unitId)) {
          byUnit.set(a.unitId, { unitId: a.unitId, unitName: a.unitName, incidents: 0, mandatory: 0, voluntary: 0, byStatus: null, phoneMet: 0, phoneLate: 0, phoneOpen: 0, writtenMet: 0, writtenLate: 0, writtenOpen: 0 });
        }
      }
      const verification = new Map(answers.map((a) => [a.unitId, { met: a.met, late: a.late, open: a.open }]));
      const toStateCouncil = new Map(stateCouncil.map((a) => [a.unitId, { met: a.met, late: a.late, open: a.open }]));
      return [...byUnit.values()]
        .map((r) => ({
          unitId: r.unitId,
          unitName: r.unitName,
          incidents: r.incidents,
          mandatory: r.mandatory,
          voluntary: r.voluntary,
          firstReportsByStatus: r.byStatus ?? {},
          phone: { met: r.phoneMet, late: r.phoneLate, open: r.phoneOpen },
          written: { met: r.writtenMet, late: r.writtenLate, open: r.writtenOpen },
          verification: verification.get(r.unitId) ?? none,
          stateCouncil: toStateCouncil.get(r.unitId) ?? none,
        }))
        .sort((a, b) => lateOf(b) - lateOf(a) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
    },
  };
}

const lateOf = (u: Pick<UnitTimeliness, 'phone' | 'written' | 'verification' | 'stateCouncil'>) => u.phone.late + u.written.late + u.verification.late + u.stateCouncil.late;

export type StatsRepository = ReturnType<typeof createStatsRepository>;
