import { processTenantOfUnit } from './process-tenant';
import { randomUUID } from 'node:crypto';
import {
  asStoredJson, firstReportClockVariables, laterReportContent, PROCESS_IDS, REPORT_STATUS_ONCE_STARTED, reportChanges, type MergedReportRules, type ReportPatch, type Severity,
} from '@kuaibao/domain';
import type { Variables } from '@kuaibao/engine';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual, validationFailed } from '../errors/app-error';
import { assertLaterReportAllowed, previousReport } from './later-report-rules';
import { canSee, visibilityOf } from './visibility';

/**
 * Submits a 续报 or 终报 for an incident: the body holds only what changed; the stored report holds the
 * previous report's content merged with it, and the difference. Its own workflow (follow-up-report)
 * takes it through sign-off to the same recipients. If the workflow cannot start, the report is removed.
 * `rules` are the domain's rules for the merged report, in the request's language.
 */
export async function submitLaterReport(
  deps: ApiDeps,
  user: SessionUser,
  input: { incidentNumber: string; patch: ReportPatch | ClassifiedFinalPatch; rules: MergedReportRules; ip: string | null },
) {
  const { incidentNumber, patch } = input;
  const incident = await deps.incidents.get(incidentNumber);
  if (!incident || !canSee(await visibilityOf(user, deps), incident)) throw new AppError('NOT_FOUND', bilingual(`事件 ${incidentNumber} 不存在`, `Incident ${incidentNumber} not found`));
  if (incident.reportingUnitId !== user.unitId || !user.roles.some((r) => r === 'reporter' || r === 'duty_officer')) {
    throw new AppError('FORBIDDEN', bilingual('只有报送单位的信息员或值班员可以续报、终报', 'Only the reporting unit’s reporters and duty officers may send follow-up and final reports'));
  }
  const now = deps.now();
  const reportId = randomUUID();
  const created = await deps.incidents.appendReport(incidentNumber, (dossier) => {
    assertLaterReportAllowed(dossier, patch.kind, 'classified' in patch);
    const previous = previousReport(dossier);
    const before = previous.content as Record<string, unknown>;
    const content = laterReportContent(before, patch, incidentNumber);
    const checked = input.rules[patch.kind](content);
    if (!checked.success) throw validationFailed(checked.error.issues);
    const changes = reportChanges(before, content);
    return {
      report: { id: reportId, kind: patch.kind, status: 'submitting', content: asStoredJson(content), changes, createdById: user.id },
      audit: {
        actorId: user.id,
        actorName: user.displayName,
        action: 'report.submitted',
        detail: { kind: patch.kind, previousReportId: previous.id, changedFields: changes.map((c) => c.field) },
        ip: input.ip,
        at: now,
      },
    };
  });
  try {
    const common = { reportId, incidentNumber, reportingUnitId: incident.reportingUnitId, reportKind: patch.kind, title: incident.title };
    const start = 'classified' in patch ? await classifiedFinalStart(deps, incident, patch, common) : { bpmnProcessId: PROCESS_IDS.followUpReport, variables: common };
    const tenant = await processTenantOfUnit(deps, start.bpmnProcessId, incident.reportingUnitId);
    const instance = await deps.engine.startInstance({ ...tenant, ...start, businessKey: incidentNumber });
    await deps.incidents.linkInstance(reportId, instance.key, REPORT_STATUS_ONCE_STARTED[start.bpmnProcessId]);
    return { incidentNumber, reportId, kind: patch.kind, sequence: created.sequence, instanceKey: instance.key };
  } catch (error) {
    await deps.incidents.deleteUnstartedReport(reportId);
    console.error('[api] follow-up workflow start failed; submit undone', incidentNumber, reportId, error);
    throw new AppError('ENGINE_UNAVAILABLE', bilingual('流程未能启动，报告未保存，请重试', 'The workflow did not start; the report was not saved. Try again'));
  }
}

type ClassifiedFinalPatch = { kind: 'final'; classified: true; endedAt: Date; secureTransmission: { recipientUnitId?: string | undefined } };

/**
 * 涉密终报 (ADR 0031): the placeholder goes the classified flow — signed off, recorded as sent, acknowledged by the
 * duty office — and its acknowledgement closes the incident. Its clocks are the policy's for a 终报 (none set today).
 */
async function classifiedFinalStart(
  deps: ApiDeps,
  incident: { reportingUnitId: string; severity: string; sensitive: boolean; occurredAt: Date; learnedAt: Date },
  patch: ClassifiedFinalPatch,
  common: Variables,
) {
  const unit = await deps.orgUnits.get(incident.reportingUnitId);
  const clock = firstReportClockVariables(unit?.divisionCode ?? 'default', { ...incident, severity: incident.severity as Severity });
  const variables: Variables = { ...clock, ...common, reportKind: 'final', severity: incident.severity, secureRecipientUnitId: patch.secureTransmission.recipientUnitId ?? null };
  return { bpmnProcessId: PROCESS_IDS.classifiedReport, variables };
}
