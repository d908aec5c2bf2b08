import { complete, fail } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import type { NotifyTarget } from '../notify/notifier';
import { onDutyTargets } from '../notify/on-duty';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  title: z.string().nullish(),
  verifyOpinion: z.string().nullish(),
});

const OUTCOMES = {
  confirmed: { action: 'report.verification_confirmed', text: '经核实属实（确认），正式报告经单位领导审签后报送' },
  revoked: { action: 'report.revoked', text: '经核实不属实，已撤销，此前收到的报告作废' },
} as const;

/**
 * 000 (the 双江 lesson): every unit that received a report before it was verified (the 越级 copy) learns how 核实
 * ended — header `outcome`: `confirmed` (确认) or `revoked` (撤销) — by a notice to its duty officers and an entry
 * in the dossier. Other instances of the incident (核报 requests) end with a revocation: nothing of it stays open.
 */
export function announceVerificationHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const outcome = job.customHeaders.outcome;
    if (outcome !== 'confirmed' && outcome !== 'revoked') return fail(`Task header "outcome" must be confirmed or revoked, not "${outcome ?? ''}"`, { retries: 0 });
    const { action, text } = OUTCOMES[outcome];
    const at = deps.now();
    const deliveries = (await deps.incidents.recipientsOf(variables.incidentNumber)).filter((r) => r.reportId === variables.reportId);
    const units = [...new Set(deliveries.map((d) => d.receiverUnitId))];
    if (outcome === 'revoked') {
      for (const other of await deps.messages.findInstances({ businessKey: variables.incidentNumber })) {
        if (other.key !== job.instanceKey && other.state === 'active') await deps.messages.cancelInstance(other.key);
      }
    }
    if (units.length === 0 && outcome === 'confirmed') return complete(); // nobody received it before 核实: nothing to tell
    await deps.audit.append({
      incidentNumber: variables.incidentNumber, reportId: variables.reportId, actorName: SYSTEM_ACTOR, action,
      detail: { outcome, opinion: variables.verifyOpinion ?? null, notifiedUnitIds: units }, dedupeKey: effectKey(job, 'announced'), at,
    });
    if (units.length === 0) return complete();
    const targets: NotifyTarget[] = [];
    // the 值班员 on the unit's roster now (issue 23), else every duty officer of the unit
    for (const unitId of units) targets.push(...((await onDutyTargets(deps, unitId, 'officers')) ?? (await deps.users.withRole(unitId, 'duty_officer'))));
    await deps.notify({
      incidentNumber: variables.incidentNumber, reportId: variables.reportId, kind: outcome === 'revoked' ? 'revoked' : 'verified',
      text: `【快报核实结果】事件 ${variables.incidentNumber}${variables.title ? `「${variables.title}」` : ''}${text}${variables.verifyOpinion ? `。核实意见：${variables.verifyOpinion}` : ''}`,
      targets, dedupeKey: effectKey(job, 'announce-notice'), detail: { outcome, notifiedUnitIds: units }, at,
    });
    return complete();
  });
}
