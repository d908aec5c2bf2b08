import { MESSAGES } from '@kuaibao/domain';
import { complete, EngineError } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  upwardOpinion: z.string().nullish(),
});

/** The buffered clearance outlives any plausible gap before the superior branch subscribes. */
const CLEARANCE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * 004 (no 信息倒流): releases the report to its superior department by publishing `upwardCleared` to the
 * branch that waits for it. Header `clearedBy`: `policy` (no approval needed) or `city_duty_office` (approved).
 * The message id is the report's, so a re-delivered job does not release twice.
 */
export function clearUpwardHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const clearedBy = job.customHeaders.clearedBy ?? 'policy';
    try {
      await deps.messages.publishMessage({
        name: MESSAGES.upwardCleared,
        correlationKey: variables.reportId,
        messageId: `upward-cleared:${variables.reportId}`,
        timeToLiveMs: CLEARANCE_TTL_MS,
        // The instance runs in its jurisdiction's tenant when the jurisdiction deployed its own flow (docs/adr/0036).
        ...(job.tenantId && { tenantId: job.tenantId }),
      });
    } catch (error) {
      // Already published and still buffered: the first delivery of this job did it.
      if (!(error instanceof EngineError && error.code === 'INVALID_STATE')) throw error;
    }
    if (clearedBy !== 'city_duty_office') return complete();
    const at = deps.now();
    return complete(
      undefined,
      deps.writes(async ({ audit }) => {
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorName: SYSTEM_ACTOR,
          action: 'report.upward_cleared',
          detail: { clearedBy, opinion: variables.upwardOpinion ?? null },
          dedupeKey: effectKey(job, 'upward-cleared'),
          at,
        });
      }),
    );
  });
}
