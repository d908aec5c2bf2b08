import type { PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';
import { atomically } from './atomically';
import { columnsAs, type ColumnNames } from './prisma-columns';

export interface NewReportClock {
  reportId: string;
  incidentNumber: string;
  channel: string;
  recipient: string | null;
  dueAt: Date;
  startedAt: Date;
  origin: string;
  within: string;
  immediate: boolean;
  rule: string;
  policyCode: string;
  policyVersion: number;
  /** Whose deadline (default the reporting unit's); a recipient's own clock names its unit (docs/adr/0057). */
  party?: string;
  unitId?: string | null;
}

/** The reporting unit's clocks: the party every caller means unless it names another (docs/adr/0057). */
export const REPORTING_UNIT = 'reporting_unit';

export type ReportClockRow = Awaited<ReturnType<PrismaClient['reportClock']['findMany']>>[number];

/** report_clock's columns as Prisma names them: a statement returning them gives ReportClockRows. */
export const CLOCK_FIELDS: ColumnNames = [
  ['report_id', 'reportId'], ['channel', 'channel'], ['party', 'party'], ['unit_id', 'unitId'], ['incident_number', 'incidentNumber'],
  ['recipient', 'recipient'], ['due_at', 'dueAt'], ['started_at', 'startedAt'], ['origin', 'origin'], ['within', 'within'], ['immediate', 'immediate'],
  ['rule', 'rule'], ['policy_code', 'policyCode'], ['policy_version', 'policyVersion'], ['status', 'status'], ['overdue_at', 'overdueAt'],
  ['met_at', 'metAt'], ['met_by', 'metBy'],
];
const CLOCK_COLUMNS = columnsAs(CLOCK_FIELDS, null);

/**
 * The statutory clocks of reports (`report_clock`) and how each ended: met, or 迟报. What every report's flow runs (record,
 * the reads of one report's clocks, the 迟报 mark) are marked statements: prepared on the driver, or on an engine step's
 * connection when `prisma` is a step's transaction (docs/adr/0068).
 */
export function createClockRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  return {
    /**
     * Records the resolved clocks of a report and (for the reporting unit's) the policy on the report, in one transaction.
     * Idempotent: a re-delivered job leaves clocks already recorded (and their outcome) as they are.
     */
    async record(reportId: string, policy: { code: string; version: number } | null, clocks: readonly NewReportClock[]) {
      // One statement text for any number of clocks: the rows as one JSON parameter (sent as text, so no driver encodes it again).
      const rows = JSON.stringify(clocks.map((c) => ({ ...c, party: c.party ?? REPORTING_UNIT, unitId: c.unitId ?? null })));
      await atomically(prisma, async (tx) => {
        await tx.$executeRaw`/* prepared */
          INSERT INTO report_clock (report_id, channel, party, unit_id, incident_number, recipient, due_at, started_at, origin, within, immediate, rule,
                                    policy_code, policy_version, status)
          SELECT c."reportId", c.channel, c.party, c."unitId", c."incidentNumber", c.recipient, c."dueAt", c."startedAt", c.origin, c.within, c.immediate,
                 c.rule, c."policyCode", c."policyVersion", 'open'
          FROM jsonb_to_recordset(${rows}::text::jsonb) AS c("reportId" text, channel text, party text, "unitId" text, "incidentNumber" text, recipient text,
               "dueAt" timestamptz, "startedAt" timestamptz, origin text, within text, immediate boolean, rule text, "policyCode" text, "policyVersion" int)
          ON CONFLICT DO NOTHING`;
        // A recipient's own clock (policy null) leaves the report's policy, which the reporting unit's clocks set, alone.
        if (!policy) return;
        const updated = await tx.$executeRaw`/* prepared */
          UPDATE incident_report SET policy_code = ${policy.code}, policy_version = ${policy.version} WHERE id = ${reportId}`;
        if (updated === 0) throw new Error(`Report ${reportId} does not exist`);
      });
    },

    /** One party's clocks of a report (the reporting unit's unless another party is named). */
    forReport: (reportId: string, party: string = REPORTING_UNIT) => raw.$queryRaw<ReportClockRow[]>`/* prepared */
      SELECT ${CLOCK_COLUMNS} FROM report_clock WHERE report_id = ${reportId} AND party = ${party} ORDER BY due_at, channel`,

    forReports: (reportIds: readonly string[]) => prisma.reportClock.findMany({ where: { reportId: { in: [...reportIds] } } }),

    forIncident: (incidentNumber: string) => prisma.reportClock.findMany({ where: { incidentNumber }, orderBy: [{ dueAt: 'asc' }, { channel: 'asc' }] }),

    /**
     * A regrade made a clock stricter (docs/adr/0057): the channel's clock takes the earlier deadline, counted from the same
     * starting instant, or starts where the old grade had none. A clock already met is measured again against the new
     * deadline (met → late when it was met after it); a clock never loosens. Returns what it was and what it is, or null
     * when nothing changed.
     */
    async tighten(clock: NewReportClock): Promise<{ before: ReportClockRow | null; after: ReportClockRow } | null> {
      const party = clock.party ?? REPORTING_UNIT;
      const before = await prisma.reportClock.findUnique({ where: { reportId_party_channel: { reportId: clock.reportId, party, channel: clock.channel } } });
      if (before && before.dueAt.getTime() <= clock.dueAt.getTime()) return null;
      const terms = {
        recipient: clock.recipient, dueAt: clock.dueAt, startedAt: clock.startedAt, origin: clock.origin, within: clock.within, immediate: clock.immediate,
        rule: clock.rule, policyCode: clock.policyCode, policyVersion: clock.policyVersion,
      };
      if (!before) {
        const after = await prisma.reportClock.create({ data: { ...clock, party, status: 'open' } });
        return { before: null, after };
      }
      const lateNow = before.status === 'met' && before.metAt !== null && !clock.immediate && before.metAt.getTime() > clock.dueAt.getTime();
      const after = await prisma.reportClock.update({
        where: { reportId_party_channel: { reportId: clock.reportId, party, channel: clock.channel } },
        data: { ...terms, ...(lateNow && { status: 'late' }) },
      });
      return { before, after };
    },

    /** The deadline passed with the clock still open: 迟报. Returns false when it was already met or marked. */
    async markOverdue(reportId: string, channel: string, at: Date, party: string = REPORTING_UNIT): Promise<boolean> {
      const count = await raw.$executeRaw`/* prepared */
        UPDATE report_clock SET overdue_at = ${at}
        WHERE report_id = ${reportId} AND party = ${party} AND channel = ${channel} AND status = 'open' AND overdue_at IS NULL`;
      return count === 1;
    },

    /**
     * The report (or the phone report) reached the recipients at `at`: met, or late after its deadline.
     * A 立即 clock (PT0S) is late by construction, so it is recorded as met with its actual time (ADR 0007).
     */
    async settle(
      reportId: string, channel: string, at: Date, by: 'phone_report' | 'written_report' | 'state_council_report', party: string = REPORTING_UNIT,
    ): Promise<ReportClockRow | null> {
      const clock = await prisma.reportClock.findUnique({ where: { reportId_party_channel: { reportId, party, channel } } });
      if (!clock || clock.status !== 'open') return null;
      const status = !clock.immediate && at.getTime() > clock.dueAt.getTime() ? 'late' : 'met';
      const { count } = await prisma.reportClock.updateMany({ where: { reportId, party, channel, status: 'open' }, data: { status, metAt: at, metBy: by } });
      return count === 1 ? { ...clock, status, metAt: at, metBy: by } : null;
    },
  };
}

export type ClockRepository = ReturnType<typeof createClockRepository>;
