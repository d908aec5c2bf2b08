import type { ReportClockRow } from '@kuaibao/db';
import { STATUS_OF_STEP } from '@kuaibao/domain';

/** How a clock stands: open (running), overdue (迟报: past its deadline, not delivered), met, late (delivered after it), void (report closed). */
export type ClockState = 'open' | 'overdue' | 'met' | 'late' | 'void';

/** One statutory clock as the dossier shows it: deadline, rule, policy version, actual time, and what is left. */
export function clockView(clock: ReportClockRow, now: Date, reportStatus: string) {
  const running = clock.status === 'open';
  const state: ClockState = running ? (reportStatus === STATUS_OF_STEP.closedNotIncident ? 'void' : now.getTime() > clock.dueAt.getTime() ? 'overdue' : 'open') : (clock.status as ClockState);
  return {
    channel: clock.channel,
    to: clock.recipient,
    dueAt: clock.dueAt.toISOString(),
    startedAt: clock.startedAt.toISOString(),
    from: clock.origin,
    within: clock.within,
    immediate: clock.immediate,
    rule: clock.rule,
    policyCode: clock.policyCode,
    policyVersion: clock.policyVersion,
    state,
    actualAt: clock.metAt?.toISOString() ?? null,
    metBy: clock.metBy,
    overdueMarkedAt: clock.overdueAt?.toISOString() ?? null,
    remainingMs: state === 'open' || state === 'overdue' ? clock.dueAt.getTime() - now.getTime() : null,
    /** Whose deadline: the reporting unit's, or a recipient's own (the province's to the State Council, docs/adr/0057). */
    party: clock.party,
    unitId: clock.unitId,
  };
}

/** The deadline of an open task: its due date, the time left (negative once overdue), and the rule behind it. */
export function taskDeadline(
  dueDate: Date | string | null,
  clock: { channel: string | null; rule: string | null; policyCode: string | null; policyVersion: number | null } | undefined,
  now: Date,
) {
  if (!dueDate) return null;
  const dueAt = new Date(dueDate);
  const remainingMs = dueAt.getTime() - now.getTime();
  return {
    dueAt: dueAt.toISOString(),
    remainingMs,
    overdue: remainingMs < 0,
    channel: clock?.channel ?? null,
    rule: clock?.rule ?? null,
    policyCode: clock?.policyCode ?? null,
    policyVersion: clock?.policyVersion ?? null,
  };
}
