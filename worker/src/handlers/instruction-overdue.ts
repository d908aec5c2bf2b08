import { instructionClock } from '@kuaibao/domain';
import { complete } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { beijingTime } from './clock-variables';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';
import { instructionNotice } from './instruction-notice';

export const instructionJobSchema = z.object({ instructionId: z.string().min(1), incidentNumber: z.string().min(1) });

/**
 * A 领导批示's 落实 deadline passed (leader-instruction.bpmn, ADR 0061): each named unit that has not reported its
 * 落实情况 is 逾期未落实 — written to the incident's trail with the evidence, and texted to the unit's leaders and to whoever
 * is on duty at the duty office that relayed it (its roster now, else all its duty officers). Units that reported, in
 * time or late, are left alone; when all did, nothing is sent.
 */
export function instructionOverdueHandler(deps: HandlerDeps): Handler {
  return withVariables(instructionJobSchema, async ({ instructionId, incidentNumber }, job) => {
    const instruction = await deps.instructions?.get(instructionId);
    if (!instruction) return complete();
    const now = deps.now();
    const overdue = instruction.units.filter((u) => instructionClock(instruction.dueAt, u.doneAt, now).overdue);
    if (overdue.length === 0) return complete();
    const { units, targets, gist } = await instructionNotice(deps, instruction, overdue);
    const text = `【快报督办】${instruction.instructingLeader}批示「${gist}」（事件 ${incidentNumber}）落实时限 ${beijingTime(instruction.dueAt)} 已届满，` +
      `${units.map((u) => u.name).join('、')}尚未反馈落实情况，已记为逾期未落实，请即落实并反馈。`;
    const evidence = { instructionId, dueAt: instruction.dueAt.toISOString(), units, markedAt: now.toISOString() };
    await deps.notify({ incidentNumber, reportId: null, kind: 'instruction_overdue', text, targets, dedupeKey: effectKey(job, 'instruction-overdue-notice'), detail: evidence, at: now });
    return complete(
      undefined,
      deps.writes(async ({ audit }) => {
        await audit.append({ incidentNumber, actorName: SYSTEM_ACTOR, action: 'instruction.overdue', detail: evidence, dedupeKey: effectKey(job, 'instruction-overdue'), at: now });
      }),
    );
  });
}
