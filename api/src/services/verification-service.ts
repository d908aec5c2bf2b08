import { processTenant } from './process-tenant';
import { randomUUID } from 'node:crypto';
import { candidateGroup, PROCESS_IDS, REPORT_KINDS, REPORT_STATUS_ONCE_STARTED, type VerificationContent, type VerificationRequest, verificationTargetProblem } from '@kuaibao/domain';
import { toOrgUnit } from '@kuaibao/worker';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual, invalidField } from '../errors/app-error';
import { canSee, visibilityOf } from './visibility';

/** A 核报 is kept in the dossier as a report of this kind: its workflow, tasks and inbox come for free. */
export const VERIFICATION_REPORT_KIND = 'verification';

/**
 * 核报: a duty officer (the city duty office) or a leader of a superior unit asks a unit below it to verify an
 * item of an incident they can see. The unit's verifiers and leaders answer (phone, then written); the
 * requester's duty officers receive the answer. The clocks come from the requester's jurisdiction (000 三（四）).
 */
export async function requestVerification(deps: ApiDeps, user: SessionUser, number: string, request: VerificationRequest, ip: string | null) {
  const incident = await deps.incidents.get(number);
  if (!incident || !canSee(await visibilityOf(user, deps), incident)) throw new AppError('NOT_FOUND', bilingual(`事件 ${number} 不存在`, `Incident ${number} not found`));
  if (!user.roles.some((r) => r === 'duty_officer' || r === 'leader')) throw new AppError('FORBIDDEN', bilingual('只有值班员或单位领导可以要求核报', 'Only duty officers and unit leaders may request verification'));
  const units = (await deps.orgUnits.all()).map(toOrgUnit);
  const byId = new Map(units.map((u) => [u.id, u]));
  const requester = byId.get(user.unitId);
  const target = byId.get(request.targetUnitId);
  if (!requester) throw new AppError('FORBIDDEN', bilingual('您的账号没有所属单位', 'Your account has no unit'));
  if (!target) throw invalidField('targetUnitId', bilingual('核报单位不存在', 'No such unit'));
  const problem = verificationTargetProblem(byId, { requesterUnitId: requester.id, targetUnitId: target.id, reportingUnitId: incident.reportingUnitId });
  if (problem === 'notBelowRequester') throw invalidField('targetUnitId', bilingual('只能要求本级政府或本单位的下级单位核报', 'Verification can be requested only of units below your government or unit'));
  if (problem) throw invalidField('targetUnitId', bilingual('只能要求报送单位或其上级单位（含其政府值班室）核报', 'Verification can be requested only of the reporting unit, a unit above it or its government’s duty office'));

  const answerUsers = await reportersIn(deps, incident.reports, target.id);
  const now = deps.now();
  const reportId = randomUUID();
  const content: VerificationContent = { ...request, requestedByUnitId: requester.id, replies: [] };
  await deps.incidents.addReport(
    { id: reportId, incidentNumber: number, kind: VERIFICATION_REPORT_KIND, status: 'submitting', content, createdById: user.id },
    { actorId: user.id, actorName: user.displayName, action: 'verification.requested', detail: { question: request.question, targetUnitId: target.id, targetUnitName: target.name }, ip, at: now },
    { role: 'verificationTarget', unitId: target.id, receiverUnitId: target.id, dispatchedAt: now },
  );
  try {
    const tenant = await processTenant(deps, PROCESS_IDS.verificationRequest, requester.divisionCode);
    const instance = await deps.engine.startInstance({
      ...tenant,
      bpmnProcessId: PROCESS_IDS.verificationRequest,
      businessKey: number,
      variables: {
        reportId,
        incidentNumber: number,
        // The clock of a 核报 answer: kind `verification`, from the moment the request reached the unit.
        jurisdiction: requester.divisionCode,
        reportKind: 'verification',
        severity: incident.severity,
        sensitive: incident.sensitive,
        occurredAt: incident.occurredAt.toISOString(),
        receivedAt: now.toISOString(),
        groups: {
          answer: [candidateGroup(target.id, 'verifier'), candidateGroup(target.id, 'leader')],
          requester: [candidateGroup(requester.id, 'duty_officer')],
        },
        // issue 20 defect 4: whoever filed the dossier's reports answers too, if still a reporter of the unit asked
        users: { answer: answerUsers },
      },
    });
    await deps.incidents.linkInstance(reportId, instance.key, REPORT_STATUS_ONCE_STARTED[PROCESS_IDS.verificationRequest]);
    return { incidentNumber: number, requestId: reportId, instanceKey: instance.key };
  } catch (error) {
    await deps.incidents.deleteUnstartedReport(reportId);
    console.error('[api] 核报 workflow start failed; request undone', number, error);
    throw new AppError('ENGINE_UNAVAILABLE', bilingual('核报流程未能启动，请重试', 'The verification workflow did not start. Try again'));
  }
}

/**
 * The people who filed the dossier's written reports (首报 / 续报 / 终报) and may still answer for the unit asked: active,
 * of that unit, with the reporter role (a reporter who moved or left is not asked). They become candidate users of the
 * 核报反馈 tasks beside the unit's verifiers and leaders: they know the incident best.
 */
async function reportersIn(deps: ApiDeps, reports: readonly { kind: string; createdById: string }[], unitId: string): Promise<string[]> {
  const kinds: readonly string[] = REPORT_KINDS;
  const ids = [...new Set(reports.filter((r) => kinds.includes(r.kind)).map((r) => r.createdById))];
  const people = await Promise.all(ids.map((id) => deps.users.get(id)));
  return people.filter((p) => p && p.active && p.unitId === unitId && p.roles.includes('reporter')).map((p) => p!.username);
}
