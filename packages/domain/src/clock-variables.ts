import type { Severity } from './report-enums';

/**
 * The start variables resolve-clock reads for a 首报 (docs/adr/0009): the jurisdiction is the reporting
 * unit's division code (the nearest policy up the tree applies, or a policy code asked for by name); without
 * a 接报 instant, clocks that count from it start at 获知 (ADR 0007: a deadline can only come sooner).
 */
export function firstReportClockVariables(
  jurisdiction: string,
  report: { severity: Severity; sensitive?: boolean; mayEscalate?: boolean; occurredAt: string | Date; learnedAt: string | Date; receivedAt?: string | Date | undefined },
) {
  return {
    jurisdiction,
    reportKind: 'first' as const,
    severity: report.severity,
    sensitive: report.sensitive ?? false,
    mayEscalate: report.mayEscalate ?? false,
    occurredAt: new Date(report.occurredAt).toISOString(),
    learnedAt: new Date(report.learnedAt).toISOString(),
    ...(report.receivedAt && { receivedAt: new Date(report.receivedAt).toISOString() }),
  };
}
