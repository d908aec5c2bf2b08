import { STATUS_OF_STEP } from '@kuaibao/domain';
import { complete, fail } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';
import { recipientSchema } from './recipients';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  recipients: z.record(z.string(), recipientSchema.nullable()),
});

/**
 * 报送: delivers the signed report to one recipient named by the task header `recipient`
 * (superiorDepartment, sameLevelGovernment, cityDutyOffice); `receiver` names the unit that acts on
 * it when that differs (a government receives through its duty office). Recorded in the dossier.
 * Header `copy="true"`: a copy sent beside the main route (越级) leaves the report's status alone.
 */
export function dispatchHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const role = job.customHeaders.recipient;
    const recipient = role ? variables.recipients[role] : undefined;
    const receiver = variables.recipients[job.customHeaders.receiver ?? role ?? ''];
    if (!role || !recipient || !receiver) return fail(`No recipient "${role ?? '(no header)'}" for report ${variables.reportId}`, { retries: 0 });
    const at = deps.now();
    // When it reached this recipient (`superiorDepartmentDeliveredAt`, …): a recipient's own clock counts from it (接报, docs/adr/0057).
    return complete(
      { [`${role}DeliveredAt`]: at.toISOString() },
      deps.writes(async ({ incidents, audit }) => {
        if (job.customHeaders.copy !== 'true') await incidents.setReportStatus(variables.reportId, STATUS_OF_STEP.dispatched);
        await incidents.recordRecipient({
          reportId: variables.reportId,
          role,
          incidentNumber: variables.incidentNumber,
          unitId: recipient.id,
          receiverUnitId: receiver.id,
          dispatchedAt: at,
        });
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorName: SYSTEM_ACTOR,
          action: 'report.dispatched',
          detail: { recipientRole: role, recipientUnitId: recipient.id, recipientName: recipient.name, receiverUnitId: receiver.id },
          dedupeKey: effectKey(job, 'dispatched'),
          at,
        });
      }),
    );
  });
}
