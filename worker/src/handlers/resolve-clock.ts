import {
  CLOCK_PARTIES, clockReportKindSchema, ERROR_CODES, firstDue, reminderTimes, resolveClocks, severitySchema, type Policy, type ResolvedClock,
} from '@kuaibao/domain';
import type { IncidentRepository, StepWritesFactory } from '@kuaibao/db';
import { bpmnError, complete } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler, type JobContext } from '../handler';
import { clockEvidence } from './clock-evidence';
import { clocksVariable } from './clock-variables';
import { SYSTEM_ACTOR } from './deps';

export interface ResolveClockDeps {
  /** The policy for a jurisdiction (division code or policy code): the nearest up the tree, else the default. */
  policies: (jurisdiction: string) => Policy | undefined | Promise<Policy | undefined>;
  now: () => Date;
  /** With these, the clocks of a report (variable `reportId`) are recorded in its dossier, with the job's completion. */
  incidents?: Pick<IncidentRepository, 'get'>;
  writes?: StepWritesFactory;
}

const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value));

const variablesSchema = z.object({
  jurisdiction: z.string().min(1),
  severity: severitySchema,
  sensitive: z.boolean().default(false),
  mayEscalate: z.boolean().default(false),
  reportKind: clockReportKindSchema,
  occurredAt: instant,
  learnedAt: instant.nullish(),
  /** 接报; for `verification`, when the 核报 request reached the unit. */
  receivedAt: instant.nullish(),
  /** Whose clocks (default: the reporting unit's). */
  clockParty: z.enum(CLOCK_PARTIES).default('reporting_unit'),
  /** The unit a recipient's own clock binds (the provincial recipient, docs/adr/0057). */
  clockUnitId: z.string().min(1).nullish(),
  reportId: z.string().min(1).optional(),
  incidentNumber: z.string().min(1).optional(),
});
type Variables = z.infer<typeof variablesSchema>;

/**
 * 法定时限: resolves the report's deadlines from its jurisdiction's policy and completes with `clocks`,
 * whose ISO date-times BPMN timers use directly (`timeDate` `=clocks.writtenDueAt`). A due time is null
 * where the policy sets no figure (e.g. 续报), so the flow guards it before arming a timer.
 * With a `reportId`, the phone and written clocks are recorded (`report_clock`) with the policy code and
 * version; a phone report already in the dossier settles the phone clock at once (先电话报告).
 * No policy at all (not even a default) is the BPMN error NO_DEADLINE_POLICY.
 */
export function resolveClockHandler(deps: ResolveClockDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const policy = await deps.policies(variables.jurisdiction);
    if (!policy) return bpmnError(ERROR_CODES.NO_DEADLINE_POLICY, `辖区 ${variables.jurisdiction} 没有报送时限政策`);
    const clocks = resolveClocks(policy, { ...variables, kind: variables.reportKind, party: variables.clockParty });
    const phone = firstDue(clocks, 'phone');
    const written = firstDue(clocks, 'written');
    const recorded = await recordClocks(deps, variables, job, policy, [phone, written].filter((c) => c !== undefined));
    const open = [recorded?.phoneMet ? undefined : phone, written].filter((c) => c !== undefined);
    return complete({
      clocks: clocksVariable(policy, clocks, phone, written, reminderTimes(policy, open, deps.now())),
    }, recorded?.writes);
  });
}

/**
 * The writes that record the tracked clocks (with the job's completion), and whether a phone report already met
 * (or missed) the phone clock; null when the job records nothing.
 */
async function recordClocks(deps: ResolveClockDeps, variables: Variables, job: JobContext, policy: Policy, tracked: ResolvedClock[]) {
  const { incidents, writes } = deps;
  if (!variables.reportId || !variables.incidentNumber || !incidents || !writes) return null;
  const { reportId, incidentNumber, clockParty: party } = variables;
  const ownClocks = party === 'reporting_unit';
  // 先电话报告 settles the reporting unit's phone clock; a recipient's own deadline (the province's) is met by its own report.
  const calledAt = ownClocks ? await phoneReportTime(incidents, incidentNumber) : null;
  const settlesPhone = calledAt !== null && tracked.some((c) => c.channel === 'phone');
  const at = deps.now();
  return {
    phoneMet: settlesPhone,
    writes: writes(async ({ clocks, audit }) => {
      await clocks.record(
        reportId,
        ownClocks ? { code: policy.code, version: policy.version } : null,
        tracked.map((c) => ({
          reportId, incidentNumber, party, unitId: variables.clockUnitId ?? null, channel: c.channel, recipient: c.to, dueAt: new Date(c.dueAt), startedAt: new Date(c.startedAt),
          origin: c.from, within: c.within, immediate: c.immediate, rule: c.rule, policyCode: c.policyCode, policyVersion: c.policyVersion,
        })),
      );
      await audit.append({
        incidentNumber, reportId, actorName: SYSTEM_ACTOR, action: 'clock.resolved',
        detail: { ...(!ownClocks && { party, unitId: variables.clockUnitId ?? null }), policyCode: policy.code, policyVersion: policy.version, clocks: tracked.map((c) => ({ channel: c.channel, to: c.to, dueAt: c.dueAt, within: c.within, from: c.from, rule: c.rule })) },
        dedupeKey: effectKey(job, ownClocks ? 'clocks' : `clocks-${party}`), at,
      });
      if (!settlesPhone) return;
      const settled = await clocks.settle(reportId, 'phone', calledAt, 'phone_report');
      if (settled) {
        await audit.append({
          incidentNumber, reportId, actorName: SYSTEM_ACTOR, action: settled.status === 'late' ? 'clock.late' : 'clock.met',
          detail: clockEvidence(settled, calledAt), dedupeKey: effectKey(job, 'phone-settled'), at,
        });
      }
    }),
  };
}

/** When the first phone report of the incident was made (先电话报告), if one was recorded. */
async function phoneReportTime(incidents: Pick<IncidentRepository, 'get'>, incidentNumber: string): Promise<Date | null> {
  const incident = await incidents.get(incidentNumber);
  const times = (incident?.reports ?? [])
    .filter((r) => r.kind === 'phone')
    .map((r) => Date.parse(String((r.content as { calledAt?: unknown }).calledAt)))
    .filter((t) => Number.isFinite(t));
  return times.length ? new Date(Math.min(...times)) : null;
}
