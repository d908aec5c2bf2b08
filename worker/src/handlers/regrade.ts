import {
  firstDue, reminderTimes, reportRecipients, reportRoutes, resolveClocks, severityRank, severitySchema, type ResolvedClock, type Severity,
} from '@kuaibao/domain';
import type { ReportClockRow } from '@kuaibao/db';
import { complete, fail } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { clockEvidence } from './clock-evidence';
import { clocksVariable } from './clock-variables';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';
import { recipientSchema, toOrgUnit } from './recipients';

const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value));

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  reportingUnitId: z.string().min(1),
  jurisdiction: z.string().min(1),
  /** The grade the flow runs on: as submitted, or as the last regrade left it. */
  severity: severitySchema.default('ungraded'),
  sensitive: z.boolean().default(false),
  mayEscalate: z.boolean().default(false),
  occurredAt: instant,
  learnedAt: instant.nullish(),
  receivedAt: instant.nullish(),
  routes: z.object({ directToCityDutyOffice: z.boolean() }).loose(),
  recipients: z.record(z.string(), recipientSchema.nullable()),
});

interface Grade {
  severity: Severity;
  sensitive: boolean;
  mayEscalate: boolean;
}

const gradeOf = (content: Record<string, unknown>, fallback: Grade): Grade => ({
  severity: severitySchema.catch(fallback.severity).parse(content.severity ?? fallback.severity),
  sensitive: typeof content.sensitive === 'boolean' ? content.sensitive : fallback.sensitive,
  mayEscalate: typeof content.mayEscalate === 'boolean' ? content.mayEscalate : fallback.mayEscalate,
});

/** up: graver or newly urgent; down: milder or no longer urgent; mixed: both at once. */
function direction(was: Grade, now: Grade): 'up' | 'down' | 'mixed' | null {
  const rank = severityRank(now.severity) - severityRank(was.severity);
  const urgent = Number(now.sensitive || now.mayEscalate) - Number(was.sensitive || was.mayEscalate);
  const up = rank > 0 || urgent > 0;
  const down = rank < 0 || urgent < 0;
  return up && down ? 'mixed' : up ? 'up' : down ? 'down' : null;
}

const asResolved = (row: ReportClockRow): ResolvedClock => ({
  channel: row.channel as ResolvedClock['channel'], to: row.recipient as ResolvedClock['to'], dueAt: row.dueAt.toISOString(), startedAt: row.startedAt.toISOString(),
  from: row.origin as ResolvedClock['from'], within: row.within, immediate: row.immediate, rule: row.rule, policyCode: row.policyCode, policyVersion: row.policyVersion,
});

/**
 * 核实改定等级 (docs/adr/0057, ADR 0024's open step). After a confirming 核实, the report as corrected is compared with the
 * grade the flow runs on. Where the new grade's clocks, counted from the original instants (事发, 获知, 接报), fall due
 * sooner than the running ones — or exist where the old grade had none — they replace them (`report_clock` tightened;
 * the old terms stay in the trail as evidence), and where the new grade makes the 越级 copy due it is added. Clocks
 * never loosen: a downward regrade keeps those already running. Either way the regrade is audited
 * (`report.regraded`). Completes with `regrade.stricter` (the span is then entered again, its timers armed on the new
 * `clocks`) and `regrade.addsDirect`.
 */
