import { instructionClock } from '@kuaibao/domain';
import { complete } from '@kuaibao/engine';
import { effectKey, withVariables, type Handler } from '../handler';
import { beijingHour } from './clock-variables';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';
import { instructionNotice } from './instruction-notice';
import { instructionJobSchema } from './instruction-overdue';

/**
 * 落实时限将至 (leader-instruction.bpmn, at clocks.instructionRemindAt; ADR 0061 addendum): the 催办 the report clocks
 * send before their deadlines. Each named unit that has not reported its 落实情况 yet is reminded — a text to its leaders
 * and to whoever is on duty at the relaying duty office, and an `instruction.reminded` entry in the trail. Nothing is
 * sent when all reported, nor once the deadline has passed (a late relay): the overdue mark that follows says it then.
 * The text gives the deadline as HH:mm: `instructionRemindAt` never falls more than an hour before it.
 */
export function instructionRemindHandler(deps: HandlerDeps): Handler {
  return withVariables(instructionJobSchema, async ({ instructionId, incidentNumber }, job) => {
    const instruction = await deps.instructions?.get(instructionId);
    if (!instruction) return complete();
    const now = deps.now();
    const open = instruction.units.filter((u) => {
      const clock = instructionClock(instruction.dueAt, u.doneAt, now);
      return clock.status === 'open' && !clock.overdue;
    });
    if (open.length === 0) return complete();
    const { units, targets, gist } = await instructionNotice(deps, instruction, open);
    const text = `【快报催办】${instruction.instructingLeader}批示「${gist}」（事件 ${incidentNumber}）落实时限 ${beijingHour(instruction.dueAt)} 将至，` +
      `${units.map((u) => u.name).join('、')}尚未反馈落实情况，请抓紧落实并按时反馈。`;
    const evidence = { instructionId, dueAt: instruction.dueAt.toISOString(), units, remindedAt: now.toISOString() };
    await deps.notify({ incidentNumber, reportId: null, kind: 'instruction_reminder', text, targets, dedupeKey: effectKey(job, 'instruction-remind-notice'), detail: evidence, at: now });
    return complete(
      undefined,
      deps.writes(async ({ audit }) => {
        await audit.append({ incidentNumber, actorName: SYSTEM_ACTOR, action: 'instruction.reminded', detail: evidence, dedupeKey: effectKey(job, 'instruction-reminded'), at: now });
      }),
    );
  });
}
