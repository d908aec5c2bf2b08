import { complete, fail } from '@kuaibao/engine';
import { effectKey, withVariables, type Handler } from '../handler';
import { escalationTargets } from '../notify/escalation-targets';
import { clockEvidence } from './clock-evidence';
import { beijingTime, channelZh, clockJobSchema } from './clock-variables';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';
import { clockedSteps } from './clocked-steps';

/**
 * A deadline timer fired (header `channel`: phone or written). If the clock is still open, the open steps
 * are marked 迟报 in the audit trail with the evidence (deadline, rule, policy code and version, the steps
 * still open, the time) and the policy's escalation recipients are alerted. A 立即 clock (PT0S) is due the
 * moment it starts: it escalates (立即报送) instead of blaming. A clock already met is left alone.
 */
export function markOverdueHandler(deps: HandlerDeps): Handler {
  return withVariables(clockJobSchema, async (variables, job) => {
    const channel = job.customHeaders.channel;
    if (channel !== 'phone' && channel !== 'written') return fail(`Task header "channel" must be phone or written, not "${channel ?? ''}"`, { retries: 0 });
    const now = deps.now();
    const party = variables.clockParty;
    const clock = (await deps.clocks.forReport(variables.reportId, party)).find((c) => c.channel === channel);
    if (!clock || clock.status !== 'open' || clock.overdueAt) return complete();
    const steps = (await clockedSteps(deps.inbox, job.instanceKey, party)).map((t) => ({ name: t.name, kind: t.kind, assignee: t.assignee }));
    const evidence = { ...clockEvidence(clock, null), ...(party !== 'reporting_unit' && { party, unitId: clock.unitId }), markedAt: now.toISOString(), openSteps: steps };
    const stepNames = steps.map((s) => s.name).filter(Boolean).join('、');
    const text = clock.immediate
      ? `【快报】事件 ${variables.incidentNumber}${variables.title ? `「${variables.title}」` : ''}须立即${channelZh(channel, party)}，${stepNames ? `待办：${stepNames}，` : ''}请即办理。依据：${clock.rule}`
      : `【快报迟报】事件 ${variables.incidentNumber}${variables.title ? `「${variables.title}」` : ''}${channelZh(channel, party)}时限 ${beijingTime(clock.dueAt)} 已届满仍未报出` +
        `${stepNames ? `（待办：${stepNames}）` : ''}，已记为迟报。依据：${clock.rule}`;
    await deps.notify({
      incidentNumber: variables.incidentNumber, reportId: variables.reportId, kind: clock.immediate ? 'immediate' : 'overdue', text,
      targets: await escalationTargets(deps, variables.clocks.escalateTo, { ...variables, instanceKey: job.instanceKey }),
      dedupeKey: effectKey(job, 'overdue-notice'), detail: evidence, at: now,
    });
    if (clock.immediate) return complete();
    // The 迟报 mark and its evidence commit with the job; the texts above are at least once (their dedupe key).
    return complete(
      undefined,
      deps.writes(async ({ clocks, audit }) => {
        await clocks.markOverdue(variables.reportId, channel, now, party);
        await audit.append({
          incidentNumber: variables.incidentNumber, reportId: variables.reportId, actorName: SYSTEM_ACTOR, action: 'clock.overdue',
          detail: evidence, dedupeKey: effectKey(job, 'overdue'), at: now,
        });
      }),
    );
  });
}
