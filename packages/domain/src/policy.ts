import { z } from 'zod';
import { IMMEDIATELY, parseDuration } from './policy-duration';
import { SEVERITIES, severitySchema } from './report-enums';

/** A rule's grade: one severity, or `any` (a figure the notice sets whatever the grade). */
export const POLICY_SEVERITIES = [...SEVERITIES, 'any'] as const;
export type PolicySeverity = (typeof POLICY_SEVERITIES)[number];

/** What the clock is for: 首报, 续报, 终报, or the answer to a 核报 request (000 三（四）). */
export const CLOCK_REPORT_KINDS = ['first', 'follow_up', 'final', 'verification'] as const;
export const clockReportKindSchema = z.enum(CLOCK_REPORT_KINDS);
export type ClockReportKind = z.infer<typeof clockReportKindSchema>;

/**
 * `phone`: the first notice, which the notices allow by phone or orally (电话/口头报告, "来不及形成文字的，可先用
 * 电话口头报告"); a written report that arrives first satisfies it too. `written`: the written report, where a
 * notice sets a figure of its own for it.
 */
export const CLOCK_CHANNELS = ['phone', 'written'] as const;
export type ClockChannel = (typeof CLOCK_CHANNELS)[number];

/** When the clock starts: 事发 (occurred), 获知 (learned), 接报 (received: the report, or the 核报 request, reached the unit). */
export const CLOCK_ORIGINS = ['occurred', 'learned', 'received'] as const;
export type ClockOrigin = (typeof CLOCK_ORIGINS)[number];

/** Who must meet the clock: the reporting unit, or the province forwarding to the State Council (002). */
export const CLOCK_PARTIES = ['reporting_unit', 'province'] as const;
export type ClockParty = (typeof CLOCK_PARTIES)[number];

/** Whom the report must reach by the deadline. */
export const CLOCK_RECIPIENTS = [
  'local_government', // 事发地人民政府 (002)
  'superior_government', // 上一级人民政府 (002)
  'city_duty_office', // 市政府总值班室 / 市政府值班室; 001's 向市政府报告 reaches it too (000, 001)
  'city_party_committee_duty_room', // 市委政务值班室 (003)
  'province', // 省人民政府 (002)
  'state_council', // 国务院 (002)
] as const;
export type ClockRecipient = (typeof CLOCK_RECIPIENTS)[number];

/** Who is told when a clock is about to run out or has run out. */
export const ESCALATION_RECIPIENTS = ['current_assignees', 'leader_on_duty', 'unit_leader', 'same_level_duty_office', 'city_duty_office'] as const;

const duration = z.string().refine((text) => parseDuration(text) !== undefined, { error: 'ISO 8601 duration in days, hours, minutes, seconds (PT30M, PT2H30M)' });

export const clockRuleSchema = z
  .strictObject({
    severity: z.enum(POLICY_SEVERITIES),
    /** true: only for sensitive reports or those that may escalate; false: only for the others; absent: for all. */
    sensitive: z.boolean().optional(),
    reportKind: clockReportKindSchema,
    channel: z.enum(CLOCK_CHANNELS),
    /** The deadline after `from`; `PT0S` is 立即 (immediately). */
    within: duration.refine((text) => parseDuration(text) !== 0 || text === IMMEDIATELY, { error: `immediately is spelled ${IMMEDIATELY}` }),
    from: z.enum(CLOCK_ORIGINS),
    to: z.enum(CLOCK_RECIPIENTS).optional(),
    by: z.enum(CLOCK_PARTIES).default('reporting_unit'),
    /** The citation, in Chinese: seed file, clause, and the words of the notice. */
    rule: z.string().trim().min(1),
  });
export type ClockRule = z.infer<typeof clockRuleSchema>;

/** The fields that make two rules the same rule: two rules with one key would leave the citation ambiguous. */
const ruleKey = (r: ClockRule) => [r.severity, r.sensitive ?? '*', r.reportKind, r.channel, r.to ?? '*', r.by].join('|');

/** A jurisdiction's deadline policy (processes/jurisdictions/<code>/policy.json). */
export const policySchema = z
  .strictObject({
    /** The division code it applies to (6 digits, GB/T 2260), `default`, or a slug for a practice no division owns. */
    code: z.string().regex(/^(?:\d{6}|[a-z][a-z0-9-]{1,63})$/),
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
    /** Raised on every change; reports keep the version their clocks were resolved with. */
    version: z.number().int().positive(),
    effectiveFrom: z.iso.date(),
    sources: z.array(z.strictObject({ seed: z.string().min(1), title: z.string().min(1) })),
    clocks: z.array(clockRuleSchema),
    /** Reminders (催办) this long before each deadline. */
    reminders: z.array(duration.refine((text) => parseDuration(text)! > 0, { error: 'a reminder must come before the deadline' })),
    escalation: z.strictObject({ recipients: z.array(z.enum(ESCALATION_RECIPIENTS)).min(1) }),
    /** 004: a city bureau reports to the province only after the city duty office approved (no 信息倒流). */
    requiresCityApprovalForProvince: z.boolean(),
    /** 000: when urgent, a direct (越级) copy to the city duty office besides the level-by-level route. */
    directToCityDutyOfficeWhenUrgent: z.boolean(),
    /** 003: grades that also need the sector leader's (战线主管领导) approval. */
    sectorLeaderSignOffFor: z.array(severitySchema.exclude(['ungraded'])),
  })
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.clocks.forEach((rule, index) => {
      const key = ruleKey(rule);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else ctx.addIssue({ code: 'custom', path: ['clocks', index], message: `ambiguous: same severity, sensitive, reportKind, channel, to and by as clocks[${first}]` });
    });
  });
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
