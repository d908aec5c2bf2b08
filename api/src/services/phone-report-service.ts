import { randomUUID } from 'node:crypto';
import { phoneReportCallers, type RecipientRole } from '@kuaibao/domain';
import { toOrgUnit } from '@kuaibao/worker';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual, invalidField } from '../errors/app-error';
import type { RecordPhoneReportRequest } from '../routes/reports/record-phone-report.types';

/** The role under which the receiving duty office appears among a phone report's recipients. */
export const PHONE_RECEIVER_ROLE: RecipientRole = 'phoneReceiver';

/**
 * 先电话报告: a duty officer records a phone or oral report as the first entry of a new dossier. The caller's
 * unit becomes the reporting unit (its written report follows into the same dossier); the duty officer's unit
 * is recorded as having received it, so the duty office keeps seeing the dossier. Callers are units under the
 * duty office's government, or for a department's duty officer its own unit and its line below it (phoneReportCallers).
 */
export async function recordPhoneReport(deps: ApiDeps, user: SessionUser, body: RecordPhoneReportRequest, ip: string | null) {
  if (!user.roles.includes('duty_officer')) throw new AppError('FORBIDDEN', bilingual('只有值班员可以登记电话报告', 'Only duty officers may record phone reports'));
  const units = await deps.orgUnits.all();
  const own = units.find((u) => u.id === user.unitId);
  const caller = units.find((u) => u.id === body.callerUnitId);
  if (!own || !caller || !phoneReportCallers(units.map(toOrgUnit), own.id).has(caller.id)) {
    throw invalidField('callerUnitId', bilingual('来电单位不在本值班室的受理范围内', 'The calling unit is outside this duty office’s range'));
  }
  const calledAt = new Date(body.calledAt);
  const reportId = randomUUID();
  const { title, category, severity, sensitive, occurredAt, learnedAt, ...call } = body;
  const { number } = await deps.incidents.openDossier(
    { divisionCode: caller.divisionCode, at: calledAt },
    {
      title: title ?? body.summary.slice(0, 40), category, severity, sensitive, classified: false, reportingUnitId: caller.id,
      occurredAt: new Date(occurredAt), learnedAt: new Date(learnedAt ?? occurredAt),
    },
    { id: reportId, kind: 'phone', sequence: 0, status: 'received', content: { ...call, callerUnitName: caller.name, receivedByUnitId: own.id, receivedBy: user.displayName, occurredAt, learnedAt: learnedAt ?? null }, createdById: user.id },
    { actorId: user.id, actorName: user.displayName, action: 'report.phoned', detail: { callerName: body.callerName, callerUnitName: caller.name, calledAt: body.calledAt, receivedBy: own.name }, ip, at: deps.now() },
  );
  await deps.incidents.recordRecipient({ reportId, role: PHONE_RECEIVER_ROLE, incidentNumber: number, unitId: own.id, receiverUnitId: own.id, dispatchedAt: calledAt });
  return { incidentNumber: number, reportId };
}
