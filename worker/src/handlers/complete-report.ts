import { STATUS_OF_STEP } from '@kuaibao/domain';
import { complete } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

const variablesSchema = z.object({ reportId: z.string().min(1), incidentNumber: z.string().min(1) });

/** The city duty office has received the report: the reporting chain of this report is complete, and the dossier header shows the latest facts. */
export function completeReportHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const at = deps.now();
    return complete(
      undefined,
      deps.writes(async ({ incidents, audit }) => {
        await incidents.setReportStatus(variables.reportId, STATUS_OF_STEP.completed);
        await incidents.refreshHeader(variables.incidentNumber);
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorName: SYSTEM_ACTOR,
          action: 'report.completed',
          detail: {},
          dedupeKey: effectKey(job, 'completed'),
          at,
        });
      }),
    );
  });
}
