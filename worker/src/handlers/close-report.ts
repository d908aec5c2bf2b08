import { STATUS_OF_STEP } from '@kuaibao/domain';
import { complete } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  verifyOpinion: z.string().nullish(),
});

/** Closes a report the verifier found is not an incident; the dossier keeps the reason. */
export function closeReportHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const at = deps.now();
    return complete(
      undefined,
      deps.writes(async ({ incidents, audit }) => {
        await incidents.setReportStatus(variables.reportId, STATUS_OF_STEP.closedNotIncident);
        await incidents.closeIncident(variables.incidentNumber, at);
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorName: SYSTEM_ACTOR,
          action: 'report.closed',
          detail: { reason: variables.verifyOpinion ?? null },
          dedupeKey: effectKey(job, 'closed'),
          at,
        });
      }),
    );
  });
}
