import type { ReportClockRow } from '@kuaibao/db';

/**
 * The evidence of a clock's outcome, as the audit trail keeps it: the deadline, the rule it comes from,
 * the policy code and version, when the clock started, and the actual time (null while still not met).
 */
export function clockEvidence(clock: ReportClockRow, actualAt: Date | null) {
  return {
    channel: clock.channel,
    to: clock.recipient,
    dueAt: clock.dueAt.toISOString(),
    within: clock.within,
    from: clock.origin,
    startedAt: clock.startedAt.toISOString(),
    immediate: clock.immediate,
    rule: clock.rule,
    policyCode: clock.policyCode,
    policyVersion: clock.policyVersion,
    actualAt: actualAt?.toISOString() ?? null,
    lateByMs: actualAt ? Math.max(0, actualAt.getTime() - clock.dueAt.getTime()) : null,
  };
}
