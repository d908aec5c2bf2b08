import { CLOCK_PARTIES, ESCALATION_RECIPIENTS, type Policy, type ResolvedClock } from '@kuaibao/domain';
import { z } from 'zod';

/** The job variables the clock handlers (remind, overdue, settle) read: the report and what resolve-clock wrote. */
export const clockJobSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  reportingUnitId: z.string().min(1),
  title: z.string().nullish(),
  recipients: z.record(z.string(), z.object({ id: z.string() }).nullable()).default({}),
  clocks: z.object({ escalateTo: z.array(z.enum(ESCALATION_RECIPIENTS)) }),
  /** Whose clocks the timer watches: the reporting unit's, or the province's own (an input mapping, docs/adr/0057). */
  clockParty: z.enum(CLOCK_PARTIES).default('reporting_unit'),
});

const CHANNEL_ZH = { phone: '电话报告', written: '书面报告' } as const;
export const channelZh = (channel: string, party = 'reporting_unit') =>
  party === 'province' ? '报国务院' : (CHANNEL_ZH[channel as keyof typeof CHANNEL_ZH] ?? channel);

const clockFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
/** A deadline as the duty officer reads it: Beijing time. */
export const beijingTime = (at: Date) => clockFormat.format(at);
const hourFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** The hour and minute only (HH:mm, Beijing time): for a deadline within the hour, where the day goes without saying. */
export const beijingHour = (at: Date) => hourFormat.format(at);

/** The `clocks` variable the span's timers and task due dates read: written by resolve-clock, rewritten by a regrade. */
export function clocksVariable(policy: Policy, all: readonly ResolvedClock[], phone: ResolvedClock | undefined, written: ResolvedClock | undefined, reminderAt: string[]) {
  return {
    policyCode: policy.code,
    policyVersion: policy.version,
    phoneDueAt: phone?.dueAt ?? null,
    phoneWithin: phone?.within ?? null,
    writtenDueAt: written?.dueAt ?? null,
    writtenWithin: written?.within ?? null,
    /** The deadline the steps of the written report are held to (the task due date): written, else phone. */
    stepDueAt: (written ?? phone)?.dueAt ?? null,
    reminderAt,
    escalateTo: policy.escalation.recipients,
    rules: all.map(({ channel, to, dueAt, startedAt, from, within, immediate, rule }) => ({ channel, to, dueAt, startedAt, from, within, immediate, rule })),
  };
}
