import {
  CLOCK_PARTIES, clockReportKindSchema, ERROR_CODES, firstDue, reminderTimes, resolveClocks, severitySchema, type Policy,
} from '@kuaibao/domain';
import { bpmnError, complete } from '@kuaibao/engine';
import { z } from 'zod';
import { withVariables, type Handler } from '../handler';

export interface ResolveClockDeps {
  /** The policy for a jurisdiction (division code or policy code): the nearest up the tree, else the default. */
  policies: (jurisdiction: string) => Policy | undefined;
  now: () => Date;
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
});

/**
 * 法定时限: resolves the report's deadlines from its jurisdiction's policy and completes with `clocks`,
 * whose ISO date-times BPMN timers use directly (`timeDate` `=clocks.writtenDueAt`). A due time is null
 * where the policy sets no figure (e.g. 续报), so the flow must test it before arming a timer.
 * No policy at all (not even a default) is the BPMN error NO_DEADLINE_POLICY.
 */
export function resolveClockHandler(deps: ResolveClockDeps): Handler {
  return withVariables(variablesSchema, async (variables) => {
    const policy = deps.policies(variables.jurisdiction);
    if (!policy) return bpmnError(ERROR_CODES.NO_DEADLINE_POLICY, `辖区 ${variables.jurisdiction} 没有报送时限政策`);
    const clocks = resolveClocks(policy, { ...variables, kind: variables.reportKind, party: variables.clockParty });
    const phone = firstDue(clocks, 'phone');
    const written = firstDue(clocks, 'written');
    return complete({
      clocks: {
        policyCode: policy.code,
        policyVersion: policy.version,
        phoneDueAt: phone?.dueAt ?? null,
        phoneWithin: phone?.within ?? null,
        writtenDueAt: written?.dueAt ?? null,
        writtenWithin: written?.within ?? null,
        reminderAt: reminderTimes(policy, clocks, deps.now()),
        escalateTo: policy.escalation.recipients,
        rules: clocks.map(({ channel, to, dueAt, startedAt, from, within, immediate, rule }) => ({ channel, to, dueAt, startedAt, from, within, immediate, rule })),
      },
    });
  });
}