export function regradeHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const report = await deps.incidents.getReport(variables.reportId);
    if (!report) return fail(`Report ${variables.reportId} not found`, { retries: 0 });
    const was: Grade = { severity: variables.severity, sensitive: variables.sensitive, mayEscalate: variables.mayEscalate };
    const now = gradeOf(report.content as Record<string, unknown>, was);
    const moved = direction(was, now);
    if (!moved) return complete({ regrade: { stricter: false, addsDirect: false } });

    const policy = await deps.policies(variables.jurisdiction);
    if (!policy) return fail(`辖区 ${variables.jurisdiction} 没有报送时限政策`, { retries: 0 });
    const at = deps.now();
    const running = await deps.clocks.forReport(variables.reportId);
    const resolved = resolveClocks(policy, { ...now, kind: 'first', occurredAt: variables.occurredAt, learnedAt: variables.learnedAt, receivedAt: variables.receivedAt });
    const candidates = [firstDue(resolved, 'phone'), firstDue(resolved, 'written')].filter((c) => c !== undefined);
    const tightened = candidates.filter((c) => {
      const old = running.find((r) => r.channel === c.channel);
      return !old || Date.parse(c.dueAt) < old.dueAt.getTime();
    });
    const routes = reportRoutes(policy, now, reportRecipients((await deps.orgUnits.all()).map(toOrgUnit), variables.reportingUnitId));
    const addsDirect = routes.directToCityDutyOffice && !variables.routes.directToCityDutyOffice;
    const stricter = tightened.length > 0 || addsDirect;

    const writes = deps.writes(async ({ clocks, audit }) => {
      const changed = [];
      for (const c of tightened) {
        const result = await clocks.tighten({
          reportId: variables.reportId, incidentNumber: variables.incidentNumber, channel: c.channel, recipient: c.to, dueAt: new Date(c.dueAt), startedAt: new Date(c.startedAt),
          origin: c.from, within: c.within, immediate: c.immediate, rule: c.rule, policyCode: c.policyCode, policyVersion: c.policyVersion,
        });
        if (result) changed.push({ channel: c.channel, before: result.before && clockEvidence(result.before, result.before.metAt), after: clockEvidence(result.after, result.after.metAt), status: result.after.status });
      }
      await audit.append({
        incidentNumber: variables.incidentNumber, reportId: variables.reportId, actorName: SYSTEM_ACTOR, action: 'report.regraded',
        detail: {
          direction: moved, from: was, to: now, policyCode: policy.code, policyVersion: policy.version,
          /** The stricter clocks, each from the original starting instant, with the terms they replaced. */
          clocks: changed,
          addedRoutes: addsDirect ? ['cityDutyOfficeDirect'] : [],
          /** Downward: the clocks already running are kept — they are evidence of what was due. */
          keptClocks: running.filter((r) => !tightened.some((c) => c.channel === r.channel)).map((r) => ({ channel: r.channel, dueAt: r.dueAt.toISOString(), within: r.within, status: r.status })),
        },
        dedupeKey: effectKey(job, 'regraded'), at,
      });
    });
    const grade = { severity: now.severity, sensitive: now.sensitive, mayEscalate: now.mayEscalate };
    if (!stricter) return complete({ ...grade, regrade: { stricter: false, addsDirect: false, direction: moved } }, writes);

    // The clocks the span is armed with from now on: per channel the stricter of the running one and the new grade's.
    const effective = (['phone', 'written'] as const)
      .map((channel) => tightened.find((c) => c.channel === channel) ?? running.filter((r) => r.channel === channel).map(asResolved)[0])
      .filter((c) => c !== undefined);
    const open = effective.filter((c) => {
      const row = running.find((r) => r.channel === c.channel);
      return !row || row.status === 'open';
    });
    const phone = effective.find((c) => c.channel === 'phone');
    const written = effective.find((c) => c.channel === 'written');
    const cityDutyOffice = variables.recipients.cityDutyOffice;
    return complete({
      ...grade,
      regrade: { stricter: true, addsDirect, direction: moved },
      routes: { ...variables.routes, directToCityDutyOffice: variables.routes.directToCityDutyOffice || routes.directToCityDutyOffice },
      ...(addsDirect && cityDutyOffice && { recipients: { ...variables.recipients, cityDutyOfficeDirect: cityDutyOffice } }),
      clocks: clocksVariable(policy, effective, phone, written, reminderTimes(policy, open, at)),
    }, writes);
  });
}
