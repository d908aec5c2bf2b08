import { STATUS_OF_STEP } from '@kuaibao/domain';
import { complete } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  signOffOpinion: z.string().nullish(),
});

/**
 * The unit leader returned a 续报/终报: it never leaves the unit, so it ends here as `returned` with the
 * leader's opinion, and the reporter files a new one (the next report's difference is taken from the
 * last report that was not returned).
 */
export function returnReportHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const at = deps.now();
    return complete(
      undefined,
      deps.writes(async ({ incidents, audit }) => {
        await incidents.setReportStatus(variables.reportId, STATUS_OF_STEP.returned);
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorName: SYSTEM_ACTOR,
          action: 'report.returned',
          detail: { opinion: variables.signOffOpinion ?? null },
          dedupeKey: effectKey(job, 'returned'),
          at,
        });
      }),
    );
  });
}
