import type { PrismaClient } from '@prisma/client';
import { atomically } from './atomically';

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
}

export type ReportClockRow = Awaited<ReturnType<PrismaClient['reportClock']['findMany']>>[number];

/** The statutory clocks of reports (`report_clock`) and how each ended: met, or 迟报. */
export function createClockRepository(prisma: PrismaClient) {
  return {
    /**
     * Records the resolved clocks of a report and the policy on the report, in one transaction.
     * Idempotent: a re-delivered job leaves clocks already recorded (and their outcome) as they are.
     */
    async record(reportId: string, policy: { code: string; version: number }, clocks: readonly NewReportClock[]) {
      await atomically(prisma, async (tx) => {
        await tx.reportClock.createMany({ data: clocks.map((c) => ({ ...c, status: 'open' })), skipDuplicates: true });
        await tx.incidentReport.update({ where: { id: reportId }, data: { policyCode: policy.code, policyVersion: policy.version } });
      });
    },

    forReport: (reportId: string) => prisma.reportClock.findMany({ where: { reportId }, orderBy: [{ dueAt: 'asc' }, { channel: 'asc' }] }),

    forReports: (reportIds: readonly string[]) => prisma.reportClock.findMany({ where: { reportId: { in: [...reportIds] } } }),

    forIncident: (incidentNumber: string) => prisma.reportClock.findMany({ where: { incidentNumber }, orderBy: [{ dueAt: 'asc' }, { channel: 'asc' }] }),

    /** The deadline passed with the clock still open: 迟报. Returns false when it was already met or marked. */
    async markOverdue(reportId: string, channel: string, at: Date): Promise<boolean> {
      const { count } = await prisma.reportClock.updateMany({ where: { reportId, channel, status: 'open', overdueAt: null }, data: { overdueAt: at } });
      return count === 1;
    },

    /**
     * The report (or the phone report) reached the recipients at `at`: met, or late after its deadline.
     * A 立即 clock (PT0S) is late by construction, so it is recorded as met with its actual time (ADR 0007).
     */
    async settle(reportId: string, channel: string, at: Date, by: 'phone_report' | 'written_report'): Promise<ReportClockRow | null> {
      const clock = await prisma.reportClock.findUnique({ where: { reportId_channel: { reportId, channel } } });
      if (!clock || clock.status !== 'open') return null;
      const status = !clock.immediate && at.getTime() > clock.dueAt.getTime() ? 'late' : 'met';
      const { count } = await prisma.reportClock.updateMany({ where: { reportId, channel, status: 'open' }, data: { status, metAt: at, metBy: by } });
      return count === 1 ? { ...clock, status, metAt: at, metBy: by } : null;
    },
  };
}

export type ClockRepository = ReturnType<typeof createClockRepository>;
