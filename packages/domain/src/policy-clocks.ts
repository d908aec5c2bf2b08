import type { ClockChannel, ClockOrigin, ClockParty, ClockRecipient, ClockReportKind, ClockRule, Policy } from './policy';
import { durationMs, IMMEDIATELY } from './policy-duration';
import type { Severity } from './report-enums';

/** What the clocks of one report depend on. Pure: every instant is given, nothing reads the time. */
export interface ClockInput {
  severity: Severity;
  sensitive?: boolean;
  /** May become 较大 or worse: treated as sensitive, as the notices do (000 二（三）, 001 二, 002 一（三）). */
  mayEscalate?: boolean;
  kind: ClockReportKind;
  occurredAt: Date;
  learnedAt?: Date | null;
  /** 接报: the report reached the unit; for kind `verification`, the 核报 request did. */
  receivedAt?: Date | null;
  /** Whose clocks: the reporting unit's (default) or the province's. */
  party?: ClockParty;
}

/** One deadline of one report. `from` is the instant actually used (see `startOf`). */
export interface ResolvedClock {
  channel: ClockChannel;
  to: ClockRecipient | null;
  dueAt: string;
  startedAt: string;
  from: ClockOrigin;
  within: string;
  immediate: boolean;
  rule: string;
  policyCode: string;
  policyVersion: number;
}

/**
 * The instant a clock starts. A missing instant falls back to the earlier one (接报 → 获知 → 事发):
 * the deadline can only come sooner, never later, than the notice's.
 */
function startOf(origin: ClockOrigin, input: ClockInput): { from: ClockOrigin; at: Date } {
  if (origin === 'received' && input.receivedAt) return { from: 'received', at: input.receivedAt };
  if (origin !== 'occurred' && input.learnedAt) return { from: 'learned', at: input.learnedAt };
  return { from: 'occurred', at: input.occurredAt };
}

function matches(rule: ClockRule, input: ClockInput): boolean {
  const urgent = Boolean(input.sensitive || input.mayEscalate);
  return (
    (rule.severity === 'any' || rule.severity === input.severity) &&
    (rule.sensitive === undefined || rule.sensitive === urgent) &&
    rule.reportKind === input.kind &&
    rule.by === (input.party ?? 'reporting_unit')
  );
}

/** On equal deadlines the more specific rule is cited. */
const specificity = (rule: ClockRule) => (rule.severity === 'any' ? 0 : 2) + (rule.sensitive === undefined ? 0 : 1);

/**
 * The deadlines of a report under `policy`: one per channel and recipient; where several rules match
 * (a grade's figure and the 立即 of sensitive reports), the stricter — the earlier deadline — wins.
 * Sorted by deadline. Empty when the policy sets no figure (e.g. 续报 "第一时间", 终报 "及时").
 */
export function resolveClocks(policy: Policy, input: ClockInput): ResolvedClock[] {
  const winners = new Map<string, { rule: ClockRule; start: { from: ClockOrigin; at: Date }; due: number }>();
  for (const rule of policy.clocks.filter((r) => matches(r, input))) {
    const start = startOf(rule.from, input);
    const due = start.at.getTime() + durationMs(rule.within);
    const key = `${rule.channel}|${rule.to ?? ''}`;
    const best = winners.get(key);
    if (!best || due < best.due || (due === best.due && specificity(rule) > specificity(best.rule))) winners.set(key, { rule, start, due });
  }
  return [...winners.values()]
    .map(({ rule, start, due }) => ({
      channel: rule.channel,
      to: rule.to ?? null,
      dueAt: new Date(due).toISOString(),
      startedAt: start.at.toISOString(),
      from: start.from,
      within: rule.within,
      immediate: rule.within === IMMEDIATELY,
      rule: rule.rule,
      policyCode: policy.code,
      policyVersion: policy.version,
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.channel.localeCompare(b.channel));
}

/** The earliest deadline of a channel, or undefined when no rule sets one. */
export function firstDue(clocks: readonly ResolvedClock[], channel: ClockChannel): ResolvedClock | undefined {
  return clocks.find((clock) => clock.channel === channel);
}

/**
 * When to remind (催办): each of the policy's offsets before each deadline, if that falls after the clock
 * started and after `now` (a reminder already past is not sent late). Sorted, without duplicates.
 */
export function reminderTimes(policy: Policy, clocks: readonly ResolvedClock[], now: Date): string[] {
  const times = clocks.flatMap((clock) =>
    policy.reminders
      .map((offset) => Date.parse(clock.dueAt) - durationMs(offset))
      .filter((at) => at > Date.parse(clock.startedAt) && at > now.getTime()),
  );
  return [...new Set(times)].sort((a, b) => a - b).map((at) => new Date(at).toISOString());
}

/** 迟报: the report arrived after its deadline (arriving at the deadline is on time). */
export function isLate(dueAt: Date | string, actualAt: Date | string): boolean {
  return new Date(actualAt).getTime() > new Date(dueAt).getTime();
}
