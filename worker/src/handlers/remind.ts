import { complete } from '@kuaibao/engine';
import { effectKey, withVariables, type Handler } from '../handler';
import { escalationTargets } from '../notify/escalation-targets';
import { clockEvidence } from './clock-evidence';
import { beijingTime, channelZh, clockJobSchema } from './clock-variables';
import type { HandlerDeps } from './deps';
import { clockedSteps } from './clocked-steps';

/**
 * 催办: a reminder timer fired before a deadline. Texts the current assignees (or candidates) of the open
 * steps and the leader on duty about the nearest deadline still open; nothing when every clock is met.
 */
export function remindHandler(deps: HandlerDeps): Handler {
  return withVariables(clockJobSchema, async (variables, job) => {
    const now = deps.now();
    const party = variables.clockParty;
    const next = (await deps.clocks.forReport(variables.reportId, party)).find((c) => c.status === 'open' && c.dueAt.getTime() > now.getTime());
    if (!next) return complete();
    const steps = (await clockedSteps(deps.inbox, job.instanceKey, party)).map((t) => t.name).filter(Boolean);
    const minutes = Math.ceil((next.dueAt.getTime() - now.getTime()) / 60_000);
    const text =
      `【快报催办】事件 ${variables.incidentNumber}${variables.title ? `「${variables.title}」` : ''}${channelZh(next.channel, party)}时限 ${beijingTime(next.dueAt)} 届满，` +
      `尚余 ${minutes} 分钟${steps.length ? `，待办：${steps.join('、')}` : ''}。依据：${next.rule}`;
    await deps.notify({
      incidentNumber: variables.incidentNumber,
      reportId: variables.reportId,
      kind: 'reminder',
      text,
      targets: await escalationTargets(deps, ['current_assignees', 'leader_on_duty'], { ...variables, instanceKey: job.instanceKey }),
      dedupeKey: effectKey(job, 'remind'),
      detail: { ...clockEvidence(next, null), ...(party !== 'reporting_unit' && { party, unitId: next.unitId }), remainingMs: next.dueAt.getTime() - now.getTime(), openSteps: steps },
      at: now,
    });
    return complete();
  });
}
