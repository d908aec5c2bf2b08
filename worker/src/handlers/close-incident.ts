import { STATUS_OF_STEP } from '@kuaibao/domain';
import { complete } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

const variablesSchema = z.object({ reportId: z.string().min(1), incidentNumber: z.string().min(1) });

/** 终报 received by the city duty office (000: 处置结束后及时终报): the incident is closed. */
export function closeIncidentHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const at = deps.now();
    return complete(
      undefined,
      deps.writes(async ({ incidents, audit }) => {
        await incidents.setReportStatus(variables.reportId, STATUS_OF_STEP.concluded); // before the incident shows closed
        await incidents.closeIncident(variables.incidentNumber, at);
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorName: SYSTEM_ACTOR,
          action: 'incident.closed',
          detail: { byReport: 'final' },
          dedupeKey: effectKey(job, 'incident-closed'),
          at,
        });
      }),
    );
  });
}
